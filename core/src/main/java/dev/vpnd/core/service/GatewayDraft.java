package dev.vpnd.core.service;

import dev.vpnd.core.model.ChargeType;
import dev.vpnd.core.model.NetworkType;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnType;
import java.util.List;

/** What a caller decides about a VPN gateway, on create or modify. */
public record GatewayDraft(
        String vpcId,
        String vswitchId,
        String name,
        String description,
        int bandwidthMbps,
        NetworkType networkType,
        VpnType vpnType,
        boolean enableIpsec,
        boolean enableSsl,
        int sslConnections,
        ChargeType chargeType,
        String zone,
        long asn,
        List<Tag> tags) {

    public GatewayDraft {
        tags = List.copyOf(tags);
    }

    public static GatewayDraft of(VpnGateway g) {
        return new GatewayDraft(g.vpcId(), g.vswitchId(), g.name(), g.description(), g.bandwidthMbps(),
                g.networkType(), g.vpnType(), g.enableIpsec(), g.enableSsl(), g.sslConnections(), g.chargeType(),
                g.zone(), g.asn(), g.tags());
    }

    public GatewayDraft withNaming(String newName, String newDescription) {
        return new GatewayDraft(vpcId, vswitchId, newName, newDescription, bandwidthMbps, networkType, vpnType,
                enableIpsec, enableSsl, sslConnections, chargeType, zone, asn, tags);
    }
}
