package dev.vpnd.core.service;

import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.SiteConnectionAttributes;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.port.DataPlaneStore.SiteSettings;
import dev.vpnd.core.port.Stores;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gateway's plan from the canonical records, every setting resolved so that the agent defaults
 * nothing: an identity left empty is the address of its end, the peer is the address of the
 * tunnel's own customer gateway (each tunnel of a dual-tunnel connection has one), a tunnel's
 * absent IKE or IPsec settings are its connection's, the DPD interval is the connection's own where
 * it stores one (made through OpenStack's API), else {@link SiteConnectionAttributes#DEFAULT_DPD_INTERVAL_SECONDS}.
 * A connection an administrator switched off (Neutron's {@code admin_state_up}), every connection
 * of a VPN service switched off, and a tunnel that cannot be configured (its customer gateway gone,
 * no traffic selector on a side) are left out, so the daemon holds none of them.
 */
final class PlanBuilder {
    private PlanBuilder() {
    }

    static GatewayPlan plan(Stores s, VpnGateway gateway, long revision) {
        if (!s.dataPlane().gatewayAdminStateUp(gateway.id())) {
            return new GatewayPlan(gateway.id(), revision, gateway.internetIp(), List.of());
        }
        var connections = DataPlaneService.connectionsOn(s, gateway);
        Map<String, SiteSettings> sites = s.dataPlane().siteSettings(connections.stream()
                .map(VpnConnection::id).toList());
        var peers = new HashMap<String, Optional<CustomerGateway>>();
        var tunnels = new ArrayList<TunnelPlan>();
        for (VpnConnection c : connections) {
            tunnels.addAll(tunnels(s, gateway, c, sites.get(c.id()), peers));
        }
        return new GatewayPlan(gateway.id(), revision, gateway.internetIp(), tunnels);
    }

    /**
     * The tunnels of one connection in its gateway's plan, as {@link #plan} builds them: a change of
     * the connection that leaves them equal has nothing for the agent to do.
     */
    static List<TunnelPlan> tunnelsOf(Stores s, VpnGateway gateway, VpnConnection c) {
        if (!s.dataPlane().gatewayAdminStateUp(gateway.id())) {
            return List.of();
        }
        return tunnels(s, gateway, c, s.dataPlane().siteSettings(List.of(c.id())).get(c.id()), new HashMap<>());
    }

    private static List<TunnelPlan> tunnels(Stores s, VpnGateway gateway, VpnConnection c, SiteSettings site,
            Map<String, Optional<CustomerGateway>> peers) {
        if (site != null && !site.adminStateUp()) {
            return List.of();
        }
        long dpdInterval = site == null ? SiteConnectionAttributes.DEFAULT_DPD_INTERVAL_SECONDS
                : site.dpdIntervalSeconds();
        var tunnels = new ArrayList<TunnelPlan>();
        if (!c.dualTunnel()) {
            tunnel(c, 0, c.customerGatewayId(), c.ike(), c.ipsec(), c.enableDpd(), c.enableNatTraversal(), gateway,
                    dpdInterval, peer(s, c, c.customerGatewayId(), peers)).ifPresent(tunnels::add);
            return tunnels;
        }
        for (Tunnel t : c.tunnels()) {
            tunnel(c, t.index(), t.customerGatewayId(), t.ike() == null ? c.ike() : t.ike(),
                    t.ipsec() == null ? c.ipsec() : t.ipsec(), t.enableDpd(), t.enableNatTraversal(), gateway,
                    dpdInterval, peer(s, c, t.customerGatewayId(), peers)).ifPresent(tunnels::add);
        }
        return tunnels;
    }

    private static Optional<TunnelPlan> tunnel(VpnConnection c, int index, String customerGatewayId, IkeConfig ike,
            IpsecConfig ipsec, boolean dpd, boolean natTraversal, VpnGateway gateway, long dpdInterval,
            Optional<CustomerGateway> peer) {
        var local = c.localSubnets();
        var remote = c.remoteSubnets();
        if (peer.isEmpty() || ike == null || ipsec == null || local.isEmpty() || remote.isEmpty()
                || customerGatewayId.isEmpty()) {
            return Optional.empty();
        }
        String localAddress = gateway.internetIp();
        String peerAddress = peer.get().ipAddress();
        var resolved = ike.withIdentities(ike.localId().isEmpty() ? localAddress : ike.localId(),
                ike.remoteId().isEmpty() ? peerAddress : ike.remoteId());
        HealthCheck hc = c.healthCheck();
        return Optional.of(new TunnelPlan(TunnelPlan.nameOf(c.id(), index), c.id(), index, localAddress, peerAddress,
                resolved, ipsec, local, remote,
                new TunnelPlan.DeadPeerDetection(dpd, dpdInterval, c.dpdTimeoutSeconds(), c.dpdAction()),
                natTraversal, c.initiation(), hc != null && hc.enabled() ? hc : null));
    }

    private static Optional<CustomerGateway> peer(Stores s, VpnConnection c, String customerGatewayId,
            Map<String, Optional<CustomerGateway>> peers) {
        return peers.computeIfAbsent(customerGatewayId, id -> id.isEmpty() ? Optional.empty()
                : s.customerGateways().find(c.scope(), id));
    }
}
