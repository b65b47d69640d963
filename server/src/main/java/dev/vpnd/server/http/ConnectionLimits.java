package dev.vpnd.server.http;

import java.time.Duration;

/**
 * How many connections a listener holds and how long it waits on a client. Each connection holds a
 * file descriptor: clients that connect and then send nothing, or their request head a byte at a
 * time, would otherwise hold them until the process reaches its open-file limit and no listener can
 * accept anything.
 *
 * @param maxConnections connections one listener holds at once; at the limit it stops accepting
 *     (new clients wait in the kernel's accept queue) until one closes, and its idle connections
 *     are closed after {@code headerTimeout} instead of {@code idleTimeout}
 * @param headerTimeout how long a client may take to send a complete request head: the first
 *     counted from connecting (the TLS handshake included), each later one from its first byte
 * @param idleTimeout how long a connection may go without a byte in either direction: between the
 *     requests of a kept-alive connection, while a body arrives, while an answer is sent
 */
public record ConnectionLimits(int maxConnections, Duration headerTimeout, Duration idleTimeout) {
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(4096, Duration.ofSeconds(10),
            Duration.ofSeconds(30));

    /**
     * Descriptors left to everything but client connections: the database and its journal, jars,
     * selectors and their wake-up pipes, log files.
     */
    static final int RESERVED_DESCRIPTORS = 512;

    public ConnectionLimits {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("the connection limit must be at least 1, not " + maxConnections);
        }
        if (headerTimeout.isNegative() || headerTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public ConnectionLimits withMaxConnections(int connections) {
        return new ConnectionLimits(connections, headerTimeout, idleTimeout);
    }

    /**
     * These limits with {@code maxConnections} lowered, if need be, so that {@code listeners}
     * listeners at their limit, plus {@code otherConnections} held elsewhere and a reserve, stay
     * under the process's open-file limit: a process out of descriptors fails every accept, on every
     * listener, the operator's included, while a listener at its limit fails only its own clients.
     */
    public ConnectionLimits fittedTo(long openFileLimit, int listeners, int otherConnections) {
        long spare = openFileLimit - RESERVED_DESCRIPTORS - otherConnections;
        long each = Math.max(1, spare / listeners);
        return each >= maxConnections ? this : withMaxConnections((int) each);
    }
}
