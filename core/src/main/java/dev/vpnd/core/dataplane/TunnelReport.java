package dev.vpnd.core.dataplane;

import java.util.Objects;

/**
 * What an agent observed of one tunnel of its plan: the states of its IKE SA and CHILD_SA, the
 * traffic counters of the CHILD_SA, when the IPsec daemon refused the tunnel's configuration its
 * reason ({@code configError}, null when it was accepted), and the verdict of the tunnel's health
 * check ({@code health}, null when its plan has none, or the agent predates health checks).
 */
public record TunnelReport(String name, SaState ike, SaState child, long bytesIn, long bytesOut, long packetsIn,
        long packetsOut, String configError, Health health) {
    public TunnelReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ike, "ike");
        Objects.requireNonNull(child, "child");
    }

    /** A tunnel without a health check. */
    public TunnelReport(String name, SaState ike, SaState child, long bytesIn, long bytesOut, long packetsIn,
            long packetsOut, String configError) {
        this(name, ike, child, bytesIn, bytesOut, packetsIn, packetsOut, configError, null);
    }

    /** The same observation with the health check's verdict {@code verdict} (null: no health check). */
    public TunnelReport withHealth(Health verdict) {
        return new TunnelReport(name, ike, child, bytesIn, bytesOut, packetsIn, packetsOut, configError, verdict);
    }

    /** Whether the tunnel carries traffic: both SAs established. */
    public boolean up() {
        return ike == SaState.ESTABLISHED && child == SaState.ESTABLISHED;
    }
}
