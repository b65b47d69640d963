package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.server.dialect.ActionTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every action of VPC API version 2016-04-28 that vpnd answers, one line each. */
final class AliyunActions {
    static final String VERSION = "2016-04-28";

    /**
     * The parameters through which each action acts on VPN gateways and connections; an action not
     * here (VPCs, customer gateways, regions, a new gateway) names none, so a key limited to some
     * resources may not call it. {@link AliyunTargets#TAGGED} stands for a tag action's
     * {@code ResourceType} with its {@code ResourceId.N}.
     */
    private static final Map<String, List<String>> TARGETS = Map.ofEntries(
            Map.entry("DescribeVpnGateways", List.of("VpnGatewayId")),
            Map.entry("DescribeVpnGateway", List.of("VpnGatewayId")),
            Map.entry("ModifyVpnGatewayAttribute", List.of("VpnGatewayId")),
            Map.entry("DeleteVpnGateway", List.of("VpnGatewayId")),
            Map.entry("CreateVpnConnection", List.of("VpnGatewayId")),
            Map.entry("DescribeVpnConnections", List.of("VpnGatewayId", "VpnConnectionId")),
            Map.entry("DescribeVpnConnection", List.of("VpnConnectionId")),
            Map.entry("ModifyVpnConnectionAttribute", List.of("VpnConnectionId")),
            Map.entry("DeleteVpnConnection", List.of("VpnConnectionId")),
            Map.entry("TagResources", List.of(AliyunTargets.TAGGED)),
            Map.entry("UnTagResources", List.of(AliyunTargets.TAGGED)),
            Map.entry("ListTagResources", List.of(AliyunTargets.TAGGED)));

    /** Declared after {@link #TARGETS}, which building it reads. */
    static final ActionTable<RpcAction> TABLE = table();

    private AliyunActions() {
    }

    /** Whether the action only reads: a Describe or List (which a read-only key's policy allows). */
    static boolean readOnly(String action) {
        return action.startsWith("Describe") || action.startsWith("List");
    }

    private static ActionTable<RpcAction> table() {
        var t = new LinkedHashMap<String, RpcAction.Handler>();
        t.put("DescribeRegions", RegionActions::describe);
        t.put("CreateVpc", VpcActions::create);
        t.put("DescribeVpcs", VpcActions::describeList);
        t.put("DeleteVpc", VpcActions::delete);
        t.put("CreateVpnGateway", VpnGatewayActions::create);
        t.put("DescribeVpnGateways", VpnGatewayActions::describeList);
        t.put("DescribeVpnGateway", VpnGatewayActions::describe);
        t.put("ModifyVpnGatewayAttribute", VpnGatewayActions::modify);
        t.put("DeleteVpnGateway", VpnGatewayActions::delete);
        t.put("CreateCustomerGateway", CustomerGatewayActions::create);
        t.put("DescribeCustomerGateways", CustomerGatewayActions::describeList);
        t.put("DescribeCustomerGateway", CustomerGatewayActions::describe);
        t.put("ModifyCustomerGatewayAttribute", CustomerGatewayActions::modify);
        t.put("DeleteCustomerGateway", CustomerGatewayActions::delete);
        t.put("CreateVpnConnection", VpnConnectionActions::create);
        t.put("DescribeVpnConnections", VpnConnectionActions::describeList);
        t.put("DescribeVpnConnection", VpnConnectionActions::describe);
        t.put("ModifyVpnConnectionAttribute", VpnConnectionActions::modify);
        t.put("DeleteVpnConnection", VpnConnectionActions::delete);
        t.put("TagResources", TagActions::tag);
        t.put("UnTagResources", TagActions::untag);
        t.put("ListTagResources", TagActions::list);
        var actions = new LinkedHashMap<String, RpcAction>();
        t.forEach((name, handler) -> actions.put(name, new RpcAction(handler, readOnly(name),
                TARGETS.getOrDefault(name, List.of()))));
        return new ActionTable<>(actions);
    }
}
