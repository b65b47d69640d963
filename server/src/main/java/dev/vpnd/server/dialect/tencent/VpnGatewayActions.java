package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.ChargeType;
import dev.vpnd.core.model.NetworkType;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnType;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.Match;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.GatewayDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** CreateVpnGateway, DescribeVpnGateways, ModifyVpnGatewayAttribute, DeleteVpnGateway. */
final class VpnGatewayActions {
    static final Set<String> FILTERS = Set.of("vpc-id", "vpn-gateway-id", "vpn-gateway-name", "type",
            "public-ip-address", "renew-flag", "zone");
    static final Set<Long> BANDWIDTHS = Set.of(5L, 10L, 20L, 50L, 100L, 200L, 500L, 1000L, 3000L);
    static final Set<Long> SSL_CONNECTIONS = Set.of(5L, 10L, 20L, 50L, 100L, 200L, 500L, 1000L);

    private VpnGatewayActions() {
    }

    static Map<String, Object> create(Api3Context ctx) {
        var p = ctx.params();
        var vpc = ctx.services().vpcs().getBySerial(ctx.scope(), ctx.requiredSerial("VpcId", ResourceType.VPC));
        String name = p.requiredText("VpnGatewayName");
        if (name.length() > 60) {
            throw TencentError.TOO_LONG.fault("VpnGatewayName");
        }
        long bandwidth = p.integer("InternetMaxBandwidthOut", 1, 3000)
                .orElseThrow(() -> TencentError.MISSING_PARAMETER.fault("InternetMaxBandwidthOut"));
        if (!BANDWIDTHS.contains(bandwidth)) {
            throw TencentError.INVALID_PARAMETER_VALUE.fault("InternetMaxBandwidthOut");
        }
        var chargeType = chargeType(p).orElse(ChargeType.POSTPAID);
        if (chargeType == ChargeType.PREPAID) {
            throw TencentError.UNSUPPORTED_OPERATION.fault("vpnd charges nothing, so gateways are "
                    + TencentSpelling.CHARGE_TYPE.spell(ChargeType.POSTPAID));
        }
        String type = p.text("Type").orElse("IPSEC");
        if (!type.equals("IPSEC") && !type.equals("SSL")) {
            throw type.equals("CCN") || type.equals("SSL_CCN")
                    ? TencentError.UNSUPPORTED_OPERATION.fault("vpnd has no cloud connect network for a " + type
                            + " gateway")
                    : TencentError.INVALID_PARAMETER_VALUE.fault("Type");
        }
        if (p.has("CdcId")) {
            throw TencentError.UNSUPPORTED_OPERATION.fault("vpnd has no CDC instances");
        }
        boolean ssl = type.equals("SSL");
        long maxConnection = p.integer("MaxConnection", 5, 1, 1000);
        if (p.has("MaxConnection") && (!ssl || !SSL_CONNECTIONS.contains(maxConnection))) {
            throw TencentError.INVALID_PARAMETER_VALUE.fault("MaxConnection");
        }
        var draft = new GatewayDraft(vpc.id(), "", name, "", (int) bandwidth, NetworkType.PUBLIC,
                VpnType.INTERNATIONAL, !ssl, ssl, (int) maxConnection, chargeType, p.text("Zone", "", 64), asn(p, 0),
                TencentTags.of(p));
        VpnGateway gateway = ctx.services().gateways().create(ctx.scope(), "", draft);
        return Map.of("VpnGateway", view(gateway, vpc.serial(), ctx.now()));
    }

    static Map<String, Object> describeList(Api3Context ctx) {
        var p = ctx.params();
        var filters = Api3Filters.parse(p, "VpnGatewayIds", FILTERS);
        var page = Api3Paging.of(p);
        var serials = new ArrayList<Long>();
        Api3Filters.ids(p, "VpnGatewayIds").forEach(id -> serials.add(ctx.serialOf(ResourceType.VPN_GATEWAY, id)));
        filters.getOrDefault("vpn-gateway-id", List.of())
                .forEach(id -> serials.add(ctx.serialOf(ResourceType.VPN_GATEWAY, id)));
        var vpcIds = TencentLookups.vpcIds(ctx, filters.getOrDefault("vpc-id", List.of()));
        var ssl = new ArrayList<Boolean>();
        for (String type : filters.getOrDefault("type", List.of())) {
            if (type.equals("IPSEC") || type.equals("SSL")) {
                ssl.add(type.equals("SSL"));
            }
        }
        boolean matchesNothing = (vpcIds.isEmpty() && filters.containsKey("vpc-id"))
                || (ssl.isEmpty() && filters.containsKey("type"))
                // vpnd's gateways are pay-as-you-go and never renew.
                || filters.containsKey("renew-flag");
        if (matchesNothing) {
            return Api3Paging.body(0, "VpnGatewaySet", List.of());
        }
        var filter = new GatewayStore.Filter(Set.of(), Match.anyOf(serials), Match.anyOf(vpcIds),
                Match.anyOf(filters.getOrDefault("vpn-gateway-name", List.of())),
                Match.anyOf(filters.getOrDefault("public-ip-address", List.of())),
                Match.anyOf(filters.getOrDefault("zone", List.of())), Match.anyOf(ssl), List.of());
        var found = ctx.services().gateways().list(ctx.scope(), filter, page);
        var vpcSerials = TencentLookups.vpcSerials(ctx, found.items().stream().map(VpnGateway::vpcId).toList());
        var items = new ArrayList<Map<String, Object>>();
        found.items().forEach(g -> items.add(view(g, vpcSerials.get(g.vpcId()), ctx.now())));
        return Api3Paging.body(found.total(), "VpnGatewaySet", items);
    }

    static Map<String, Object> modify(Api3Context ctx) {
        var p = ctx.params();
        var current = ctx.services().gateways().getBySerial(ctx.scope(),
                ctx.requiredSerial("VpnGatewayId", ResourceType.VPN_GATEWAY));
        String name = p.text("VpnGatewayName", current.name(), 60);
        if (chargeType(p).filter(type -> type != ChargeType.POSTPAID).isPresent()) {
            // Tencent converts prepaid gateways to pay-as-you-go only; vpnd's are all pay-as-you-go.
            throw TencentError.INVALID_PARAMETER_VALUE.fault("InstanceChargeType");
        }
        long maxConnection = p.integer("MaxConnection", current.sslConnections(), 1, 1000);
        if (p.has("MaxConnection") && (!current.enableSsl() || !SSL_CONNECTIONS.contains(maxConnection))) {
            throw TencentError.INVALID_PARAMETER_VALUE.fault("MaxConnection");
        }
        long asn = asn(p, current.asn());
        ctx.services().gateways().modify(ctx.scope(), current.id(), d -> new GatewayDraft(d.vpcId(), d.vswitchId(),
                name, d.description(), d.bandwidthMbps(), d.networkType(), d.vpnType(), d.enableIpsec(),
                d.enableSsl(), (int) maxConnection, d.chargeType(), d.zone(), asn, d.tags()));
        return Map.of();
    }

    static Map<String, Object> delete(Api3Context ctx) {
        var gateway = ctx.services().gateways().getBySerial(ctx.scope(),
                ctx.requiredSerial("VpnGatewayId", ResourceType.VPN_GATEWAY));
        ctx.services().gateways().delete(ctx.scope(), gateway.id());
        return Map.of();
    }

    /** The charge type asked for, if any; a word outside Tencent's spelling is invalid. */
    private static Optional<ChargeType> chargeType(Api3Params p) {
        return p.text("InstanceChargeType").map(text -> TencentSpelling.CHARGE_TYPE.parse(text)
                .orElseThrow(() -> TencentError.INVALID_PARAMETER_VALUE.fault("InstanceChargeType")));
    }

    /** A BGP ASN: 1 to 4294967295 except those Tencent reserves for itself. */
    static long asn(Api3Params p, long fallback) {
        long asn = p.integer("BgpAsn", fallback, 0, 4_294_967_295L);
        if (p.has("BgpAsn") && (asn == 0 || asn == 139_341 || asn == 45_090 || asn == 58_835)) {
            throw TencentError.INVALID_PARAMETER_VALUE.fault("BgpAsn");
        }
        return asn;
    }

    static Map<String, Object> view(VpnGateway g, Long vpcSerial, Instant now) {
        var v = new LinkedHashMap<String, Object>();
        v.put("VpnGatewayId", TencentIds.encode(ResourceType.VPN_GATEWAY, g.serial()));
        v.put("VpcId", vpcSerial == null ? "" : TencentIds.encode(ResourceType.VPC, vpcSerial));
        v.put("VpnGatewayName", g.name());
        v.put("Type", g.enableSsl() && !g.enableIpsec() ? "SSL" : "IPSEC");
        v.put("State", g.lifecycle().state(now) == ResourceState.ACTIVE ? "AVAILABLE" : "PENDING");
        v.put("PublicIpAddress", g.internetIp());
        v.put("RenewFlag", "");
        v.put("InstanceChargeType", TencentSpelling.CHARGE_TYPE.spell(g.chargeType()));
        v.put("InternetMaxBandwidthOut", (long) g.bandwidthMbps());
        v.put("CreatedTime", TencentTime.format(g.createdAt()));
        v.put("ExpiredTime", "0000-00-00 00:00:00");
        v.put("IsAddressBlocked", false);
        v.put("NewPurchasePlan", "");
        v.put("RestrictState", "NORMAL");
        v.put("Zone", g.zone());
        v.put("VpnGatewayQuotaSet", List.of());
        v.put("Version", "2.0");
        v.put("NetworkInstanceId", "");
        v.put("CdcId", "");
        v.put("MaxConnection", (long) g.sslConnections());
        v.put("BgpAsn", g.asn());
        return v;
    }
}
