package dev.vpnd.server;

import dev.vpnd.server.http.ConnectionLimits;

/**
 * How the listeners face the network.
 *
 * @param limits connections each API listener holds and how long it waits on a client
 */
public record ListenerSettings(ConnectionLimits limits) {
    public static final ListenerSettings DEFAULT = new ListenerSettings(ConnectionLimits.DEFAULT);
}
