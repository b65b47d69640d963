package dev.vpnd.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

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

    /**
     * The connection as a key that hides secrets reads it ({@link AccessKey#hidesSecrets}): its own
     * and its tunnels' pre-shared keys and BGP authentication keys empty, everything else as it is.
     */
    public VpnConnection withoutSecrets() {
        var blankTunnels = tunnels.stream().map(t -> new Tunnel(t.id(), t.index(), t.role(), t.customerGatewayId(),
                t.enableDpd(), t.enableNatTraversal(), t.remoteCaCertificate(), withoutPsk(t.ike()), t.ipsec(),
                withoutAuthKey(t.bgp()), t.internetIp(), t.zone(), t.status())).toList();
        return new VpnConnection(id, serial, scope, vpcId, gatewayId, customerGatewayId, name, securityPolicies,
                initiation, enableDpd, dpdTimeoutSeconds, dpdAction, enableNatTraversal, autoConfigRoute, routeType,
                withoutPsk(ike), ipsec, withoutAuthKey(bgp), healthCheck, remoteCaCertificate, enableTunnelsBgp,
                blankTunnels, status, lifecycle, createdAt, tags, revision);
    }

    private static IkeConfig withoutPsk(IkeConfig ike) {
        return ike == null || ike.psk() == null ? ike : ike.withPsk(Secret.EMPTY);
    }

    private static BgpConfig withoutAuthKey(BgpConfig bgp) {
        return bgp == null || bgp.authKey().isEmpty() ? bgp : new BgpConfig(bgp.enabled(), bgp.localAsn(),
                bgp.tunnelCidr(), bgp.localBgpIp(), bgp.remoteBgpIp(), "");
    }

    /**
     * The connection with its own negotiation status and its tunnels' by index; a tunnel whose index
     * {@code tunnelStatuses} lacks keeps its status.
     */
    public VpnConnection withStatus(NegotiationStatus newStatus, Map<Integer, NegotiationStatus> tunnelStatuses) {
        var newTunnels = tunnels.stream()
                .map(t -> t.withStatus(tunnelStatuses.getOrDefault(t.index(), t.status()))).toList();
        return new VpnConnection(id, serial, scope, vpcId, gatewayId, customerGatewayId, name, securityPolicies,
                initiation, enableDpd, dpdTimeoutSeconds, dpdAction, enableNatTraversal, autoConfigRoute, routeType,
                ike, ipsec, bgp, healthCheck, remoteCaCertificate, enableTunnelsBgp, newTunnels, newStatus, lifecycle,
                createdAt, tags, revision);
    }

    /** The connection with {@code change} applied to its own IKE settings and each tunnel's (absent ones stay). */
    public VpnConnection withIke(UnaryOperator<IkeConfig> change) {
        var newTunnels = tunnels.stream().map(t -> t.withIke(t.ike() == null ? null : change.apply(t.ike())))
                .toList();
        return new VpnConnection(id, serial, scope, vpcId, gatewayId, customerGatewayId, name, securityPolicies,
                initiation, enableDpd, dpdTimeoutSeconds, dpdAction, enableNatTraversal, autoConfigRoute, routeType,
                ike == null ? null : change.apply(ike), ipsec, bgp, healthCheck, remoteCaCertificate, enableTunnelsBgp,
                newTunnels, status, lifecycle, createdAt, tags, revision);
    }

    public VpnConnection withRevision(long newRevision) {
        return new VpnConnection(id, serial, scope, vpcId, gatewayId, customerGatewayId, name, securityPolicies,
                initiation, enableDpd, dpdTimeoutSeconds, dpdAction, enableNatTraversal, autoConfigRoute, routeType,
                ike, ipsec, bgp, healthCheck, remoteCaCertificate, enableTunnelsBgp, tunnels, status, lifecycle,
                createdAt, tags, newRevision);
    }

    public VpnConnection withTunnels(List<Tunnel> newTunnels) {
        return new VpnConnection(id, serial, scope, vpcId, gatewayId, customerGatewayId, name, securityPolicies,
                initiation, enableDpd, dpdTimeoutSeconds, dpdAction, enableNatTraversal, autoConfigRoute, routeType,
                ike, ipsec, bgp, healthCheck, remoteCaCertificate, enableTunnelsBgp, newTunnels, status, lifecycle,
                createdAt, tags, revision);
    }
}
