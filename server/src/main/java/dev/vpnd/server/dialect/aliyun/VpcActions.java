package dev.vpnd.server.dialect.aliyun;

import java.util.Set;
import dev.vpnd.core.port.Match;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.VpcDraft;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CreateVpc, DescribeVpcs, DeleteVpc: the VPCs VPN gateways attach to. */
final class VpcActions {
    private VpcActions() {
    }

    static Map<String, Object> create(RpcContext ctx) {
        var p = ctx.params();
        Scope scope = ctx.scope();
        var draft = new VpcDraft(VpnGatewayActions.checkedName(p.optional("VpcName", "")),
                p.optional("Description", ""), p.optional("CidrBlock", "172.16.0.0/12"), false, List.of(), "",
                List.of());
        Vpc vpc = ctx.services().vpcs().create(scope, p.optional("ClientToken", ""), draft);
        var body = new LinkedHashMap<String, Object>();
        String wireId = AliyunIds.encode(ResourceType.VPC, vpc.id());
        body.put("VpcId", wireId);
        body.put("VRouterId", "vrt-" + wireId.substring(4));
        body.put("RouteTableId", "vtb-" + wireId.substring(4));
        body.put("ResourceGroupId", "");
        return body;
    }

    static Map<String, Object> describeList(RpcContext ctx) {
        var p = ctx.params();
        Scope scope = ctx.scope();
        int number = Paging.number(p);
        int size = Paging.size(p);
        var filter = new VpcStore.Filter(Match.oneOrAny(ctx.optionalIdFilter("VpcId", ResourceType.VPC)), Set.of(),
                Match.oneOrAny(p.optional("VpcName")), Set.of(), AliyunTags.toFilter(p, "Tag"));
        var page = ctx.services().vpcs().list(scope, filter, Paging.of(number, size));
        var items = new ArrayList<Map<String, Object>>();
        page.items().forEach(v -> items.add(view(v, ctx)));
        return Paging.body(page.total(), number, size, "Vpcs", "Vpc", items);
    }

    static Map<String, Object> delete(RpcContext ctx) {
        ctx.services().vpcs().delete(ctx.scope(), ctx.requiredId("VpcId", ResourceType.VPC));
        return new LinkedHashMap<>();
    }

    private static Map<String, Object> view(Vpc vpc, RpcContext ctx) {
        Instant now = ctx.now();
        var v = new LinkedHashMap<String, Object>();
        String wireId = AliyunIds.encode(ResourceType.VPC, vpc.id());
        v.put("VpcId", wireId);
        v.put("RegionId", ctx.regionId(vpc.scope()));
        v.put("Status", vpc.lifecycle().state(now) == ResourceState.ACTIVE ? "Available" : "Pending");
        v.put("VpcName", vpc.name());
        v.put("CreationTime", vpc.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        v.put("CidrBlock", vpc.cidrBlock());
        v.put("VRouterId", "vrt-" + wireId.substring(4));
        v.put("Description", vpc.description());
        v.put("IsDefault", false);
        v.put("ResourceGroupId", "");
        v.put("Tags", AliyunTags.view(vpc.tags()));
        return v;
    }
}
