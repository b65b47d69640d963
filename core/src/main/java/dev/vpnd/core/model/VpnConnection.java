package dev.vpnd.core.model;

import java.time.Instant;
import java.util.List;

/**
 * An IPsec site-to-site connection between a VPN gateway and one customer gateway, or, in
 * dual-tunnel mode, two {@link Tunnel}s each with its own customer gateway ({@code customerGatewayId}
 * is then empty). {@code serial} is the store's small never-reused number for it (see {@link Vpc});
 * {@code vpcId} is its gateway's VPC, kept with it since gateways never move.
 */
public record VpnConnection(
        String id,
        long serial,
        Scope scope,
        String vpcId,
        String gatewayId,
        String customerGatewayId,
        String name,
        List<SecurityPolicy> securityPolicies,
        Initiation initiation,
        boolean enableDpd,
        int dpdTimeoutSeconds,
        DpdAction dpdAction,
        boolean enableNatTraversal,
        boolean autoConfigRoute,
        RouteType routeType,
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
        securityPolicies = List.copyOf(securityPolicies);
        tunnels = List.copyOf(tunnels);
        tags = List.copyOf(tags);
    }

    public boolean dualTunnel() {
        return !tunnels.isEmpty();
    }

    /** Every local CIDR of the security policies, each once, in order. */
    public List<String> localSubnets() {
        return securityPolicies.stream().flatMap(p -> p.localCidrs().stream()).distinct().toList();
    }

    /** Every remote CIDR of the security policies, each once, in order. */
    public List<String> remoteSubnets() {
        return securityPolicies.stream().flatMap(p -> p.remoteCidrs().stream()).distinct().toList();
    }

    public VpnConnection withTags(List<Tag> newTags) {
        return new VpnConnection(id, serial, scope, vpcId, gatewayId, customerGatewayId, name, securityPolicies,
                initiation, enableDpd, dpdTimeoutSeconds, dpdAction, enableNatTraversal, autoConfigRoute, routeType,
                ike, ipsec, bgp, healthCheck, remoteCaCertificate, enableTunnelsBgp, tunnels, status, lifecycle,
                createdAt, newTags, revision);
    }

    public VpnConnection withTunnels(List<Tunnel> newTunnels) {
        return new VpnConnection(id, serial, scope, vpcId, gatewayId, customerGatewayId, name, securityPolicies,
                initiation, enableDpd, dpdTimeoutSeconds, dpdAction, enableNatTraversal, autoConfigRoute, routeType,
                ike, ipsec, bgp, healthCheck, remoteCaCertificate, enableTunnelsBgp, newTunnels, status, lifecycle,
                createdAt, tags, revision);
    }
}
