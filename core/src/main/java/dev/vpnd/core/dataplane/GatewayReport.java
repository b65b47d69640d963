package dev.vpnd.core.dataplane;

import java.util.List;
import java.util.Objects;

/**
 * An agent's report on one gateway: the plan revision it has applied (every tunnel of that plan
 * loaded into, or refused by, the IPsec daemon) and what it observes of each tunnel now.
 */
public record GatewayReport(String gatewayId, long appliedRevision, List<TunnelReport> tunnels) {
    public GatewayReport {
        Objects.requireNonNull(gatewayId, "gatewayId");
        tunnels = List.copyOf(tunnels);
    }
}
