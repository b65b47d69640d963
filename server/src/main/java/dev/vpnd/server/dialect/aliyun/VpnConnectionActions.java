package dev.vpnd.server.dialect.aliyun;

import java.util.Set;
import dev.vpnd.core.port.Match;
import dev.vpnd.core.model.SecurityPolicy;
import dev.vpnd.core.model.RouteType;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.DpdAction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.model.BgpConfig;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.TunnelRole;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.Cidrs;
import dev.vpnd.core.service.ConnectionDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CreateVpnConnection, DescribeVpnConnections, DescribeVpnConnection, ModifyVpnConnectionAttribute,
 * DeleteVpnConnection.
 */
final class VpnConnectionActions {
    /** Alibaba has no DPD timeout setting; its gateways give up on a silent peer after 30 s. */
    private static final int DEFAULT_DPD_TIMEOUT_SECONDS = 30;
    private VpnConnectionActions() {
    }

    static Map<String, Object> create(RpcContext ctx) {
        var p = ctx.params();
        Scope scope = ctx.scope();
        String gatewayId = ctx.requiredId("VpnGatewayId", ResourceType.VPN_GATEWAY);
        var tunnels = tunnels(ctx, List.of());
        String customerGatewayId = tunnels.isEmpty()
                ? ctx.requiredId("CustomerGatewayId", ResourceType.CUSTOMER_GATEWAY)
                : optionalCustomerGateway(ctx);
        var gateway = ctx.services().gateways().get(scope, gatewayId);
        // Identities default to the two gateways' addresses, as the cloud shows them.
        String remoteIp = customerGatewayId.isEmpty() ? ""
                : ctx.services().customerGateways().get(scope, customerGatewayId).ipAddress();
        var baseIke = AliyunConfigs.DEFAULT_IKE.withIdentities(gateway.internetIp(), remoteIp);
        var policies = List.of(new SecurityPolicy(subnets(p.required("LocalSubnet"), Field.LOCAL_SUBNET),
                subnets(p.required("RemoteSubnet"), Field.REMOTE_SUBNET)));
        var draft = new ConnectionDraft(gatewayId, customerGatewayId, name(p, ""), policies,
                initiation(p, Initiation.ON_TRAFFIC), p.bool("EnableDpd", true), DEFAULT_DPD_TIMEOUT_SECONDS,
                DpdAction.CLEAR, p.bool("EnableNatTraversal", true), p.bool("AutoConfigRoute", true), RouteType.STATIC,
                AliyunConfigs.ike(p.json("IkeConfig"), baseIke, "IkeConfig"),
                AliyunConfigs.ipsec(p.json("IpsecConfig"), AliyunConfigs.DEFAULT_IPSEC, "IpsecConfig"),
                AliyunConfigs.bgp(p.json("BgpConfig"), AliyunConfigs.DEFAULT_BGP, "BgpConfig"),
                AliyunConfigs.healthCheck(p.json("HealthCheckConfig"), AliyunConfigs.DEFAULT_HEALTH_CHECK),
                p.optional("RemoteCaCertificate", ""), p.bool("EnableTunnelsBgp", false), tunnels,
                AliyunTags.toSet(p, "Tags"));
        if (p.bool("DryRun", false)) {
            throw AliyunError.DRY_RUN.fault();
        }
        VpnConnection created = ctx.services().connections().create(scope, p.optional("ClientToken", ""), draft);
        var body = new LinkedHashMap<String, Object>();
        body.put("VpnConnectionId", AliyunIds.encode(ResourceType.VPN_CONNECTION, created.id()));
        body.put("Name", created.name());
        body.put("CreateTime", created.createdAt().toEpochMilli());
        return body;
    }

    static Map<String, Object> describeList(RpcContext ctx) {
        var p = ctx.params();
        Scope scope = ctx.scope();
        int pageNumber = Paging.number(p);
        int pageSize = Paging.size(p);
        var filter = new ConnectionStore.Filter(
                Match.oneOrAny(ctx.optionalIdFilter("VpnConnectionId", ResourceType.VPN_CONNECTION)), Set.of(),
                Match.oneOrAny(ctx.optionalIdFilter("VpnGatewayId", ResourceType.VPN_GATEWAY)),
                Match.oneOrAny(ctx.optionalIdFilter("CustomerGatewayId", ResourceType.CUSTOMER_GATEWAY)),
                Set.of(), Set.of(), "", AliyunTags.toFilter(p, "Tag"));
        var page = ctx.services().connections().list(scope, filter, Paging.of(pageNumber, pageSize));
        var health = ctx.services().dataPlane().health(page.items());
        var around = Surroundings.of(ctx, scope, page.items());
        var items = new ArrayList<>(page.items().size());
        for (VpnConnection c : page.items()) {
            // The cache keeps what keys that see secrets are shown; the others' views are not kept.
            items.add(ctx.caller().hidesSecrets()
                    ? VpnConnectionView.of(shown(ctx, c), ctx.now(), "Tag", health.get(c.id()),
                            around.get(c.id()).withoutSecrets())
                    : ctx.listedConnections().item(c, ctx.now(), health.get(c.id()), around.get(c.id())));
        }
        return Paging.body(page.total(), pageNumber, pageSize, "VpnConnections", "VpnConnection", items);
    }

    static Map<String, Object> describe(RpcContext ctx) {
        Scope scope = ctx.scope();
        var c = ctx.services().connections().get(scope, ctx.requiredId("VpnConnectionId", ResourceType.VPN_CONNECTION));
        Surroundings around = surroundings(ctx, scope, c);
        return single(VpnConnectionView.of(shown(ctx, c), ctx.now(), "Tags", health(ctx, c), around), "ZoneNo",
                around.zone());
    }

    static Map<String, Object> modify(RpcContext ctx) {
        var p = ctx.params();
        Scope scope = ctx.scope();
        String id = ctx.requiredId("VpnConnectionId", ResourceType.VPN_CONNECTION);
        VpnConnection current = ctx.services().connections().get(scope, id);
        var tunnels = tunnels(ctx, current.tunnels());
        var updated = ctx.services().connections().modify(scope, id, d -> new ConnectionDraft(d.gatewayId(),
                d.customerGatewayId(), name(p, d.name()), policies(p, current), initiation(p, d.initiation()),
                p.bool("EnableDpd", d.enableDpd()), d.dpdTimeoutSeconds(), d.dpdAction(),
                p.bool("EnableNatTraversal", d.enableNatTraversal()), p.bool("AutoConfigRoute", d.autoConfigRoute()),
                d.routeType(),
                AliyunConfigs.ike(p.json("IkeConfig"), d.ike(), "IkeConfig"),
                AliyunConfigs.ipsec(p.json("IpsecConfig"), d.ipsec(), "IpsecConfig"),
                AliyunConfigs.bgp(p.json("BgpConfig"), AliyunConfigs.bgpOrDefault(d.bgp()), "BgpConfig"),
                AliyunConfigs.healthCheck(p.json("HealthCheckConfig"),
                        AliyunConfigs.healthCheckOrDefault(d.healthCheck())),
                p.optional("RemoteCaCertificate", d.remoteCaCertificate()),
                p.bool("EnableTunnelsBgp", d.enableTunnelsBgp()), tunnels, d.tags()));
        return single(VpnConnectionView.of(shown(ctx, updated), ctx.now(), "Tags", health(ctx, updated),
                surroundings(ctx, scope, updated)), "Description", "");
    }

    /** The verdict of the connection's health check, null when it has none. */
    private static Health health(RpcContext ctx, VpnConnection c) {
        return ctx.services().dataPlane().health(List.of(c)).get(c.id());
    }

    /** The connection as the caller may read it: without secrets for a key that hides them. */
    private static VpnConnection shown(RpcContext ctx, VpnConnection c) {
        return ctx.caller().hidesSecrets() ? c.withoutSecrets() : c;
    }

    /** The connection's surroundings as the caller may read them. */
    private static Surroundings surroundings(RpcContext ctx, Scope scope, VpnConnection c) {
        Surroundings around = Surroundings.of(ctx, scope, List.of(c)).get(c.id());
        return ctx.caller().hidesSecrets() ? around.withoutSecrets() : around;
    }

    static Map<String, Object> delete(RpcContext ctx) {
        ctx.services().connections()
                .delete(ctx.scope(), ctx.requiredId("VpnConnectionId", ResourceType.VPN_CONNECTION));
        return new LinkedHashMap<>();
    }

    /** A connection's fields as the whole body, then one more field. */
    static Map<String, Object> single(BodyFields connection, String trailingField, String value) {
        var body = new LinkedHashMap<String, Object>();
        body.put("VpnConnection", new BodyFields.Inline(connection));
        body.put(trailingField, value);
        return body;
    }

    private static String optionalCustomerGateway(RpcContext ctx) {
        return ctx.params().present("CustomerGatewayId")
                ? ctx.requiredId("CustomerGatewayId", ResourceType.CUSTOMER_GATEWAY)
                : "";
    }

    /**
     * Alibaba's subnets are two flat lists: a modify that gives either one makes the connection one
     * group of them, the other side as it was.
     */
    private static List<SecurityPolicy> policies(RpcParams p, VpnConnection current) {
        if (!p.present("LocalSubnet") && !p.present("RemoteSubnet")) {
            return current.securityPolicies();
        }
        var local = p.present("LocalSubnet") ? subnets(p.required("LocalSubnet"), Field.LOCAL_SUBNET)
                : current.localSubnets();
        var remote = p.present("RemoteSubnet") ? subnets(p.required("RemoteSubnet"), Field.REMOTE_SUBNET)
                : current.remoteSubnets();
        return List.of(new SecurityPolicy(local, remote));
    }

    /** EffectImmediately: negotiate at once, or when traffic first needs the tunnel. */
    private static Initiation initiation(RpcParams p, Initiation fallback) {
        if (!p.present("EffectImmediately")) {
            return fallback;
        }
        return p.bool("EffectImmediately", false) ? Initiation.IMMEDIATE : Initiation.ON_TRAFFIC;
    }

    private static String name(RpcParams p, String fallback) {
        String name = p.optional("Name");
        if (name == null) {
            return fallback;
        }
        if (name.length() > 100 || name.startsWith("http://") || name.startsWith("https://")) {
            throw AliyunError.INVALID_NAME.fault();
        }
        return name;
    }

    private static List<String> subnets(String text, Field field) {
        try {
            return Cidrs.parseList(field, text);
        } catch (ProblemException e) {
            throw AliyunErrors.TABLE.fault(e.problem());
        }
    }

    /**
     * {@code TunnelOptionsSpecification.N.*}: the two tunnels of a dual-tunnel connection. On a
     * modify, entries are matched to the stored tunnels by {@code TunnelId} or position and only the
     * given keys change.
     */
    private static List<Tunnel> tunnels(RpcContext ctx, List<Tunnel> current) {
        List<Map<String, String>> entries = ctx.params().list("TunnelOptionsSpecification");
        if (entries.isEmpty()) {
            return current;
        }
        if (entries.size() != 2) {
            throw AliyunError.INVALID_PARAMETER.fault("TunnelOptionsSpecification");
        }
        var tunnels = new ArrayList<Tunnel>();
        for (int i = 0; i < entries.size(); i++) {
            var e = entries.get(i);
            String param = "TunnelOptionsSpecification." + (i + 1);
            Tunnel base = baseTunnel(current, e, i + 1);
            String cgwText = e.get("CustomerGatewayId");
            String cgw = cgwText == null || cgwText.isEmpty() ? base.customerGatewayId()
                    : AliyunIds.decode(ResourceType.CUSTOMER_GATEWAY, cgwText)
                            .orElseThrow(AliyunError.CUSTOMER_GATEWAY_NOT_FOUND::fault);
            String roleText = e.get("Role");
            TunnelRole role = roleText == null || roleText.isEmpty() ? base.role()
                    : AliyunSpelling.TUNNEL_ROLE.parse(roleText)
                            .orElseThrow(() -> AliyunError.INVALID_PARAMETER.fault(param + ".Role"));
            var sub = new RpcParams(e);
            BgpConfig bgp = AliyunConfigs.bgp(nested(e, "TunnelBgpConfig."), base.bgp(), param + ".TunnelBgpConfig");
            tunnels.add(new Tunnel(base.id(), i + 1, role, cgw, sub.bool("EnableDpd", base.enableDpd()),
                    sub.bool("EnableNatTraversal", base.enableNatTraversal()),
                    sub.optional("RemoteCaCertificate", base.remoteCaCertificate()),
                    AliyunConfigs.ike(nested(e, "TunnelIkeConfig."), base.ike(), param + ".TunnelIkeConfig"),
                    AliyunConfigs.ipsec(nested(e, "TunnelIpsecConfig."), base.ipsec(), param + ".TunnelIpsecConfig"),
                    bgp, base.internetIp(), base.zone(), base.status()));
        }
        return tunnels;
    }

    private static Tunnel baseTunnel(List<Tunnel> current, Map<String, String> entry, int index) {
        String wireId = entry.get("TunnelId");
        if (wireId != null && !wireId.isEmpty()) {
            String id = AliyunIds.decodeTunnel(wireId).orElseThrow(() -> AliyunError.INVALID_PARAMETER.fault(
                    "TunnelOptionsSpecification." + index + ".TunnelId"));
            return current.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(
                    () -> AliyunError.INVALID_PARAMETER.fault("TunnelOptionsSpecification." + index + ".TunnelId"));
        }
        if (current.size() >= index) {
            return current.get(index - 1);
        }
        return new Tunnel("", index, index == 1 ? TunnelRole.MASTER : TunnelRole.SLAVE, "", true, true, "",
                AliyunConfigs.DEFAULT_IKE, AliyunConfigs.DEFAULT_IPSEC, AliyunConfigs.DEFAULT_BGP, "", "",
                NegotiationStatus.IKE_SA_NOT_ESTABLISHED);
    }

    /** The flattened keys under a prefix ({@code TunnelIkeConfig.Psk}) as an object, to read like the JSON settings. */
    private static JsonNode nested(Map<String, String> entry, String prefix) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        entry.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                node.put(key.substring(prefix.length()), value);
            }
        });
        return node;
    }
}
