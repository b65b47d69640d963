package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.port.CustomerGatewayStore;
import dev.vpnd.core.port.Match;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.CustomerGatewayDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CreateCustomerGateway, DescribeCustomerGateways, ModifyCustomerGatewayAttribute, DeleteCustomerGateway. */
final class CustomerGatewayActions {
    static final Set<String> FILTERS = Set.of("customer-gateway-id", "customer-gateway-name", "ip-address");

    private CustomerGatewayActions() {
    }

    static Map<String, Object> create(Api3Context ctx) {
        var p = ctx.params();
        String name = p.requiredText("CustomerGatewayName");
        if (name.length() > 60) {
            throw TencentError.TOO_LONG.fault("CustomerGatewayName");
        }
        String ip = p.requiredText("IpAddress");
        var draft = new CustomerGatewayDraft(name, "", ip, VpnGatewayActions.asn(p, 0), "", TencentTags.of(p));
        CustomerGateway gateway = ctx.services().customerGateways().create(ctx.scope(), "", draft);
        return Map.of("CustomerGateway", view(gateway));
    }

    static Map<String, Object> describeList(Api3Context ctx) {
        var p = ctx.params();
        var filters = Api3Filters.parse(p, "CustomerGatewayIds", FILTERS);
        var page = Api3Paging.of(p);
        var serials = new ArrayList<Long>();
        Api3Filters.ids(p, "CustomerGatewayIds")
                .forEach(id -> serials.add(ctx.serialOf(ResourceType.CUSTOMER_GATEWAY, id)));
        filters.getOrDefault("customer-gateway-id", List.of())
                .forEach(id -> serials.add(ctx.serialOf(ResourceType.CUSTOMER_GATEWAY, id)));
        var filter = new CustomerGatewayStore.Filter(Set.of(), Match.anyOf(serials),
                Match.anyOf(filters.getOrDefault("customer-gateway-name", List.of())),
                Match.anyOf(filters.getOrDefault("ip-address", List.of())), List.of());
        var found = ctx.services().customerGateways().list(ctx.scope(), filter, page);
        var items = new ArrayList<Map<String, Object>>();
        found.items().forEach(g -> items.add(view(g)));
        return Api3Paging.body(found.total(), "CustomerGatewaySet", items);
    }

    static Map<String, Object> modify(Api3Context ctx) {
        var p = ctx.params();
        var current = ctx.services().customerGateways().getBySerial(ctx.scope(),
                ctx.requiredSerial("CustomerGatewayId", ResourceType.CUSTOMER_GATEWAY));
        String name = p.text("CustomerGatewayName", current.name(), 60);
        long asn = VpnGatewayActions.asn(p, current.asn());
        ctx.services().customerGateways().modify(ctx.scope(), current.id(),
                d -> new CustomerGatewayDraft(name, d.description(), d.ipAddress(), asn, d.authKey(), d.tags()));
        return Map.of();
    }

    static Map<String, Object> delete(Api3Context ctx) {
        var gateway = ctx.services().customerGateways().getBySerial(ctx.scope(),
                ctx.requiredSerial("CustomerGatewayId", ResourceType.CUSTOMER_GATEWAY));
        ctx.services().customerGateways().delete(ctx.scope(), gateway.id());
        return Map.of();
    }

    static Map<String, Object> view(CustomerGateway g) {
        var v = new LinkedHashMap<String, Object>();
        v.put("CustomerGatewayId", TencentIds.encode(ResourceType.CUSTOMER_GATEWAY, g.serial()));
        v.put("CustomerGatewayName", g.name());
        v.put("IpAddress", g.ipAddress());
        v.put("CreatedTime", TencentTime.format(g.createdAt()));
        v.put("BgpAsn", g.asn());
        return v;
    }
}
