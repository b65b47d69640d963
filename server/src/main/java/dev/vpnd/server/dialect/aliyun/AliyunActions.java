package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.server.dialect.ActionTable;
import java.util.LinkedHashMap;

/** Every action of VPC API version 2016-04-28 that vpnd answers, one line each. */
final class AliyunActions {
    static final String VERSION = "2016-04-28";

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
        t.forEach((name, handler) -> actions.put(name, new RpcAction(handler, readOnly(name))));
        return new ActionTable<>(actions);
    }
}
