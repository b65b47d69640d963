package dev.vpnd.server.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Hostile values in requests that pass authentication: signed by the SDKs' generic callers, or
 * carrying a valid Keystone token. Every one must get a success or the dialect's own error.
 */
final class SignedCampaign {
    private static final List<String> ALIYUN_ACTIONS = List.of("CreateVpc", "CreateVpnGateway", "CreateCustomerGateway",
            "CreateVpnConnection", "DescribeVpnConnections", "DescribeVpnConnection", "DescribeVpnGateways",
            "DescribeVpnGateway", "DescribeCustomerGateways", "DescribeVpcs", "ModifyVpnConnectionAttribute",
            "ModifyVpnGatewayAttribute", "ModifyCustomerGatewayAttribute", "TagResources", "UnTagResources",
            "ListTagResources", "DescribeRegions", "DeleteVpnConnection", "NoSuchAction", "Describe");
    private static final List<String> ALIYUN_PARAMETERS = List.of("RegionId", "VpcId", "VpnGatewayId",
            "CustomerGatewayId", "VpnConnectionId", "Name", "Description", "LocalSubnet", "RemoteSubnet", "IkeConfig",
            "IpsecConfig", "HealthCheckConfig", "BgpConfig", "TunnelOptionsSpecification", "Tag", "ResourceId",
            "ResourceType", "PageSize", "PageNumber", "Bandwidth", "IpAddress", "CidrBlock", "EnableDpd",
            "EnableNatTraversal", "EffectImmediately", "NetworkType", "AutoConfigRoute", "ClientToken", "Asn");
    private static final List<String> TENCENT_ACTIONS = List.of("CreateVpc", "CreateVpnGateway",
            "CreateCustomerGateway", "CreateVpnConnection", "DescribeVpnConnections", "DescribeVpnGateways",
            "DescribeCustomerGateways", "DescribeVpcs", "ModifyVpnConnectionAttribute", "ModifyVpnGatewayAttribute",
            "ModifyCustomerGatewayAttribute", "DeleteVpnConnection", "NoSuchAction");
    private static final List<String> TENCENT_PARAMETERS = List.of("VpcId", "VpnGatewayId", "CustomerGatewayId",
            "VpnConnectionId", "VpcName", "VpnGatewayName", "CustomerGatewayName", "VpnConnectionName", "CidrBlock",
            "IpAddress", "PreShareKey", "SecurityPolicyDatabases", "IKEOptionsSpecification",
            "IPSECOptionsSpecification", "Filters", "Limit", "Offset", "Tags", "InternetMaxBandwidthOut",
            "VpnConnectionIds", "VpnGatewayIds", "NegotiationType", "DpdEnable", "DpdTimeout", "HealthCheckLocalIp");
    private static final List<String> NEUTRON_ATTRIBUTES = List.of("name", "description", "cidr", "ip_version",
            "network_id", "router_id", "subnet_id", "shared", "router:external", "is_default", "admin_state_up",
            "peer_address", "peer_id", "psk", "mtu", "dpd", "lifetime", "endpoints", "type", "tenant_id",
            "external_gateway_info", "allocation_pools", "gateway_ip", "pfs", "auth_algorithm", "peer_cidrs");
    private static final List<String> NEUTRON_KINDS = List.of("networks:network", "subnets:subnet", "routers:router",
            "vpn/vpnservices:vpnservice", "vpn/ikepolicies:ikepolicy", "vpn/ipsecpolicies:ipsecpolicy",
            "vpn/endpoint-groups:endpoint_group", "vpn/ipsec-site-connections:ipsec_site_connection");

    private final SignedClients clients;
    private final URI neutron;
    private final String token;
    private final List<String> ownNeutron;
    private final Duration timeout;

    /** {@code ownNeutron}: "collection/id" of resources the signed-in tenant owns, for updates. */
    SignedCampaign(SignedClients clients, URI neutron, String token, List<String> ownNeutron, Duration timeout) {
        this.clients = clients;
        this.neutron = neutron;
        this.token = token;
        this.ownNeutron = ownNeutron;
        this.timeout = timeout;
    }

    void run(Hostile hostile, Findings findings, int requests) throws Exception {
        for (int i = 0; i < requests; i++) {
            switch (hostile.below(3)) {
                case 0 -> aliyun(hostile, findings);
                case 1 -> tencent(hostile, findings);
                default -> neutron(hostile, findings);
            }
        }
    }

    private void aliyun(Hostile hostile, Findings findings) {
        String action = hostile.pick(ALIYUN_ACTIONS);
        var query = new LinkedHashMap<String, String>();
        query.put("RegionId", hostile.chance(80) ? "cn-hangzhou" : hostile.text());
        int fields = hostile.below(hostile.chance(10) ? 2000 : 8);
        for (int i = 0; i < fields; i++) {
            query.put(hostile.parameterName(ALIYUN_PARAMETERS), hostile.text());
        }
        judge(findings, "aliyun " + action + " " + query, clients.aliyun(action, query, hostile.chance(30)));
    }

    private void tencent(Hostile hostile, Findings findings) throws Exception {
        String action = hostile.pick(TENCENT_ACTIONS);
        String payload;
        if (hostile.chance(25)) {
            payload = new String(hostile.jsonBody(), StandardCharsets.UTF_8);
        } else {
            ObjectNode body = Json.MAPPER.createObjectNode();
            int fields = hostile.below(hostile.chance(10) ? 2000 : 8);
            for (int i = 0; i < fields; i++) {
                String name = hostile.pick(TENCENT_PARAMETERS);
                switch (hostile.below(4)) {
                    case 0 -> body.putArray(name).add(hostile.text()).addObject().put(hostile.text(), hostile.text());
                    case 1 -> body.put(name, hostile.random().nextLong());
                    case 2 -> body.putObject(name).put(hostile.pick(TENCENT_PARAMETERS), hostile.text());
                    default -> body.put(name, hostile.text());
                }
            }
            payload = body.toString();
        }
        judge(findings, "tencent " + action + " " + payload, clients.tencent(action, payload));
    }

    private void neutron(Hostile hostile, Findings findings) throws Exception {
        String[] kind = hostile.pick(NEUTRON_KINDS).split(":", -1);
        ObjectNode member = Json.MAPPER.createObjectNode();
        int fields = 1 + hostile.below(6);
        for (int i = 0; i < fields; i++) {
            String name = hostile.pick(NEUTRON_ATTRIBUTES);
            switch (hostile.below(5)) {
                case 0 -> member.put(name, hostile.random().nextInt());
                case 1 -> member.put(name, hostile.random().nextBoolean());
                case 2 -> member.putArray(name).add(hostile.text());
                case 3 -> member.putObject(name).put(hostile.text(), hostile.text());
                default -> member.put(name, hostile.text());
            }
        }
        String body = "{\"" + kind[1] + "\": " + member + "}";
        byte[] request = switch (hostile.below(3)) {
            case 0 -> RawExchange.request("POST", neutron, "/v2.0/" + kind[0], "application/json",
                    body.getBytes(StandardCharsets.UTF_8), "X-Auth-Token: " + token);
            case 1 -> RawExchange.request("PUT", neutron, "/v2.0/" + hostile.pick(ownNeutron), "application/json",
                    body.getBytes(StandardCharsets.UTF_8), "X-Auth-Token: " + token);
            default -> RawExchange.request("GET", neutron, "/v2.0/" + kind[0] + "?" + hostile.form(List.of("name",
                    "fields", "limit", "marker", "sort_key", "sort_dir", "page_reverse", "tenant_id", "id"),
                    1 + hostile.below(6)), null, new byte[0], "X-Auth-Token: " + token);
        };
        findings.check("neutron " + new String(request, 0, Math.min(request.length, 300), StandardCharsets.UTF_8),
                RawExchange.exchange(neutron, request, timeout), Findings.Expect.ANSWER);
    }

    private static void judge(Findings findings, String what, SignedClients.Outcome outcome) {
        findings.counted();
        if (outcome instanceof SignedClients.Outcome.Broken broken) {
            findings.fail(what, broken.reason(), null);
        }
    }
}
