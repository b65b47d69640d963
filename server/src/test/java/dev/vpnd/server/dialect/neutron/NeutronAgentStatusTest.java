package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnd.agent.protocol.AgentClient;
import dev.vpnd.agent.protocol.Hello;
import dev.vpnd.agent.protocol.Report;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.service.DataPlaneService;
import dev.vpnd.core.service.ServiceSettings;
import dev.vpnd.server.RunningVpnd;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Neutron's statuses as an agent's reports make them, the agent played over the agent protocol:
 * what an administrator switches off (a connection, a VPN service) is DOWN and leaves the plan, and
 * an agent gone silent leaves its service and connections DOWN, never ACTIVE, until it reports
 * again. (Pending, ERROR and ACTIVE through the openstack CLI: OpenStackCliTest.)
 */
class NeutronAgentStatusTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();
    private static final OpenStackCalls CALLS = new OpenStackCalls(VPND);
    private static final String CONNECTIONS = "/v2.0/vpn/ipsec-site-connections/";
    private static final String SERVICES = "/v2.0/vpn/vpnservices/";

    private static String demo;
    private static String router;
    private static String routerAddress;
    private static String ike;
    private static String ipsec;
    private static String local;
    private static String peer;

    @BeforeAll
    static void network() throws Exception {
        String admin = CALLS.token("admin", "admin", "admin");
        demo = CALLS.token("demo", "demo", "demo");
        String publicNet = CALLS.create(admin, "networks", "network", "{\"network\": {\"name\": \"public\", "
                + "\"router:external\": true}}");
        CALLS.create(admin, "subnets", "subnet", "{\"subnet\": {\"network_id\": \"" + publicNet
                + "\", \"ip_version\": 4, \"cidr\": \"192.0.2.0/24\"}}");
        String net = CALLS.create(demo, "networks", "network", "{\"network\": {\"name\": \"private\"}}");
        String subnet = CALLS.create(demo, "subnets", "subnet", "{\"subnet\": {\"network_id\": \"" + net
                + "\", \"ip_version\": 4, \"cidr\": \"10.1.0.0/24\"}}");
        router = CALLS.create(demo, "routers", "router", "{\"router\": {\"name\": \"r\", "
                + "\"external_gateway_info\": {\"network_id\": \"" + publicNet + "\"}}}");
        routerAddress = CALLS.neutron("GET", "/v2.0/routers/" + router, demo, null).body()
                .at("/router/external_gateway_info/external_fixed_ips/0/ip_address").asText();
        assertThat(CALLS.neutron("PUT", "/v2.0/routers/" + router + "/add_router_interface", demo,
                "{\"subnet_id\": \"" + subnet + "\"}").status()).isEqualTo(200);
        ike = CALLS.create(demo, "vpn/ikepolicies", "ikepolicy", "{\"ikepolicy\": {\"name\": \"ike\"}}");
        ipsec = CALLS.create(demo, "vpn/ipsecpolicies", "ipsecpolicy", "{\"ipsecpolicy\": {\"name\": \"ipsec\"}}");
        local = CALLS.create(demo, "vpn/endpoint-groups", "endpoint_group", "{\"endpoint_group\": {\"name\": "
                + "\"local\", \"type\": \"subnet\", \"endpoints\": [\"" + subnet + "\"]}}");
        peer = CALLS.create(demo, "vpn/endpoint-groups", "endpoint_group", "{\"endpoint_group\": {\"name\": "
                + "\"peer\", \"type\": \"cidr\", \"endpoints\": [\"10.251.0.0/24\"]}}");
    }

    private static String service(String name) throws Exception {
        return CALLS.create(demo, "vpn/vpnservices", "vpnservice", "{\"vpnservice\": {\"name\": \"" + name
                + "\", \"router_id\": \"" + router + "\"}}");
    }

    private static String connection(String service, String peerAddress, boolean adminStateUp) throws Exception {
        return CALLS.create(demo, "vpn/ipsec-site-connections", "ipsec_site_connection",
                "{\"ipsec_site_connection\": {\"vpnservice_id\": \"" + service + "\", \"ikepolicy_id\": \"" + ike
                        + "\", \"ipsecpolicy_id\": \"" + ipsec + "\", \"local_ep_group_id\": \"" + local
                        + "\", \"peer_ep_group_id\": \"" + peer + "\", \"peer_address\": \"" + peerAddress
                        + "\", \"peer_id\": \"" + peerAddress + "\", \"psk\": \"secret\", \"admin_state_up\": "
                        + adminStateUp + "}}");
    }

    /** An agent of the service, on its router, with a token as {@code vpnd agent token create} makes one. */
    private static AgentClient agentOf(String service) throws Exception {
        var plane = VPND.services().dataPlane();
        var agent = new AgentClient(URI.create(VPND.endpoints().get("agent")),
                plane.createToken(List.of(plane.locateGateway(service).orElseThrow())).token());
        agent.hello(new Hello(routerAddress, "vpnd-agent", "charon"));
        return agent;
    }

    private static GatewayPlan plan(AgentClient agent) throws Exception {
        return agent.plan(0, Duration.ZERO).orElseThrow().gateways().getFirst();
    }

    /** The agent applies its plan and reports every tunnel of it up. */
    private static void applyAllUp(AgentClient agent) throws Exception {
        var plan = plan(agent);
        agent.report(new Report(List.of(new GatewayReport(plan.gatewayId(), plan.revision(), plan.tunnels().stream()
                .map(t -> new TunnelReport(t.name(), SaState.ESTABLISHED, SaState.ESTABLISHED, 0, 0, 0, 0, null))
                .toList()))));
    }

    private static String status(String path, String member) throws Exception {
        return CALLS.neutron("GET", path, demo, null).body().path(member).path("status").asText();
    }

    private static String connectionStatus(String id) throws Exception {
        return status(CONNECTIONS + id, "ipsec_site_connection");
    }

    private static String serviceStatus(String id) throws Exception {
        return status(SERVICES + id, "vpnservice");
    }

    private static List<String> listed(String query) throws Exception {
        JsonNode list = CALLS.neutron("GET", CONNECTIONS.substring(0, CONNECTIONS.length() - 1) + "?" + query, demo,
                null).body().path("ipsec_site_connections");
        return StreamSupport.stream(list.spliterator(), false).map(c -> c.path("id").asText()).toList();
    }

    @Test
    void aConnectionSwitchedOffIsDownAndInNoPlan() throws Exception {
        String service = service("switched-connection");
        var agent = agentOf(service);
        String off = connection(service, "198.51.100.21", false);
        assertThat(connectionStatus(off)).as("not applied yet").isEqualTo("PENDING_CREATE");
        applyAllUp(agent);
        assertThat(plan(agent).tunnels()).isEmpty();
        assertThat(connectionStatus(off)).isEqualTo("DOWN");

        assertThat(CALLS.neutron("PUT", CONNECTIONS + off, demo,
                "{\"ipsec_site_connection\": {\"admin_state_up\": true}}").status()).isEqualTo(200);
        assertThat(connectionStatus(off)).isEqualTo("PENDING_UPDATE");
        var refused = CALLS.neutron("PUT", CONNECTIONS + off, demo,
                "{\"ipsec_site_connection\": {\"name\": \"too-soon\"}}");
        assertThat(refused.status()).as("assert_update_allowed of vpn_db").isEqualTo(400);
        assertThat(refused.body().at("/NeutronError/type").asText()).isEqualTo("VPNStateInvalidToUpdate");
        assertThat(refused.body().at("/NeutronError/message").asText())
                .isEqualTo("Invalid state PENDING_UPDATE of vpnaas resource " + off + " for updating");
        assertThat(plan(agent).tunnels()).extracting(TunnelPlan::connectionId).containsExactly(off);
        applyAllUp(agent);
        assertThat(connectionStatus(off)).isEqualTo("ACTIVE");
        assertThat(CALLS.neutron("PUT", CONNECTIONS + off, demo,
                "{\"ipsec_site_connection\": {\"name\": \"applied\"}}").status()).isEqualTo(200);
    }

    @Test
    void aServiceSwitchedOffIsDownAndItsGatewayPlansNoTunnel() throws Exception {
        String service = service("switched-service");
        assertThat(serviceStatus(service)).as("no agent yet").isEqualTo("DOWN");
        var agent = agentOf(service);
        assertThat(serviceStatus(service)).isEqualTo("ACTIVE");
        String conn = connection(service, "198.51.100.22", true);
        applyAllUp(agent);
        assertThat(connectionStatus(conn)).isEqualTo("ACTIVE");

        assertThat(CALLS.neutron("PUT", SERVICES + service, demo, "{\"vpnservice\": {\"admin_state_up\": false}}")
                .status()).isEqualTo(200);
        assertThat(serviceStatus(service)).isEqualTo("DOWN");
        assertThat(plan(agent).tunnels()).isEmpty();
        applyAllUp(agent);
        assertThat(connectionStatus(conn)).as("its tunnel unloaded").isEqualTo("DOWN");

        assertThat(CALLS.neutron("PUT", SERVICES + service, demo, "{\"vpnservice\": {\"admin_state_up\": true}}")
                .status()).isEqualTo(200);
        assertThat(plan(agent).tunnels()).extracting(TunnelPlan::connectionId).containsExactly(conn);
        applyAllUp(agent);
        assertThat(serviceStatus(service)).isEqualTo("ACTIVE");
        assertThat(connectionStatus(conn)).isEqualTo("ACTIVE");
    }

    @Test
    void aSilentAgentLeavesItsServiceAndConnectionsDownUntilItReportsAgain() throws Exception {
        String service = service("silent");
        var agent = agentOf(service);
        String conn = connection(service, "198.51.100.23", true);
        applyAllUp(agent);
        assertThat(connectionStatus(conn)).isEqualTo("ACTIVE");
        assertThat(listed("status=ACTIVE")).contains(conn);

        // Another node, whose silence timeout has passed, notices first.
        try (var storage = VPND.openDatabase()) {
            var elsewhere = new DataPlaneService(storage, ServiceSettings.defaults(),
                    new DataPlaneService.Timing(Duration.ofSeconds(25), Duration.ofSeconds(10), Duration.ofMillis(1)));
            Thread.sleep(10);
            assertThat(elsewhere.expireSilentAgents()).isPositive();
        }
        assertThat(connectionStatus(conn)).isEqualTo("DOWN");
        assertThat(serviceStatus(service)).isEqualTo("DOWN");
        assertThat(listed("status=DOWN")).contains(conn);
        assertThat(listed("status=ACTIVE")).doesNotContain(conn);

        applyAllUp(agent);
        assertThat(connectionStatus(conn)).isEqualTo("ACTIVE");
        assertThat(serviceStatus(service)).isEqualTo("ACTIVE");
    }
}
