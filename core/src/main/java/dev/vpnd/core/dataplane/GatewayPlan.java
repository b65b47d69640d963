package dev.vpnd.core.dataplane;

import java.util.List;
import java.util.Objects;

/**
 * Everything one VPN gateway's IPsec daemon must hold as of {@code revision}: one {@link TunnelPlan}
 * per IKE SA. Revisions only grow, so an agent that has applied a revision knows it need not apply
 * it, or anything older, again.
 *
 * @param publicAddress the gateway's public address, the local end of every tunnel
 */
public record GatewayPlan(String gatewayId, long revision, String publicAddress, List<TunnelPlan> tunnels) {
    public GatewayPlan {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(publicAddress, "publicAddress");
        tunnels = List.copyOf(tunnels);
    }
}
