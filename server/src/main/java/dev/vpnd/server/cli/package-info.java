/** The command line: serve, account, key, secrets. */
package dev.vpnd.server.cli;
