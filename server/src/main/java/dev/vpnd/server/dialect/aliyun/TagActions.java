package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.port.TagStore;
import dev.vpnd.core.problem.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TagResources, UnTagResources, ListTagResources. Resource types are matched case-insensitively:
 * the Alibaba Terraform provider's source sends {@code VPNCONNECTION}, {@code CUSTOMERGATEWAY} and
 * {@code VpnGateWay} (docs/dialects/aliyun.md, "State, lists, tags, ids").
 */
final class TagActions {
    private static final int MAX_TAGGED_RESOURCES = 20;
    private static final int MAX_LISTED_RESOURCES = 50;
    private static final Map<String, ResourceType> TYPES = Map.of(
            "vpc", ResourceType.VPC,
            "vpngateway", ResourceType.VPN_GATEWAY,
            "customergateway", ResourceType.CUSTOMER_GATEWAY,
            "vpnconnection", ResourceType.VPN_CONNECTION);
    /** The spelling ListTagResources answers with, as the documentation lists the types. */
    private static final Map<ResourceType, String> WIRE_TYPES = Map.of(
            ResourceType.VPC, "VPC",
            ResourceType.VPN_GATEWAY, "VpnGateway",
            ResourceType.CUSTOMER_GATEWAY, "CUSTOMERGATEWAY",
            ResourceType.VPN_CONNECTION, "VPNCONNECTION");

    private TagActions() {
    }

    static Map<String, Object> tag(RpcContext ctx) {
        var p = ctx.params();
        Scope scope = ctx.scope();
        ResourceType type = type(p);
        List<String> ids = ids(ctx, type, true, MAX_TAGGED_RESOURCES);
        var tags = AliyunTags.toSet(p, "Tag");
        if (tags.isEmpty()) {
            throw AliyunError.MISSING_PARAMETER.fault("Tag");
        }
        ctx.services().tags().tag(scope, type, ids, tags);
        return new LinkedHashMap<>();
    }

    static Map<String, Object> untag(RpcContext ctx) {
        var p = ctx.params();
        Scope scope = ctx.scope();
        ResourceType type = type(p);
        List<String> ids = ids(ctx, type, true, MAX_TAGGED_RESOURCES);
        boolean all = p.bool("All", false);
        List<String> keys = AliyunTags.keys(p, "TagKey");
        if (!all && keys.isEmpty()) {
            throw AliyunError.MISSING_PARAMETER.fault("TagKey");
        }
        ctx.services().tags().untag(scope, type, ids, keys, all);
        return new LinkedHashMap<>();
    }

    static Map<String, Object> list(RpcContext ctx) {
        var p = ctx.params();
        Scope scope = ctx.scope();
        ResourceType type = type(p);
        List<String> ids = ids(ctx, type, false, MAX_LISTED_RESOURCES);
        var filters = AliyunTags.toFilter(p, "Tag");
        if (ids.isEmpty() && filters.isEmpty()) {
            throw AliyunError.MISSING_PARAMETER.fault("ResourceId");
        }
        int max = p.integer("MaxResults", 50, 1, 50);
        long offset = offset(p.optional("NextToken", "0"));
        // One extra row tells whether another page follows.
        List<TagStore.TagBinding> rows = ctx.services().tags().list(scope, type, ids, filters, offset, max + 1);
        var items = new ArrayList<Map<String, Object>>();
        for (var row : rows.subList(0, Math.min(max, rows.size()))) {
            var item = new LinkedHashMap<String, Object>();
            item.put("ResourceId", AliyunIds.encode(type, row.resourceId()));
            item.put("ResourceType", WIRE_TYPES.get(type));
            item.put("TagKey", row.tag().key());
            item.put("TagValue", row.tag().value());
            items.add(item);
        }
        var wrapper = new LinkedHashMap<String, Object>();
        wrapper.put("TagResource", items);
        var body = new LinkedHashMap<String, Object>();
        body.put("NextToken", rows.size() > max ? String.valueOf(offset + max) : "");
        body.put("TagResources", wrapper);
        return body;
    }

    private static ResourceType type(RpcParams p) {
        ResourceType type = TYPES.get(p.required("ResourceType").toLowerCase(Locale.ROOT));
        if (type == null) {
            throw AliyunError.INVALID_PARAMETER.fault("ResourceType");
        }
        return type;
    }

    /** {@code ResourceId.N}; an id that cannot name a resource of the type is that type's not-found. */
    private static List<String> ids(RpcContext ctx, ResourceType type, boolean required, int max) {
        var ids = new ArrayList<String>();
        for (var entry : ctx.params().list("ResourceId")) {
            String wireId = entry.getOrDefault("", "");
            ids.add(AliyunIds.decode(type, wireId).orElseThrow(() -> AliyunErrors.notFound(type).fault()));
        }
        if (required && ids.isEmpty()) {
            throw AliyunError.MISSING_PARAMETER.fault("ResourceId");
        }
        if (ids.size() > max) {
            throw AliyunError.INVALID_PARAMETER.fault("ResourceId");
        }
        return ids;
    }

    private static long offset(String token) {
        try {
            long offset = Long.parseLong(token);
            if (offset < 0) {
                throw AliyunError.INVALID_PARAMETER.fault("NextToken");
            }
            return offset;
        } catch (NumberFormatException e) {
            throw AliyunError.INVALID_PARAMETER.fault("NextToken");
        }
    }
}
