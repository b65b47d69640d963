package dev.vpnd.core.service;

import dev.vpnd.core.model.BgpConfig;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.RouteType;
import dev.vpnd.core.model.SecurityPolicy;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.VpnConnection;
import java.util.List;

/**
 * What a caller decides about an IPsec connection, on create or modify. A null PSK (in {@code ike}
 * or a tunnel's) asks the service to generate one; tunnel ids may be empty on create.
 */
public record ConnectionDraft(
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
        List<Tag> tags) {

    public ConnectionDraft {
        securityPolicies = List.copyOf(securityPolicies);
        tunnels = List.copyOf(tunnels);
        tags = List.copyOf(tags);
    }

    public static ConnectionDraft of(VpnConnection c) {
        return new ConnectionDraft(c.gatewayId(), c.customerGatewayId(), c.name(), c.securityPolicies(),
                c.initiation(), c.enableDpd(), c.dpdTimeoutSeconds(), c.dpdAction(), c.enableNatTraversal(),
                c.autoConfigRoute(), c.routeType(), c.ike(), c.ipsec(), c.bgp(), c.healthCheck(),
                c.remoteCaCertificate(), c.enableTunnelsBgp(), c.tunnels(), c.tags());
    }
}
