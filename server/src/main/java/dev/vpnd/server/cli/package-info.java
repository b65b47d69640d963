/** The command line: serve, account, key. */
package dev.vpnd.server.cli;
