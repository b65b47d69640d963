/**
 * The benchmark: seeds a database through the store, starts the server as its own process, and drives it with freshly
 * signed requests from a separate load generator.
 */
package dev.vpnd.bench;
