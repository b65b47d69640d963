package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.model.ChargeType;
import dev.vpnd.core.model.NetworkType;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnType;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.Match;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.GatewayDraft;
import dev.vpnd.server.dialect.SpellingTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** CreateVpnGateway, DescribeVpnGateways, DescribeVpnGateway, ModifyVpnGatewayAttribute, DeleteVpnGateway. */
final class VpnGatewayActions {
    private static final Set<Integer> BANDWIDTHS = Set.of(5, 10, 20, 50, 100, 200, 500, 1000);

    private VpnGatewayActions() {
    }

    static Map<String, Object> create(RpcContext ctx) {
        var p = ctx.params();
        Scope scope = ctx.scope();
        String vpcId = ctx.requiredId("VpcId", ResourceType.VPC);
        p.required("Bandwidth");
        int bandwidth = p.integer("Bandwidth", 0, 1, 1000);
        if (!BANDWIDTHS.contains(bandwidth)) {
            throw AliyunError.INVALID_PARAMETER.fault("Bandwidth");
        }
        var chargeType = spelled(p, "InstanceChargeType", AliyunSpelling.INSTANCE_CHARGE_TYPE, ChargeType.POSTPAID);
        var networkType = spelled(p, "NetworkType", AliyunSpelling.NETWORK_TYPE, NetworkType.PUBLIC);
        var vpnType = spelled(p, "VpnType", AliyunSpelling.VPN_TYPE, VpnType.INTERNATIONAL);
        String name = checkedName(p.optional("Name", ""));
        var draft = new GatewayDraft(vpcId, p.optional("VSwitchId", ""), name, "", bandwidth, networkType, vpnType,
                p.bool("EnableIpsec", true), p.bool("EnableSsl", false),
                p.integer("SslConnections", 5, 1, 10_000), chargeType, "", 0, List.of());
        VpnGateway gateway = ctx.services().gateways().create(scope, p.optional("ClientToken", ""), draft);
        var body = new LinkedHashMap<String, Object>();
        body.put("VpnGatewayId", AliyunIds.encode(ResourceType.VPN_GATEWAY, gateway.id()));
        body.put("Name", gateway.name());
        body.put("OrderId", gateway.createdAt().toEpochMilli());
        return body;
    }

    static Map<String, Object> describeList(RpcContext ctx) {
        var p = ctx.params();
        Scope scope = ctx.scope();
        int number = Paging.number(p);
        int size = Paging.size(p);
        var filter = new GatewayStore.Filter(
                Match.oneOrAny(ctx.optionalIdFilter("VpnGatewayId", ResourceType.VPN_GATEWAY)), Set.of(),
                Match.oneOrAny(ctx.optionalIdFilter("VpcId", ResourceType.VPC)), Set.of(), Set.of(), Set.of(),
                Set.of(), AliyunTags.toFilter(p, "Tag"));
        var page = ctx.services().gateways().list(scope, filter, Paging.of(number, size));
        var items = new ArrayList<Map<String, Object>>();
        page.items().forEach(g -> items.add(view(g, ctx.now())));
        return Paging.body(page.total(), number, size, "VpnGateways", "VpnGateway", items);
    }

    static Map<String, Object> describe(RpcContext ctx) {
        Scope scope = ctx.scope();
        var gateway = ctx.services().gateways().get(scope, ctx.requiredId("VpnGatewayId", ResourceType.VPN_GATEWAY));
        return view(gateway, ctx.now());
    }

    static Map<String, Object> modify(RpcContext ctx) {
        var p = ctx.params();
        Scope scope = ctx.scope();
        String id = ctx.requiredId("VpnGatewayId", ResourceType.VPN_GATEWAY);
        var current = ctx.services().gateways().get(scope, id);
        String description = p.optional("Description", current.description());
        if (description.length() > 256 || description.startsWith("http://") || description.startsWith("https://")) {
            throw AliyunError.INVALID_DESCRIPTION.fault();
        }
        String name = checkedName(p.optional("Name", current.name()));
        var updated = ctx.services().gateways().modify(scope, id, d -> d.withNaming(name, description));
        return view(updated, ctx.now());
    }

    static Map<String, Object> delete(RpcContext ctx) {
        ctx.services().gateways().delete(ctx.scope(), ctx.requiredId("VpnGatewayId", ResourceType.VPN_GATEWAY));
        return new LinkedHashMap<>();
    }

    static Map<String, Object> view(VpnGateway g, Instant now) {
        var v = new LinkedHashMap<String, Object>();
        v.put("VpnGatewayId", AliyunIds.encode(ResourceType.VPN_GATEWAY, g.id()));
        v.put("VpcId", AliyunIds.encode(ResourceType.VPC, g.vpcId()));
        v.put("VSwitchId", g.vswitchId());
        v.put("InternetIp", g.internetIp());
        v.put("CreateTime", g.createdAt().toEpochMilli());
        v.put("EndTime", g.chargeType() == ChargeType.PREPAID ? g.createdAt().toEpochMilli() : 0L);
        v.put("Spec", g.bandwidthMbps() + "M");
        v.put("Name", g.name());
        v.put("Description", g.description());
        ResourceState state = g.lifecycle().state(now);
        v.put("Status", state.name().toLowerCase(Locale.ROOT));
        v.put("BusinessStatus", "Normal");
        v.put("ChargeType", AliyunSpelling.CHARGE_TYPE.spell(g.chargeType()));
        v.put("IpsecVpn", g.enableIpsec() ? "enable" : "disable");
        v.put("SslVpn", g.enableSsl() ? "enable" : "disable");
        v.put("SslMaxConnections", (long) g.sslConnections());
        v.put("SslVpnInternetIp", g.enableSsl() ? g.internetIp() : "");
        v.put("NetworkType", AliyunSpelling.NETWORK_TYPE.spell(g.networkType()));
        v.put("VpnType", AliyunSpelling.VPN_TYPE.spell(g.vpnType()));
        v.put("GatewayType", "Normal");
        v.put("EnableBgp", false);
        v.put("AutoPropagate", false);
        v.put("DisasterRecoveryInternetIp", "");
        v.put("DisasterRecoveryVSwitchId", "");
        v.put("ResourceGroupId", "");
        v.put("Tag", "");
        v.put("Tags", AliyunTags.view(g.tags()));
        var enis = new LinkedHashMap<String, Object>();
        enis.put("EniInstanceId", List.of());
        v.put("EniInstanceIds", enis);
        var reservation = new LinkedHashMap<String, Object>();
        reservation.put("Status", "");
        reservation.put("ReservationEndTime", "");
        reservation.put("ReservationOrderType", "");
        reservation.put("ReservationSpec", "");
        reservation.put("ReservationIpsec", "");
        reservation.put("ReservationSsl", "");
        reservation.put("ReservationMaxConnections", 0);
        v.put("ReservationData", reservation);
        return v;
    }

    /** An optional parameter in {@code table}'s spelling; {@code fallback} when absent or empty. */
    private static <E extends Enum<E>> E spelled(RpcParams p, String name, SpellingTable<E> table, E fallback) {
        String text = p.optional(name);
        if (text == null) {
            return fallback;
        }
        return table.parse(text).orElseThrow(() -> AliyunError.INVALID_PARAMETER.fault(name));
    }

    /** Names are at most 100 characters and may not start with a URL scheme (current API reference). */
    static String checkedName(String name) {
        if (name.length() > 100 || name.startsWith("http://") || name.startsWith("https://")) {
            throw AliyunError.INVALID_NAME.fault();
        }
        return name;
    }
}
