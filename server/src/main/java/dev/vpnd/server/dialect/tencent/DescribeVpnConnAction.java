package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.dataplane.ConnectionDataPlane;
import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.PageRequest.Order;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The legacy DescribeVpnConn (docs/dialects/tencent.md, DescribeVpnConn): the connections of a
 * region, filtered by VPC, gateway, connection id (old number or new id) and a name fragment,
 * ordered by creation or name, paged by {@code offset}/{@code limit}. An id filter that names no
 * resource of the caller's region is that resource's not-found error, as the page lists them.
 */
final class DescribeVpnConnAction {
    static final String ACTION = "DescribeVpnConn";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    private DescribeVpnConnAction() {
    }

    static Map<String, Object> run(LegacyContext ctx) {
        var p = ctx.params();
        long offset = p.integer("offset", 0, 0, Long.MAX_VALUE);
        int limit = (int) p.integer("limit", DEFAULT_LIMIT, 0, MAX_LIMIT);
        Order order = order(p.text("orderField").orElse("createTime"), p.text("orderDirection").orElse("desc"));
        Set<String> vpcIds = p.text("vpcId").map(id -> Set.of(vpc(ctx, id).id())).orElse(Set.of());
        Set<String> gatewayIds = p.text("vpnGwId").map(id -> Set.of(gateway(ctx, id).id())).orElse(Set.of());
        Set<String> connectionIds = p.text("vpnConnId").map(id -> Set.of(connection(ctx, id).id())).orElse(Set.of());
        var filter = new ConnectionStore.Filter(connectionIds, Set.of(), gatewayIds, Set.of(), vpcIds, Set.of(),
                p.text("vpnConnName").orElse(""), List.of());
        var found = ctx.services().connections().list(ctx.scope(), filter, new PageRequest(offset, limit, order));

        var connections = found.items();
        Map<String, Vpc> vpcs = vpcs(ctx, connections.stream().map(VpnConnection::vpcId).toList());
        Map<String, VpnGateway> gateways = TencentLookups.gateways(ctx.api3(),
                connections.stream().map(VpnConnection::gatewayId).toList());
        Map<String, CustomerGateway> peers = TencentLookups.customerGateways(ctx.api3(),
                connections.stream().map(VpnConnection::customerGatewayId).toList());
        Map<String, ConnectionDataPlane> planes = ctx.services().dataPlane().planes(connections);
        var data = new ArrayList<Map<String, Object>>();
        for (VpnConnection c : connections) {
            data.add(LegacyVpnConnView.of(ctx.shown(c), ctx.regionName(), vpcs.get(c.vpcId()),
                    gateways.get(c.gatewayId()), peers.get(c.customerGatewayId()),
                    planes.getOrDefault(c.id(), ConnectionDataPlane.UNSERVED), ctx.now()));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("totalCount", found.total());
        body.put("data", data);
        return body;
    }

    private static Order order(String field, String direction) {
        boolean ascending = switch (direction) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw TencentError.INVALID_PARAMETER.saying("The orderDirection must be asc or desc.");
        };
        return switch (field) {
            case "createTime" -> ascending ? Order.OLDEST_FIRST : Order.NEWEST_FIRST;
            case "vpnConnName" -> ascending ? Order.NAME_ASCENDING : Order.NAME_DESCENDING;
            default -> throw TencentError.INVALID_PARAMETER.saying("The orderField must be createTime or vpnConnName.");
        };
    }

    /** The VPC a {@code vpcId} names; a value that names none (of any form) is InvalidVpc.NotFound. */
    private static Vpc vpc(LegacyContext ctx, String id) {
        OptionalLong serial = LegacyIds.vpcSerial(ctx.regionName(), id);
        Optional<Vpc> vpc = serial.isEmpty() ? Optional.empty()
                : ctx.services().vpcs().list(ctx.scope(), new VpcStore.Filter(Set.of(), Set.of(serial.getAsLong()),
                        Set.of(), Set.of(), List.of()), new PageRequest(0, 1)).items().stream().findFirst();
        return vpc.orElseThrow(() -> TencentError.LEGACY_VPC_NOT_FOUND.fault(id));
    }

    /** The gateway a {@code vpnGwId} names; a value that names none is InvalidVpnGw.NotFound. */
    private static VpnGateway gateway(LegacyContext ctx, String id) {
        OptionalLong serial = LegacyIds.serial(ResourceType.VPN_GATEWAY, id);
        Optional<VpnGateway> gateway = serial.isEmpty() ? Optional.empty()
                : ctx.services().gateways().list(ctx.scope(), new GatewayStore.Filter(Set.of(),
                        Set.of(serial.getAsLong()), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), List.of()),
                        new PageRequest(0, 1)).items().stream().findFirst();
        return gateway.orElseThrow(() -> TencentError.LEGACY_VPN_GATEWAY_NOT_FOUND.fault(id));
    }

    /** The connection a {@code vpnConnId} names; a value that names none is InvalidVpnConn.NotFound. */
    private static VpnConnection connection(LegacyContext ctx, String id) {
        OptionalLong serial = LegacyIds.serial(ResourceType.VPN_CONNECTION, id);
        Optional<VpnConnection> connection = serial.isEmpty() ? Optional.empty()
                : ctx.services().connections().list(ctx.scope(), new ConnectionStore.Filter(Set.of(),
                        Set.of(serial.getAsLong()), Set.of(), Set.of(), Set.of(), Set.of(), "", List.of()),
                        new PageRequest(0, 1)).items().stream().findFirst();
        return connection.orElseThrow(() -> TencentError.LEGACY_VPN_CONNECTION_NOT_FOUND.fault(id));
    }

    /** Each VPC of a page by canonical id, in one query. */
    private static Map<String, Vpc> vpcs(LegacyContext ctx, List<String> ids) {
        var out = new HashMap<String, Vpc>();
        var wanted = ids.stream().filter(id -> !id.isEmpty()).distinct().toList();
        if (!wanted.isEmpty()) {
            ctx.services().vpcs().list(ctx.scope(), new VpcStore.Filter(Set.copyOf(wanted), Set.of(), Set.of(),
                    Set.of(), List.of()), new PageRequest(0, wanted.size())).items()
                    .forEach(v -> out.put(v.id(), v));
        }
        return out;
    }
}
