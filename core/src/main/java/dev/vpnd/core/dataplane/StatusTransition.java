package dev.vpnd.core.dataplane;

import dev.vpnd.core.model.NegotiationStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A connection's negotiation status changing at {@code at}: {@code tunnelIndex} 0 is the connection
 * itself (a single-tunnel connection's one tunnel), 1 and 2 the tunnels of a dual-tunnel one.
 */
public record StatusTransition(String connectionId, int tunnelIndex, NegotiationStatus status, Instant at) {
    public StatusTransition {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
