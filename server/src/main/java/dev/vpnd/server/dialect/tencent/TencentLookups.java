package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.port.CustomerGatewayStore;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.Match;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.ResourceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Between Tencent ids (serials) and canonical ids, one query per batch: filters name related
 * resources by Tencent id, views show them so.
 */
final class TencentLookups {
    private static final int BATCH = 1000;

    private TencentLookups() {
    }

    /** Canonical ids of the VPCs with these Tencent ids; unknown ones are left out. */
    static List<String> vpcIds(Api3Context ctx, Collection<String> wireIds) {
        var serials = serials(ctx, ResourceType.VPC, wireIds);
        if (serials.isEmpty()) {
            return List.of();
        }
        var filter = new VpcStore.Filter(Set.of(), serials, Set.of(), Set.of(), List.of());
        return ctx.services().vpcs().list(ctx.scope(), filter, new PageRequest(0, BATCH)).items().stream()
                .map(Vpc::id).toList();
    }

    static List<String> gatewayIds(Api3Context ctx, Collection<String> wireIds) {
        var serials = serials(ctx, ResourceType.VPN_GATEWAY, wireIds);
        if (serials.isEmpty()) {
            return List.of();
        }
        var filter = new GatewayStore.Filter(Set.of(), serials, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                List.of());
        return ctx.services().gateways().list(ctx.scope(), filter, new PageRequest(0, BATCH)).items().stream()
                .map(VpnGateway::id).toList();
    }

    static List<String> customerGatewayIds(Api3Context ctx, Collection<String> wireIds) {
        var serials = serials(ctx, ResourceType.CUSTOMER_GATEWAY, wireIds);
        if (serials.isEmpty()) {
            return List.of();
        }
        var filter = new CustomerGatewayStore.Filter(Set.of(), serials, Set.of(), Set.of(), List.of());
        return ctx.services().customerGateways().list(ctx.scope(), filter, new PageRequest(0, BATCH)).items()
                .stream().map(CustomerGateway::id).toList();
    }

    /** Serial of each VPC by canonical id. */
    static Map<String, Long> vpcSerials(Api3Context ctx, Collection<String> ids) {
        var out = new HashMap<String, Long>();
        if (!ids.isEmpty()) {
            var filter = new VpcStore.Filter(Set.copyOf(ids), Set.of(), Set.of(), Set.of(), List.of());
            ctx.services().vpcs().list(ctx.scope(), filter, new PageRequest(0, BATCH)).items()
                    .forEach(v -> out.put(v.id(), v.serial()));
        }
        return out;
    }

    /** Each gateway by canonical id. */
    static Map<String, VpnGateway> gateways(Api3Context ctx, Collection<String> ids) {
        var out = new HashMap<String, VpnGateway>();
        if (!ids.isEmpty()) {
            var filter = new GatewayStore.Filter(Set.copyOf(ids), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                    Set.of(), List.of());
            ctx.services().gateways().list(ctx.scope(), filter, new PageRequest(0, BATCH)).items()
                    .forEach(g -> out.put(g.id(), g));
        }
        return out;
    }

    /** Each customer gateway by canonical id. */
    static Map<String, CustomerGateway> customerGateways(Api3Context ctx, Collection<String> ids) {
        var out = new HashMap<String, CustomerGateway>();
        var wanted = ids.stream().filter(id -> !id.isEmpty()).toList();
        if (!wanted.isEmpty()) {
            var filter = new CustomerGatewayStore.Filter(Set.copyOf(wanted), Set.of(), Set.of(), Set.of(),
                    List.of());
            ctx.services().customerGateways().list(ctx.scope(), filter, new PageRequest(0, BATCH)).items()
                    .forEach(g -> out.put(g.id(), g));
        }
        return out;
    }

    private static Set<Long> serials(Api3Context ctx, ResourceType type, Collection<String> wireIds) {
        var serials = new ArrayList<Long>();
        wireIds.forEach(id -> serials.add(ctx.serialOf(type, id)));
        return Match.anyOf(serials);
    }
}
