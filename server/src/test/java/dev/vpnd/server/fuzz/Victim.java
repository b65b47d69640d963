package dev.vpnd.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources another tenant must never reach: the demo account's VPC, gateway, customer gateway
 * and connection made with each cloud's SDK, its Neutron resources, and an admin's shared and
 * external networks. {@link #snapshot} renders what the owner sees, to compare before and after.
 */
final class Victim {
    /** Alibaba action stem (VpnConnection, ...) to the id of the victim's resource of that kind. */
    final Map<String, String> aliyunIds = new LinkedHashMap<>();
    /** Tencent action stem to id. */
    final Map<String, String> tencentIds = new LinkedHashMap<>();
    /** Neutron collection path (networks, vpn/ikepolicies, ...) to ids, the owner's token for each. */
    final List<NeutronResource> neutron = new ArrayList<>();
    /**
     * An admin token taken before any hostile sign-in: failed sign-ins from this address may have
     * it throttled by the time the snapshot is taken again.
     */
    private String adminToken;

    record NeutronResource(String collection, String member, String id, boolean adminOwned) {
    }

    static Victim create(SignedClients demo, String keystone, String neutronUrl) {
        var victim = new Victim();
        victim.createAliyun(demo);
        victim.createTencent(demo);
        victim.createNeutron(keystone, neutronUrl);
        return victim;
    }

    private void createAliyun(SignedClients demo) {
        String vpc = aliyunId(demo, "CreateVpc", Map.of("RegionId", "cn-hangzhou", "CidrBlock", "10.0.0.0/8"), "VpcId");
        aliyunIds.put("Vpc", vpc);
        String gateway = aliyunId(demo, "CreateVpnGateway", Map.of("RegionId", "cn-hangzhou", "VpcId", vpc,
                "Bandwidth", "10"), "VpnGatewayId");
        aliyunIds.put("VpnGateway", gateway);
        String customer = aliyunId(demo, "CreateCustomerGateway", Map.of("RegionId", "cn-hangzhou",
                "IpAddress", "198.51.100.7"), "CustomerGatewayId");
        aliyunIds.put("CustomerGateway", customer);
        aliyunIds.put("VpnConnection", aliyunId(demo, "CreateVpnConnection", Map.of("RegionId", "cn-hangzhou",
                "VpnGatewayId", gateway, "CustomerGatewayId", customer, "Name", "victim",
                "LocalSubnet", "10.1.0.0/16", "RemoteSubnet", "192.168.0.0/24"), "VpnConnectionId"));
    }

    private static String aliyunId(SignedClients client, String action, Map<String, String> query, String field) {
        var outcome = client.aliyun(action, query, false);
        if (!(outcome instanceof SignedClients.Outcome.Answered answered)) {
            throw new IllegalStateException(action + ": " + outcome);
        }
        return field(answered.body(), field);
    }

    private void createTencent(SignedClients demo) {
        String vpc = tencentId(demo, "CreateVpc", "{\"VpcName\":\"victim\",\"CidrBlock\":\"10.2.0.0/16\"}",
                "/Vpc/VpcId");
        tencentIds.put("Vpc", vpc);
        String gateway = tencentId(demo, "CreateVpnGateway", "{\"VpcId\":\"" + vpc
                + "\",\"VpnGatewayName\":\"victim\",\"InternetMaxBandwidthOut\":5}", "/VpnGateway/VpnGatewayId");
        tencentIds.put("VpnGateway", gateway);
        String customer = tencentId(demo, "CreateCustomerGateway",
                "{\"CustomerGatewayName\":\"victim\",\"IpAddress\":\"198.51.100.8\"}",
                "/CustomerGateway/CustomerGatewayId");
        tencentIds.put("CustomerGateway", customer);
        tencentIds.put("VpnConnection", tencentId(demo, "CreateVpnConnection", "{\"VpcId\":\"" + vpc
                + "\",\"VpnGatewayId\":\"" + gateway + "\",\"CustomerGatewayId\":\"" + customer
                + "\",\"VpnConnectionName\":\"victim\",\"PreShareKey\":\"victim-psk\",\"SecurityPolicyDatabases\":"
                + "[{\"LocalCidrBlock\":\"10.2.0.0/24\",\"RemoteCidrBlock\":[\"192.168.9.0/24\"]}]}",
                "/VpnConnection/VpnConnectionId"));
    }

    private static String tencentId(SignedClients client, String action, String payload, String pointer) {
        var outcome = client.tencent(action, payload);
        if (!(outcome instanceof SignedClients.Outcome.Answered answered)) {
            throw new IllegalStateException(action + ": " + outcome);
        }
        return parse(answered.body()).at("/Response" + pointer).asText();
    }

    private void createNeutron(String keystone, String url) {
        String admin = Json.token(keystone, "admin", "admin", "admin");
        adminToken = admin;
        String demo = Json.token(keystone, "demo", "demo", "demo");
        String external = Json.create(url, admin, "networks", "network",
                "{\"name\": \"public\", \"router:external\": true}");
        neutron.add(new NeutronResource("networks", "network", external, true));
        neutron.add(new NeutronResource("subnets", "subnet", Json.create(url, admin, "subnets", "subnet",
                "{\"network_id\": \"" + external + "\", \"cidr\": \"172.24.4.0/24\", \"ip_version\": 4}"), true));
        String shared = Json.create(url, admin, "networks", "network", "{\"name\": \"shared\", \"shared\": true}");
        neutron.add(new NeutronResource("networks", "network", shared, true));
        neutron.add(new NeutronResource("subnets", "subnet", Json.create(url, admin, "subnets", "subnet",
                "{\"network_id\": \"" + shared + "\", \"cidr\": \"10.77.0.0/24\", \"ip_version\": 4}"), true));

        String network = Json.create(url, demo, "networks", "network", "{\"name\": \"private\"}");
        neutron.add(new NeutronResource("networks", "network", network, false));
        String subnet = Json.create(url, demo, "subnets", "subnet",
                "{\"network_id\": \"" + network + "\", \"cidr\": \"10.9.0.0/24\", \"ip_version\": 4}");
        neutron.add(new NeutronResource("subnets", "subnet", subnet, false));
        String router = Json.create(url, demo, "routers", "router",
                "{\"name\": \"r\", \"external_gateway_info\": {\"network_id\": \"" + external + "\"}}");
        neutron.add(new NeutronResource("routers", "router", router, false));
        var added = Json.call("PUT", url + "/v2.0/routers/" + router + "/add_router_interface", demo,
                "{\"subnet_id\": \"" + subnet + "\"}");
        if (added.status() != 200) {
            throw new IllegalStateException("add_router_interface: " + added.status() + " " + added.body());
        }
        String service = Json.create(url, demo, "vpn/vpnservices", "vpnservice",
                "{\"router_id\": \"" + router + "\", \"name\": \"s\"}");
        neutron.add(new NeutronResource("vpn/vpnservices", "vpnservice", service, false));
        String ike = Json.create(url, demo, "vpn/ikepolicies", "ikepolicy", "{\"name\": \"ike\"}");
        neutron.add(new NeutronResource("vpn/ikepolicies", "ikepolicy", ike, false));
        String ipsec = Json.create(url, demo, "vpn/ipsecpolicies", "ipsecpolicy", "{\"name\": \"ipsec\"}");
        neutron.add(new NeutronResource("vpn/ipsecpolicies", "ipsecpolicy", ipsec, false));
        String local = Json.create(url, demo, "vpn/endpoint-groups", "endpoint_group",
                "{\"type\": \"subnet\", \"endpoints\": [\"" + subnet + "\"]}");
        neutron.add(new NeutronResource("vpn/endpoint-groups", "endpoint_group", local, false));
        String peer = Json.create(url, demo, "vpn/endpoint-groups", "endpoint_group",
                "{\"type\": \"cidr\", \"endpoints\": [\"192.168.50.0/24\"]}");
        neutron.add(new NeutronResource("vpn/endpoint-groups", "endpoint_group", peer, false));
        neutron.add(new NeutronResource("vpn/ipsec-site-connections", "ipsec_site_connection",
                Json.create(url, demo, "vpn/ipsec-site-connections", "ipsec_site_connection",
                        "{\"vpnservice_id\": \"" + service + "\", \"ikepolicy_id\": \"" + ike
                                + "\", \"ipsecpolicy_id\": \"" + ipsec + "\", \"peer_address\": \"203.0.113.9\", "
                                + "\"peer_id\": \"203.0.113.9\", \"psk\": \"victim-psk\", \"local_ep_group_id\": \""
                                + local + "\", \"peer_ep_group_id\": \"" + peer + "\"}"), false));
    }

    /** What the owners see of every victim resource, request ids left out. */
    String snapshot(SignedClients demo, String url) {
        var out = new StringBuilder();
        for (var kind : List.of("Vpcs", "VpnGateways", "CustomerGateways", "VpnConnections")) {
            var outcome = demo.aliyun("Describe" + kind, Map.of("RegionId", "cn-hangzhou", "PageSize", "50"), false);
            out.append(kind).append(": ").append(withoutRequestId(outcome)).append('\n');
        }
        for (var kind : List.of("Vpcs", "VpnGateways", "CustomerGateways", "VpnConnections")) {
            var outcome = demo.tencent("Describe" + kind, "{\"Limit\":100}");
            out.append("tencent ").append(kind).append(": ").append(withoutRequestId(outcome)).append('\n');
        }
        for (var resource : neutron) {
            var reply = Json.call("GET", url + "/v2.0/" + resource.collection() + "/" + resource.id(), adminToken,
                    null);
            out.append(resource.collection()).append(' ').append(reply.status()).append(' ').append(reply.body())
                    .append('\n');
        }
        return out.toString();
    }

    private static String withoutRequestId(SignedClients.Outcome outcome) {
        if (!(outcome instanceof SignedClients.Outcome.Answered answered)) {
            return outcome.toString();
        }
        JsonNode body = parse(answered.body());
        stripRequestIds(body);
        return body.toString();
    }

    private static void stripRequestIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("RequestId");
            object.properties().forEach(e -> stripRequestIds(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(Victim::stripRequestIds);
        }
    }

    private static String field(String body, String name) {
        return parse(body).path(name).asText();
    }

    static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** Every id the victim owns in any dialect, for leak checks. */
    List<String> allIds() {
        var ids = new ArrayList<String>();
        ids.addAll(aliyunIds.values());
        ids.addAll(tencentIds.values());
        neutron.forEach(r -> ids.add(r.id()));
        return ids;
    }
}
