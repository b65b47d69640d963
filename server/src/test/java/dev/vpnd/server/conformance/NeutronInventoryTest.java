package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.CreateVpnGatewayRequest;
import com.aliyun.vpc20160428.models.DescribeCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionResponseBody;
import com.aliyun.vpc20160428.models.DescribeVpnGatewayRequest;
import com.aliyun.vpc20160428.models.DescribeVpnGatewayResponseBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.agent.protocol.AgentClient;
import dev.vpnd.agent.protocol.Hello;
import dev.vpnd.agent.protocol.Report;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One inventory, seen through two dialects of the demo account (Alibaba's demo key, OpenStack's
 * demo user in project demo): the connections and gateways the Alibaba SDK makes, Neutron lists
 * and shows (as site connections and VPN services) with the same values and the status their
 * agent's reports give them, and what a Neutron update changes, Alibaba then describes.
 */
class NeutronInventoryTest {
    /** Long enough that a resource is still pending when both dialects have read it once. */
    private static final Duration DELAY = Duration.ofSeconds(4);

    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd(DELAY);

    private static final String REGION = AliyunClients.REGION;
    private static final String CONNECTIONS = "/v2.0/vpn/ipsec-site-connections";
    private static final String SERVICES = "/v2.0/vpn/vpnservices";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Client alibaba;
    private static AliyunFixtures fixtures;
    private static String token;

    @BeforeAll
    static void clients() throws Exception {
        alibaba = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        fixtures = new AliyunFixtures(alibaba);
        var signIn = HTTP.send(HttpRequest.newBuilder(URI.create(VPND.endpoints().get("keystone") + "/v3/auth/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"domain": {"name":
                        "Default"}, "name": "demo", "password": "demo"}}}, "scope": {"project": {"domain":
                        {"name": "Default"}, "name": "demo"}}}}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(201);
        token = signIn.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    @Test
    void aConnectionMadeWithTheAlibabaSdkIsANeutronSiteConnection() throws Exception {
        String gatewayId = fixtures.gateway();
        String customerGatewayId = fixtures.customerGateway();
        String peerIp = alibaba.describeCustomerGateway(new DescribeCustomerGatewayRequest().setRegionId(REGION)
                .setCustomerGatewayId(customerGatewayId)).getBody().getIpAddress();
        String id = alibaba.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(REGION)
                .setVpnGatewayId(gatewayId).setCustomerGatewayId(customerGatewayId).setName("from-alibaba")
                .setLocalSubnet("10.1.0.0/16").setRemoteSubnet("192.168.0.0/24,192.168.1.0/24")
                .setIkeConfig("{\"Psk\":\"alibaba-psk-1\"}")).getBody().getVpnConnectionId();

        assertThat(describe(id).getState()).isEqualTo("provisioning");
        JsonNode listed = neutronConnection(id);
        assertThat(listed.path("status").asText()).as("no agent serves its gateway").isEqualTo("DOWN");
        assertThat(listed.path("name").asText()).isEqualTo("from-alibaba");
        assertThat(listed.path("peer_address").asText()).isEqualTo(peerIp);
        assertThat(listed.path("peer_id").asText()).isEqualTo(peerIp);
        assertThat(listed.path("psk").asText()).isEqualTo("alibaba-psk-1");
        assertThat(texts(listed.path("peer_cidrs"))).containsExactly("192.168.0.0/24", "192.168.1.0/24");
        assertThat(AliyunIds.encode(ResourceType.VPN_GATEWAY, listed.path("vpnservice_id").asText()))
                .isEqualTo(gatewayId);
        // Alibaba's defaults, not Neutron's: on traffic (shown as bi-directional) and DPD clearing the SAs.
        assertThat(listed.path("initiator").asText()).isEqualTo("bi-directional");
        assertThat(listed.path("dpd").path("action").asText()).isEqualTo("clear");
        // No IKE or IPsec policy of its own: its settings are the connection's alone.
        assertThat(listed.path("ikepolicy_id").isNull()).isTrue();
        assertThat(listed.path("ipsecpolicy_id").isNull()).isTrue();
        assertThat(listed.path("local_ep_group_id").isNull()).isTrue();
        assertThat(listed.path("mtu").asLong()).isEqualTo(1500);
        assertThat(listed.path("tenant_id").asText()).as("the project id as Keystone spells it: no dashes")
                .isEqualTo(VPND.services().accounts().list().stream().filter(a -> a.name().equals("demo"))
                        .findFirst().orElseThrow().id().replace("-", "")).matches("[0-9a-f]{32}");

        var shown = neutron("GET", CONNECTIONS + "/" + listed.path("id").asText(), null);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(shown.body()).path("ipsec_site_connection")).isEqualTo(listed);

        var agent = agentOf(gatewayId, "192.0.2.40");
        assertThat(neutronConnection(id).path("status").asText()).as("not applied by the agent yet")
                .isEqualTo("PENDING_CREATE");
        var plan = agent.plan(0, Duration.ZERO).orElseThrow().gateways().getFirst();
        agent.report(new Report(List.of(new GatewayReport(plan.gatewayId(), plan.revision(), List.of(new TunnelReport(
                plan.tunnels().getFirst().name(), SaState.ESTABLISHED, SaState.ESTABLISHED, 0, 0, 0, 0, null))))));
        assertThat(neutronConnection(id).path("status").asText()).isEqualTo("ACTIVE");
        // Lists filter on what they show, in the store, and on the sealed key and the status after it.
        String neutronId = listed.path("id").asText();
        for (String filter : List.of("status=ACTIVE", "initiator=bi-directional", "mtu=1500",
                "peer_address=" + peerIp, "psk=alibaba-psk-1", "name=from-alibaba&psk=alibaba-psk-1&limit=1")) {
            assertThat(ids(CONNECTIONS + "?" + filter, "ipsec_site_connections")).as(filter).contains(neutronId);
        }
        for (String filter : List.of("status=PENDING_CREATE", "initiator=response-only", "mtu=1400",
                "ikepolicy_id=" + neutronId, "psk=other", "route_mode=dynamic")) {
            assertThat(ids(CONNECTIONS + "?" + filter, "ipsec_site_connections")).as(filter)
                    .doesNotContain(neutronId);
        }
    }

    @Test
    void aNeutronUpdateOfAnAlibabaConnectionIsWhatAlibabaDescribes() throws Exception {
        String gatewayId = fixtures.gateway();
        String id = alibaba.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(REGION)
                .setVpnGatewayId(gatewayId).setCustomerGatewayId(fixtures.customerGateway()).setName("before")
                .setLocalSubnet("10.2.0.0/16").setRemoteSubnet("172.16.0.0/24")
                .setIkeConfig("{\"Psk\":\"old-psk\",\"IkeEncAlg\":\"aes256\",\"IkeVersion\":\"ikev2\"}"))
                .getBody().getVpnConnectionId();
        AliyunClients.awaitActiveConnection(alibaba, id);
        String neutronId = neutronConnection(id).path("id").asText();

        var updated = neutron("PUT", CONNECTIONS + "/" + neutronId, """
                {"ipsec_site_connection": {"name": "after", "psk": "new-psk", "peer_address": "198.51.100.77",
                "description": "changed through Neutron", "mtu": 1400}}""");

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(updated.body()).path("ipsec_site_connection");
        assertThat(answer.path("peer_address").asText()).isEqualTo("198.51.100.77");
        assertThat(answer.path("mtu").asLong()).isEqualTo(1400);
        var described = describe(id);
        assertThat(described.getName()).isEqualTo("after");
        assertThat(described.getIkeConfig().getPsk()).isEqualTo("new-psk");
        assertThat(alibaba.describeCustomerGateway(new DescribeCustomerGatewayRequest().setRegionId(REGION)
                .setCustomerGatewayId(described.getCustomerGatewayId())).getBody().getIpAddress())
                .isEqualTo("198.51.100.77");
        // What Neutron did not name stays as Alibaba set it.
        assertThat(described.getLocalSubnet()).isEqualTo("10.2.0.0/16");
        assertThat(described.getRemoteSubnet()).isEqualTo("172.16.0.0/24");
        assertThat(described.getIkeConfig().getIkeEncAlg()).isEqualTo("aes256");
        assertThat(described.getIkeConfig().getIkeVersion()).isEqualTo("ikev2");
        assertThat(described.getEffectImmediately()).isFalse();
        assertThat(described.getState()).isEqualTo("active");
        // ...and Neutron's own attributes are kept beside it.
        JsonNode shown = neutronConnection(id);
        assertThat(shown.path("description").asText()).isEqualTo("changed through Neutron");
        assertThat(shown.path("mtu").asLong()).isEqualTo(1400);
        assertThat(shown.path("name").asText()).isEqualTo("after");
    }

    @Test
    void aGatewayMadeWithTheAlibabaSdkIsANeutronVpnService() throws Exception {
        String vpcId = fixtures.vpc();
        String gatewayId = alibaba.createVpnGateway(new CreateVpnGatewayRequest().setRegionId(REGION).setVpcId(vpcId)
                .setBandwidth(10).setName("gateway-from-alibaba")).getBody().getVpnGatewayId();
        var described = describeGateway(gatewayId);

        assertThat(described.getStatus()).isEqualTo("provisioning");
        JsonNode listed = neutronService(gatewayId);
        assertThat(listed.path("status").asText()).as("no agent serves it").isEqualTo("DOWN");
        assertThat(listed.path("name").asText()).isEqualTo("gateway-from-alibaba");
        assertThat(listed.path("external_v4_ip").asText()).isEqualTo(described.getInternetIp()).isNotEmpty();
        assertThat(AliyunIds.encode(ResourceType.VPC, listed.path("router_id").asText())).isEqualTo(vpcId);
        assertThat(listed.path("subnet_id").isNull()).isTrue();
        assertThat(listed.path("admin_state_up").asBoolean()).isTrue();
        var shown = neutron("GET", SERVICES + "/" + listed.path("id").asText(), null);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(shown.body()).path("vpnservice")).isEqualTo(listed);

        agentOf(gatewayId, "192.0.2.41");
        JsonNode served = neutronService(gatewayId);
        assertThat(served.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(served.path("external_v4_ip").asText()).as("the agent's address").isEqualTo("192.0.2.41");
        assertThat(describeGateway(gatewayId).getInternetIp()).isEqualTo("192.0.2.41");
        assertThat(ids(SERVICES + "?status=ACTIVE", "vpnservices")).contains(served.path("id").asText());
        assertThat(ids(SERVICES + "?status=DOWN", "vpnservices")).doesNotContain(served.path("id").asText());
    }

    /** An agent of Alibaba's gateway {@code id}, with a token as {@code vpnd agent token create} makes. */
    private static AgentClient agentOf(String id, String address) throws Exception {
        var plane = VPND.services().dataPlane();
        var gateway = plane.locateGateway(AliyunIds.decode(ResourceType.VPN_GATEWAY, id).orElseThrow()).orElseThrow();
        var agent = new AgentClient(URI.create(VPND.endpoints().get("agent")),
                plane.createToken(List.of(gateway)).token());
        agent.hello(new Hello(address, "vpnd-agent", "charon"));
        return agent;
    }

    @Test
    void aNeutronUpdateOfAnAlibabaGatewayIsWhatAlibabaDescribes() throws Exception {
        String gatewayId = fixtures.gateway();
        AliyunClients.awaitActiveGateway(alibaba, gatewayId);
        String neutronId = neutronService(gatewayId).path("id").asText();

        var updated = neutron("PUT", SERVICES + "/" + neutronId, """
                {"vpnservice": {"name": "renamed-in-neutron", "description": "said Neutron",
                "admin_state_up": false}}""");

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        var described = describeGateway(gatewayId);
        assertThat(described.getName()).isEqualTo("renamed-in-neutron");
        assertThat(described.getDescription()).isEqualTo("said Neutron");
        assertThat(described.getSpec()).as("what Neutron did not name stays").isEqualTo("10M");
        assertThat(neutronService(gatewayId).path("admin_state_up").asBoolean()).isFalse();
    }

    private static DescribeVpnGatewayResponseBody describeGateway(String id) throws Exception {
        return alibaba.describeVpnGateway(new DescribeVpnGatewayRequest().setRegionId(REGION).setVpnGatewayId(id))
                .getBody();
    }

    /** The VPN service that is Alibaba's gateway {@code id}, from Neutron's list. */
    private static JsonNode neutronService(String id) throws Exception {
        return listed(SERVICES, "vpnservices", ResourceType.VPN_GATEWAY, id);
    }

    private static DescribeVpnConnectionResponseBody describe(String id) throws Exception {
        return alibaba.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(id)).getBody();
    }

    /** The site connection that is Alibaba's connection {@code id}, from Neutron's list. */
    private static JsonNode neutronConnection(String id) throws Exception {
        return listed(CONNECTIONS, "ipsec_site_connections", ResourceType.VPN_CONNECTION, id);
    }

    /** The one member of Neutron's list at {@code path} that is Alibaba's resource {@code id}. */
    private static JsonNode listed(String path, String collection, ResourceType type, String id) throws Exception {
        var listed = neutron("GET", path, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        var matching = StreamSupport.stream(JSON.readTree(listed.body()).path(collection).spliterator(), false)
                .filter(r -> AliyunIds.encode(type, r.path("id").asText()).equals(id)).toList();
        assertThat(matching).as("Neutron's %s hold Alibaba's %s", collection, id).hasSize(1);
        return matching.getFirst();
    }

    private static HttpResponse<String> neutron(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(VPND.endpoints().get("neutron") + path))
                .header("X-Auth-Token", token).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(String path, String collection) throws Exception {
        var listed = neutron("GET", path, null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        return StreamSupport.stream(JSON.readTree(listed.body()).path(collection).spliterator(), false)
                .map(r -> r.path("id").asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
