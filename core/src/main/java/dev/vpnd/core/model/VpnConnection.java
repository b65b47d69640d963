package dev.vpnd.core.model;

import java.time.Instant;
import java.util.List;

/**
 * An IPsec site-to-site connection between a VPN gateway and one customer gateway, or, in
 * dual-tunnel mode, two {@link Tunnel}s each with its own customer gateway ({@code customerGatewayId}
 * is then empty). Subnets are canonical CIDR strings.
 */
public record VpnConnection(
        String id,
        Scope scope,
        String gatewayId,
        String customerGatewayId,
        String name,
        List<String> localSubnets,
        List<String> remoteSubnets,
        boolean effectImmediately,
        boolean enableDpd,
        boolean enableNatTraversal,
        boolean autoConfigRoute,
        IkeConfig ike,
        IpsecConfig ipsec,
        BgpConfig bgp,
        HealthCheck healthCheck,
        String remoteCaCertificate,
        boolean enableTunnelsBgp,
        List<Tunnel> tunnels,
        NegotiationStatus status,
        Lifecycle lifecycle,
        Instant createdAt,
        List<Tag> tags,
        long revision) {

    public VpnConnection {
        localSubnets = List.copyOf(localSubnets);
        remoteSubnets = List.copyOf(remoteSubnets);
        tunnels = List.copyOf(tunnels);
        tags = List.copyOf(tags);
    }

    public boolean dualTunnel() {
        return !tunnels.isEmpty();
    }

    public VpnConnection withTags(List<Tag> newTags) {
        return new VpnConnection(id, scope, gatewayId, customerGatewayId, name, localSubnets, remoteSubnets,
                effectImmediately, enableDpd, enableNatTraversal, autoConfigRoute, ike, ipsec, bgp, healthCheck,
                remoteCaCertificate, enableTunnelsBgp, tunnels, status, lifecycle, createdAt, newTags, revision);
    }
}
