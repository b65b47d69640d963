package dev.vpnd.server.dialect.tencent;

import dev.vpnd.server.dialect.ActionTable;
import java.util.Map;
import java.util.Set;

/** The API 3.0 actions vpnd serves (VPC, version 2017-03-12), as a table. */
final class Api3Actions {
    static final String VERSION = "2017-03-12";
    private static final Set<String> PAGED = Set.of("Filters", "Offset", "Limit");

    static final ActionTable<Api3Action> TABLE = new ActionTable<>(Map.ofEntries(
            write("CreateVpc", VpcActions::create,
                    "VpcName", "CidrBlock", "EnableMulticast", "DnsServers", "DomainName", "Tags"),
            list("DescribeVpcs", VpcActions::describeList, "VpcIds"),
            write("DeleteVpc", VpcActions::delete, "VpcId"),
            write("CreateVpnGateway", VpnGatewayActions::create, "VpcId", "VpnGatewayName",
                    "InternetMaxBandwidthOut", "InstanceChargeType", "InstanceChargePrepaid", "Zone", "Type", "Tags",
                    "CdcId", "MaxConnection", "BgpAsn"),
            list("DescribeVpnGateways", VpnGatewayActions::describeList, "VpnGatewayIds"),
            write("ModifyVpnGatewayAttribute", VpnGatewayActions::modify, "VpnGatewayId", "VpnGatewayName",
                    "InstanceChargeType", "BgpAsn", "MaxConnection"),
            write("DeleteVpnGateway", VpnGatewayActions::delete, "VpnGatewayId"),
            write("CreateCustomerGateway", CustomerGatewayActions::create, "CustomerGatewayName", "IpAddress",
                    "Tags", "BgpAsn"),
            list("DescribeCustomerGateways", CustomerGatewayActions::describeList, "CustomerGatewayIds"),
            write("ModifyCustomerGatewayAttribute", CustomerGatewayActions::modify, "CustomerGatewayId",
                    "CustomerGatewayName", "BgpAsn"),
            write("DeleteCustomerGateway", CustomerGatewayActions::delete, "CustomerGatewayId"),
            write("CreateVpnConnection", VpnConnectionActions::create, "VpnGatewayId", "CustomerGatewayId",
                    "VpnConnectionName", "PreShareKey", "VpcId", "SecurityPolicyDatabases",
                    "IKEOptionsSpecification", "IPSECOptionsSpecification", "Tags", "EnableHealthCheck",
                    "HealthCheckLocalIp", "HealthCheckRemoteIp", "RouteType", "NegotiationType", "DpdEnable",
                    "DpdTimeout", "DpdAction", "Route", "BgpConfig", "HealthCheckConfig"),
            list("DescribeVpnConnections", VpnConnectionActions::describeList, "VpnConnectionIds"),
            write("ModifyVpnConnectionAttribute", VpnConnectionActions::modify, "VpnConnectionId",
                    "VpnConnectionName", "PreShareKey", "SecurityPolicyDatabases", "IKEOptionsSpecification",
                    "IPSECOptionsSpecification", "EnableHealthCheck", "HealthCheckLocalIp", "HealthCheckRemoteIp",
                    "NegotiationType", "DpdEnable", "DpdTimeout", "DpdAction", "CustomerGatewayId",
                    "HealthCheckConfig", "BgpConfig"),
            write("DeleteVpnConnection", VpnConnectionActions::delete, "VpnGatewayId", "VpnConnectionId")));

    private Api3Actions() {
    }

    private static Map.Entry<String, Api3Action> write(String name, Api3Action.Handler handler,
            String... parameters) {
        return Map.entry(name, new Api3Action(handler, false, Set.of(parameters)));
    }

    /** A Describe call: read-only, paged, with a list of ids or Filters. */
    private static Map.Entry<String, Api3Action> list(String name, Api3Action.Handler handler, String idsParameter) {
        var parameters = new java.util.HashSet<>(PAGED);
        parameters.add(idsParameter);
        return Map.entry(name, new Api3Action(handler, true, Set.copyOf(parameters)));
    }
}
