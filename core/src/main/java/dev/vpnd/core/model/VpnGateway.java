package dev.vpnd.core.model;

import java.time.Instant;
import java.util.List;

/** The cloud side of IPsec connections, attached to one VPC; {@code asn} is its BGP ASN, 0 when unset. */
public record VpnGateway(
        String id,
        long serial,
        Scope scope,
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
        String internetIp,
        String zone,
        long asn,
        Lifecycle lifecycle,
        Instant createdAt,
        List<Tag> tags,
        long revision) {

    public VpnGateway {
        tags = List.copyOf(tags);
    }

    public VpnGateway withTags(List<Tag> newTags) {
        return new VpnGateway(id, serial, scope, vpcId, vswitchId, name, description, bandwidthMbps, networkType,
                vpnType, enableIpsec, enableSsl, sslConnections, chargeType, internetIp, zone, asn, lifecycle,
                createdAt,
                newTags, revision);
    }
}
