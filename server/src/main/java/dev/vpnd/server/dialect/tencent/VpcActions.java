package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.port.Match;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.Cidrs;
import dev.vpnd.core.service.VpcDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CreateVpc, DescribeVpcs, DeleteVpc. */
final class VpcActions {
    static final Set<String> FILTERS = Set.of("vpc-id", "vpc-name", "cidr-block", "is-default", "tag-key", "tag:");

    private VpcActions() {
    }

    static Map<String, Object> create(Api3Context ctx) {
        var p = ctx.params();
        String name = p.requiredText("VpcName");
        if (name.length() > 60) {
            throw TencentError.TOO_LONG.fault("VpcName");
        }
        String cidr = p.requiredText("CidrBlock");
        if (!Cidrs.isCidr(cidr)) {
            throw TencentError.MALFORMED.fault(cidr);
        }
        var dnsServers = p.texts("DnsServers", 4);
        for (String server : dnsServers) {
            if (!Cidrs.isIpv4(server)) {
                throw TencentError.MALFORMED.fault(server);
            }
        }
        var draft = new VpcDraft(name, "", cidr, p.bool("EnableMulticast").orElse(false), dnsServers,
                p.text("DomainName", "", 60), TencentTags.of(p));
        Vpc vpc = ctx.services().vpcs().create(ctx.scope(), "", draft);
        return Map.of("Vpc", view(vpc));
    }

    static Map<String, Object> describeList(Api3Context ctx) {
        var p = ctx.params();
        var filters = Api3Filters.parse(p, "VpcIds", FILTERS);
        var ids = Api3Filters.ids(p, "VpcIds");
        var page = Api3Paging.of(p);
        var isDefault = filters.getOrDefault("is-default", List.of("false"));
        if (isDefault.stream().noneMatch(v -> v.equalsIgnoreCase("false"))) {
            // vpnd has no default VPCs.
            return Api3Paging.body(0, "VpcSet", List.of());
        }
        var serials = new ArrayList<Long>();
        ids.forEach(id -> serials.add(ctx.serialOf(ResourceType.VPC, id)));
        filters.getOrDefault("vpc-id", List.of()).forEach(id -> serials.add(ctx.serialOf(ResourceType.VPC, id)));
        var filter = new VpcStore.Filter(Set.of(), Match.anyOf(serials),
                Match.anyOf(filters.getOrDefault("vpc-name", List.of())),
                Match.anyOf(filters.getOrDefault("cidr-block", List.of())), TencentTags.filters(filters));
        Page<Vpc> found = ctx.services().vpcs().list(ctx.scope(), filter, page);
        var items = new ArrayList<Map<String, Object>>();
        found.items().forEach(v -> items.add(view(v)));
        return Api3Paging.body(found.total(), "VpcSet", items);
    }

    static Map<String, Object> delete(Api3Context ctx) {
        var vpc = ctx.services().vpcs().getBySerial(ctx.scope(), ctx.requiredSerial("VpcId", ResourceType.VPC));
        ctx.services().vpcs().delete(ctx.scope(), vpc.id());
        return Map.of();
    }

    static Map<String, Object> view(Vpc vpc) {
        var v = new LinkedHashMap<String, Object>();
        v.put("VpcName", vpc.name());
        v.put("VpcId", TencentIds.encode(ResourceType.VPC, vpc.serial()));
        v.put("CidrBlock", vpc.cidrBlock());
        v.put("IsDefault", false);
        v.put("EnableMulticast", vpc.enableMulticast());
        v.put("CreatedTime", TencentTime.format(vpc.createdAt()));
        v.put("DnsServerSet", vpc.dnsServers());
        v.put("DomainName", vpc.domainName());
        v.put("DhcpOptionsId", "");
        v.put("EnableDhcp", !vpc.dnsServers().isEmpty() || !vpc.domainName().isEmpty());
        v.put("Ipv6CidrBlock", "");
        v.put("TagSet", TencentTags.view(vpc.tags()));
        v.put("AssistantCidrSet", List.of());
        return v;
    }
}
