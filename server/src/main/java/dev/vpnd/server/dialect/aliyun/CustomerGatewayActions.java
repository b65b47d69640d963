package dev.vpnd.server.dialect.aliyun;

import java.util.Set;
import dev.vpnd.core.port.Match;
import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.port.CustomerGatewayStore;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.CustomerGatewayDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CreateCustomerGateway, DescribeCustomerGateways, DescribeCustomerGateway, ModifyCustomerGatewayAttribute,
 * DeleteCustomerGateway.
 */
final class CustomerGatewayActions {
    private CustomerGatewayActions() {
    }

    static Map<String, Object> create(RpcContext ctx) {
        var p = ctx.params();
        Scope scope = ctx.scope();
        var draft = new CustomerGatewayDraft(VpnGatewayActions.checkedName(p.optional("Name", "")),
                description(p, ""), p.required("IpAddress"), p.longValue("Asn", 0, 1, 4_294_967_295L),
                p.optional("AuthKey", ""), AliyunTags.toSet(p, "Tags"));
        CustomerGateway created = ctx.services().customerGateways().create(scope, p.optional("ClientToken", ""), draft);
        return summary(created);
    }

    static Map<String, Object> describeList(RpcContext ctx) {
        var p = ctx.params();
        Scope scope = ctx.scope();
        int number = Paging.number(p);
        int size = Paging.size(p);
        var filter = new CustomerGatewayStore.Filter(
                Match.oneOrAny(ctx.optionalIdFilter("CustomerGatewayId", ResourceType.CUSTOMER_GATEWAY)), Set.of(),
                Set.of(), Set.of(), AliyunTags.toFilter(p, "Tag"));
        var page = ctx.services().customerGateways().list(scope, filter, Paging.of(number, size));
        var items = new ArrayList<Map<String, Object>>();
        page.items().forEach(g -> items.add(view(g, ctx.caller().hidesSecrets())));
        return Paging.body(page.total(), number, size, "CustomerGateways", "CustomerGateway", items);
    }

    static Map<String, Object> describe(RpcContext ctx) {
        return view(ctx.services().customerGateways().get(ctx.scope(),
                ctx.requiredId("CustomerGatewayId", ResourceType.CUSTOMER_GATEWAY)), ctx.caller().hidesSecrets());
    }

    static Map<String, Object> modify(RpcContext ctx) {
        var p = ctx.params();
        String id = ctx.requiredId("CustomerGatewayId", ResourceType.CUSTOMER_GATEWAY);
        var updated = ctx.services().customerGateways().modify(ctx.scope(), id,
                d -> new CustomerGatewayDraft(VpnGatewayActions.checkedName(p.optional("Name", d.name())),
                        description(p, d.description()), d.ipAddress(), d.asn(), p.optional("AuthKey", d.authKey()),
                        d.tags()));
        return summary(updated);
    }

    static Map<String, Object> delete(RpcContext ctx) {
        ctx.services().customerGateways().delete(ctx.scope(),
                ctx.requiredId("CustomerGatewayId", ResourceType.CUSTOMER_GATEWAY));
        return new LinkedHashMap<>();
    }

    private static String description(RpcParams p, String fallback) {
        String description = p.optional("Description", fallback);
        if (description.length() > 256 || description.startsWith("http://") || description.startsWith("https://")) {
            throw AliyunError.INVALID_DESCRIPTION.fault();
        }
        return description;
    }

    private static Map<String, Object> summary(CustomerGateway g) {
        var v = new LinkedHashMap<String, Object>();
        v.put("CustomerGatewayId", AliyunIds.encode(ResourceType.CUSTOMER_GATEWAY, g.id()));
        v.put("IpAddress", g.ipAddress());
        v.put("Name", g.name());
        v.put("Description", g.description());
        v.put("CreateTime", g.createdAt().toEpochMilli());
        return v;
    }

    /** {@code hideSecrets}: the caller's key hides secrets, the BGP authentication key among them. */
    private static Map<String, Object> view(CustomerGateway g, boolean hideSecrets) {
        var v = summary(g);
        v.put("Asn", g.asn());
        v.put("AuthKey", hideSecrets ? "" : g.authKey());
        v.put("ResourceGroupId", "");
        v.put("Tags", AliyunTags.view(g.tags()));
        return v;
    }
}
