package dev.vpnd.core.dataplane;

import java.util.Objects;

/**
 * What an agent observed of one tunnel of its plan: the states of its IKE SA and CHILD_SA, the
 * traffic counters of the CHILD_SA, and, when the IPsec daemon refused the tunnel's configuration,
 * its reason ({@code configError}, null when it was accepted).
 */
public record TunnelReport(String name, SaState ike, SaState child, long bytesIn, long bytesOut, long packetsIn,
        long packetsOut, String configError) {
    public TunnelReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ike, "ike");
        Objects.requireNonNull(child, "child");
    }

    /** Whether the tunnel carries traffic: both SAs established. */
    public boolean up() {
        return ike == SaState.ESTABLISHED && child == SaState.ESTABLISHED;
    }
}
