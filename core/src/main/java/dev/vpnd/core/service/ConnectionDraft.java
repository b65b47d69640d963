package dev.vpnd.core.service;

import dev.vpnd.core.model.BgpConfig;
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
        List<Tag> tags) {

    public ConnectionDraft {
        localSubnets = List.copyOf(localSubnets);
        remoteSubnets = List.copyOf(remoteSubnets);
        tunnels = List.copyOf(tunnels);
        tags = List.copyOf(tags);
    }

    public static ConnectionDraft of(VpnConnection c) {
        return new ConnectionDraft(c.gatewayId(), c.customerGatewayId(), c.name(), c.localSubnets(),
                c.remoteSubnets(), c.effectImmediately(), c.enableDpd(), c.enableNatTraversal(), c.autoConfigRoute(),
                c.ike(), c.ipsec(), c.bgp(), c.healthCheck(), c.remoteCaCertificate(), c.enableTunnelsBgp(),
                c.tunnels(), c.tags());
    }
}
