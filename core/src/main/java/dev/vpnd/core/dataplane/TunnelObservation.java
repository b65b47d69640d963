package dev.vpnd.core.dataplane;

import java.time.Instant;
import java.util.Objects;

/**
 * The last report on one tunnel of a connection ({@code tunnelIndex} 0 for a single-tunnel
 * connection): its SA states, counters, the daemon's refusal if any, its health check's verdict
 * (null when none was reported), the plan revision the agent had applied then, and when it came.
 */
public record TunnelObservation(String connectionId, int tunnelIndex, String gatewayId, SaState ike, SaState child,
        long bytesIn, long bytesOut, long packetsIn, long packetsOut, String configError, Health health,
        long appliedRevision, Instant reportedAt) {
    public TunnelObservation {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(ike, "ike");
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }

    /** Both SAs established. */
    public boolean up() {
        return ike == SaState.ESTABLISHED && child == SaState.ESTABLISHED;
    }
}
