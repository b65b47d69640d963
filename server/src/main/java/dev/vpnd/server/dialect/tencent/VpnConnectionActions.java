package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.RouteType;
import dev.vpnd.core.model.SecurityPolicy;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.Match;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.Cidrs;
import dev.vpnd.core.service.ConnectionDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** CreateVpnConnection, DescribeVpnConnections, ModifyVpnConnectionAttribute, DeleteVpnConnection. */
final class VpnConnectionActions {
    static final Set<String> FILTERS = Set.of("vpc-id", "vpn-gateway-id", "customer-gateway-id",
            "vpn-connection-name", "vpn-connection-id");
    static final int MAX_NAME = 60;
    static final int MAX_POLICIES = 100;

    private VpnConnectionActions() {
    }

    static Map<String, Object> create(Api3Context ctx) {
        var p = ctx.params();
        var gateway = ctx.services().gateways().getBySerial(ctx.scope(),
                ctx.requiredSerial("VpnGatewayId", ResourceType.VPN_GATEWAY));
        var peer = ctx.services().customerGateways().getBySerial(ctx.scope(),
                ctx.requiredSerial("CustomerGatewayId", ResourceType.CUSTOMER_GATEWAY));
        String name = name(p, null);
        var psk = TencentConfigs.psk(p.requiredText("PreShareKey"), "PreShareKey");
        if (p.has("VpcId")) {
            var vpc = ctx.services().vpcs().getBySerial(ctx.scope(), ctx.requiredSerial("VpcId", ResourceType.VPC));
            if (!vpc.id().equals(gateway.vpcId())) {
                throw TencentError.INVALID_PARAMETER_VALUE.fault("VpcId` (not the VPN gateway's VPC");
            }
        }
        if (p.has("Route")) {
            throw TencentError.UNSUPPORTED_OPERATION.fault("Route is deprecated; route by SecurityPolicyDatabases "
                    + "or BGP");
        }
        // Identities default to the two gateways' addresses, as the cloud shows them.
        var baseIke = TencentConfigs.DEFAULT_IKE.withIdentities(gateway.internetIp(), peer.ipAddress())
                .withPsk(psk);
        RouteType routeType = TencentConfigs.spelled(p, "RouteType", TencentSpelling.ROUTE_TYPE, RouteType.STATIC);
        var bgp = TencentConfigs.bgp(p.object("BgpConfig"), null, gateway.asn());
        if (routeType == RouteType.BGP && bgp == null) {
            throw TencentError.MISSING_PARAMETER.fault("BgpConfig");
        }
        var draft = new ConnectionDraft(gateway.id(), peer.id(), name, policies(p, List.of()),
                TencentConfigs.spelled(p, "NegotiationType", TencentSpelling.NEGOTIATION_TYPE,
                        Initiation.IMMEDIATE),
                dpdEnable(p, false), dpdTimeout(p, 30), TencentConfigs.spelled(p, "DpdAction",
                        TencentSpelling.DPD_ACTION,
                        DpdAction.CLEAR),
                true, false, routeType,
                TencentConfigs.ike(p.object("IKEOptionsSpecification"), baseIke),
                TencentConfigs.ipsec(p.object("IPSECOptionsSpecification"), TencentConfigs.DEFAULT_IPSEC),
                bgp, TencentConfigs.healthCheck(p, TencentConfigs.defaultHealthCheck()), "", false, List.of(),
                TencentTags.of(p));
        VpnConnection created = ctx.services().connections().create(ctx.scope(), "", draft);
        return Map.of("VpnConnection", VpnConnectionView.of(ctx.shown(created), related(ctx, List.of(created)),
                ctx.now()));
    }

    static Map<String, Object> describeList(Api3Context ctx) {
        var p = ctx.params();
        var filters = Api3Filters.parse(p, "VpnConnectionIds", FILTERS);
        var page = Api3Paging.of(p);
        var serials = new ArrayList<Long>();
        Api3Filters.ids(p, "VpnConnectionIds")
                .forEach(id -> serials.add(ctx.serialOf(ResourceType.VPN_CONNECTION, id)));
        filters.getOrDefault("vpn-connection-id", List.of())
                .forEach(id -> serials.add(ctx.serialOf(ResourceType.VPN_CONNECTION, id)));
        var vpcIds = resolved(filters, "vpc-id", ids -> TencentLookups.vpcIds(ctx, ids));
        var gatewayIds = resolved(filters, "vpn-gateway-id", ids -> TencentLookups.gatewayIds(ctx, ids));
        var peerIds = resolved(filters, "customer-gateway-id", ids -> TencentLookups.customerGatewayIds(ctx, ids));
        if (vpcIds == null || gatewayIds == null || peerIds == null
                || (filters.containsKey("vpn-connection-id") && serials.isEmpty())) {
            return Api3Paging.body(0, "VpnConnectionSet", List.of());
        }
        var filter = new ConnectionStore.Filter(Set.of(), Match.anyOf(serials), Match.anyOf(gatewayIds),
                Match.anyOf(peerIds), Match.anyOf(vpcIds),
                Match.anyOf(filters.getOrDefault("vpn-connection-name", List.of())), "", List.of());
        var found = ctx.services().connections().list(ctx.scope(), filter, page);
        var related = related(ctx, found.items());
        var items = new ArrayList<Object>();
        found.items().forEach(c -> items.add(ListedConnections.item(ctx.shown(c), ctx.hidesSecrets(), related,
                ctx.now())));
        return Api3Paging.body(found.total(), "VpnConnectionSet", items);
    }

    static Map<String, Object> modify(Api3Context ctx) {
        var p = ctx.params();
        var current = ctx.services().connections().getBySerial(ctx.scope(),
                ctx.requiredSerial("VpnConnectionId", ResourceType.VPN_CONNECTION));
        String name = name(p, current.name());
        String peerId = current.customerGatewayId();
        String peerAddress = null;
        if (p.has("CustomerGatewayId")) {
            var peer = ctx.services().customerGateways().getBySerial(ctx.scope(),
                    ctx.requiredSerial("CustomerGatewayId", ResourceType.CUSTOMER_GATEWAY));
            peerId = peer.id();
            peerAddress = peer.ipAddress();
        }
        var ikeBase = current.ike() != null ? current.ike() : TencentConfigs.DEFAULT_IKE;
        if (p.has("PreShareKey")) {
            ikeBase = ikeBase.withPsk(TencentConfigs.psk(p.requiredText("PreShareKey"), "PreShareKey"));
        }
        if (peerAddress != null && !current.customerGatewayId().isEmpty() && ikeBase.remoteId().equals(
                ctx.services().customerGateways().get(ctx.scope(), current.customerGatewayId()).ipAddress())) {
            // The remote identity followed the old peer's address; it follows the new one.
            ikeBase = ikeBase.withIdentities(ikeBase.localId(), peerAddress);
        }
        var ike = TencentConfigs.ike(p.object("IKEOptionsSpecification"), ikeBase);
        var ipsec = TencentConfigs.ipsec(p.object("IPSECOptionsSpecification"), current.ipsec() != null
                ? current.ipsec() : TencentConfigs.DEFAULT_IPSEC);
        var healthCheck = TencentConfigs.healthCheck(p, current.healthCheck() != null ? current.healthCheck()
                : TencentConfigs.defaultHealthCheck());
        var gateway = ctx.services().gateways().get(ctx.scope(), current.gatewayId());
        var bgp = TencentConfigs.bgp(p.object("BgpConfig"), current.bgp(), gateway.asn());
        var policies = policies(p, current.securityPolicies());
        String newPeerId = peerId;
        ctx.services().connections().modify(ctx.scope(), current.id(), d -> new ConnectionDraft(d.gatewayId(),
                newPeerId, name, policies,
                TencentConfigs.spelled(p, "NegotiationType", TencentSpelling.NEGOTIATION_TYPE, d.initiation()),
                dpdEnable(p, d.enableDpd()), dpdTimeout(p, d.dpdTimeoutSeconds()),
                TencentConfigs.spelled(p, "DpdAction", TencentSpelling.DPD_ACTION, d.dpdAction()),
                d.enableNatTraversal(),
                d.autoConfigRoute(), d.routeType(), ike, ipsec, bgp, healthCheck, d.remoteCaCertificate(),
                d.enableTunnelsBgp(), d.tunnels(), d.tags()));
        return Map.of();
    }

    /** Both ids are required, and the connection must be on that gateway. */
    static Map<String, Object> delete(Api3Context ctx) {
        long gatewaySerial = ctx.requiredSerial("VpnGatewayId", ResourceType.VPN_GATEWAY);
        var connection = ctx.services().connections().getBySerial(ctx.scope(),
                ctx.requiredSerial("VpnConnectionId", ResourceType.VPN_CONNECTION));
        VpnGateway gateway = ctx.services().gateways().getBySerial(ctx.scope(), gatewaySerial);
        if (!gateway.id().equals(connection.gatewayId())) {
            throw TencentError.RESOURCE_NOT_FOUND.fault(ctx.params().requiredText("VpnConnectionId")
                    + "` on VPN gateway `" + ctx.params().requiredText("VpnGatewayId"));
        }
        ctx.services().connections().delete(ctx.scope(), connection.id());
        return Map.of();
    }

    static VpnConnectionView.Related related(Api3Context ctx, List<VpnConnection> connections) {
        var gateways = TencentLookups.gateways(ctx, connections.stream().map(VpnConnection::gatewayId).toList());
        var peers = TencentLookups.customerGateways(ctx,
                connections.stream().map(VpnConnection::customerGatewayId).toList());
        var vpcSerials = TencentLookups.vpcSerials(ctx, connections.stream().map(VpnConnection::vpcId).toList());
        return new VpnConnectionView.Related(vpcSerials, gateways, peers,
                ctx.services().dataPlane().health(connections));
    }

    /**
     * Canonical ids of a filter's resources: null when the filter is given and names none that
     * exist (nothing can match), empty when it is not given.
     */
    private static List<String> resolved(Map<String, List<String>> filters, String name,
            Function<List<String>, List<String>> lookup) {
        if (!filters.containsKey(name)) {
            return List.of();
        }
        var ids = lookup.apply(filters.get(name));
        return ids.isEmpty() ? null : ids;
    }

    private static String name(Api3Params p, String fallback) {
        String name = fallback == null ? p.requiredText("VpnConnectionName")
                : p.text("VpnConnectionName").orElse(fallback);
        if (name.isEmpty()) {
            throw TencentError.MISSING_PARAMETER.fault("VpnConnectionName");
        }
        if (name.length() > MAX_NAME) {
            throw TencentError.TOO_LONG.fault("VpnConnectionName");
        }
        return name;
    }

    /** SecurityPolicyDatabases: each a local CIDR and its remote CIDRs; {@code fallback} when absent. */
    private static List<SecurityPolicy> policies(Api3Params p, List<SecurityPolicy> fallback) {
        if (!p.has("SecurityPolicyDatabases")) {
            return fallback;
        }
        var out = new ArrayList<SecurityPolicy>();
        var locals = new ArrayList<String>();
        for (Api3Params spd : p.objects("SecurityPolicyDatabases", MAX_POLICIES)) {
            String local = cidr(spd, "LocalCidrBlock", spd.requiredText("LocalCidrBlock"));
            if (locals.contains(local)) {
                throw TencentError.SPD_OVERLAP.fault(local);
            }
            locals.add(local);
            var remotes = new ArrayList<String>();
            for (String remote : spd.texts("RemoteCidrBlock", MAX_POLICIES)) {
                remotes.add(cidr(spd, "RemoteCidrBlock", remote));
            }
            if (remotes.isEmpty()) {
                throw TencentError.MISSING_PARAMETER.fault(spd.name("RemoteCidrBlock"));
            }
            out.add(new SecurityPolicy(List.of(local), remotes));
        }
        return out;
    }

    private static String cidr(Api3Params p, String field, String value) {
        if (!Cidrs.isCidr(value)) {
            throw TencentError.INVALID_PARAMETER_VALUE.fault(p.name(field));
        }
        return value;
    }

    private static boolean dpdEnable(Api3Params p, boolean fallback) {
        return p.integer("DpdEnable", 0, 1).map(v -> v == 1).orElse(fallback);
    }

    /**
     * DpdTimeout is a string of seconds on the wire; 30 to 60, the range the Tencent Terraform
     * provider's source validates (docs/dialects/tencent.md, "Defaults and states").
     */
    private static int dpdTimeout(Api3Params p, int fallback) {
        return (int) p.integer("DpdTimeout", fallback, 30, 60);
    }
}
