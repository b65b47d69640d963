package dev.vpnd.server.conformance.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.models.Config;
import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.CreateVpcRequest;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.CreateVpnGatewayRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.agent.protocol.AgentClient;
import dev.vpnd.agent.protocol.Hello;
import dev.vpnd.agent.protocol.Report;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.RunningVpnd;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Debian's {@code openstack} CLI (python-neutronclient's VPN plugin) and the legacy {@code neutron}
 * CLI (for server-side {@code -F} fields and filters) against vpnd, signed in through its Keystone
 * as the demo user: every VPN command (create, list, show, set, delete of IKE and IPsec policies,
 * services, endpoint groups, site connections) and their error cases, what the demo account made
 * through Alibaba's API, and the statuses an agent's reports give services and connections, played
 * over the agent protocol.
 */
class OpenStackCliTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALIBABA_REGION = "cn-hangzhou";
    private static Path home;

    @BeforeAll
    static void tools() throws Exception {
        OpenStackTools.require();
        home = Files.createDirectories(VPND.dataDir().resolve("cli-home"));
    }

    private static OpenStackTools.Result as(String user, String... args) {
        var command = new ArrayList<>(List.of(args));
        var env = Map.of("HOME", home.toString(), "OS_AUTH_URL", VPND.endpoints().get("keystone") + "/v3",
                "OS_IDENTITY_API_VERSION", "3", "OS_USERNAME", user, "OS_PASSWORD", user, "OS_PROJECT_NAME", user,
                "OS_USER_DOMAIN_NAME", "Default", "OS_PROJECT_DOMAIN_NAME", "Default");
        return OpenStackTools.run(command, env, home, 120);
    }

    private static JsonNode ok(String user, String... args) throws Exception {
        var result = as(user, args);
        assertThat(result.exit()).as(String.join(" ", args) + "\n" + result.stderr()).isZero();
        return result.stdout().isBlank() ? null : JSON.readTree(result.stdout());
    }

    private static String failure(String user, String... args) {
        var result = as(user, args);
        assertThat(result.exit()).as(String.join(" ", args) + " should fail").isNotZero();
        return result.stderr();
    }

    private static String status(String connection) throws Exception {
        return ok("demo", "openstack", "vpn", "ipsec", "site", "connection", "show", connection, "-f", "json")
                .path("Status").asText();
    }

    /** An agent for the VPN service, with a token as {@code vpnd agent token create} makes one, said hello. */
    private static AgentClient agentOf(String serviceId, String address) throws Exception {
        var plane = VPND.services().dataPlane();
        var agent = new AgentClient(URI.create(VPND.endpoints().get("agent")),
                plane.createToken(List.of(plane.locateGateway(serviceId).orElseThrow())).token());
        agent.hello(new Hello(address, "vpnd-agent", "charon"));
        return agent;
    }

    /** The agent applies its plan and reports every tunnel with this IKE SA (its CHILD_SA alike), or refused. */
    private static void applyAndReport(AgentClient agent, SaState state, String configError) throws Exception {
        var plan = agent.plan(0, Duration.ZERO).orElseThrow().gateways().getFirst();
        agent.report(new Report(List.of(new GatewayReport(plan.gatewayId(), plan.revision(), plan.tunnels().stream()
                .map(t -> new TunnelReport(t.name(), state, state, 0, 0, 0, 0, configError)).toList()))));
    }

    @Test
    void aTokenSignsInAsTheV3TokenPluginSendsIt() throws Exception {
        JsonNode issued = ok("demo", "openstack", "token", "issue", "-f", "json");
        String token = issued.path("id").asText();
        var env = Map.of("HOME", home.toString(), "OS_AUTH_URL", VPND.endpoints().get("keystone") + "/v3",
                "OS_IDENTITY_API_VERSION", "3", "OS_AUTH_TYPE", "v3token", "OS_TOKEN", token,
                "OS_PROJECT_NAME", "demo", "OS_PROJECT_DOMAIN_NAME", "Default");
        var exchanged = OpenStackTools.run(List.of("openstack", "token", "issue", "-f", "json"), env, home, 120);
        assertThat(exchanged.exit()).as(exchanged.stderr()).isZero();
        JsonNode second = JSON.readTree(exchanged.stdout());
        assertThat(second.path("id").asText()).isNotEqualTo(token);
        assertThat(second.path("project_id").asText()).isEqualTo(issued.path("project_id").asText());
        assertThat(second.path("expires").asText()).as("an exchanged token never outlives the original")
                .isEqualTo(issued.path("expires").asText());
        var listed = OpenStackTools.run(List.of("openstack", "vpn", "ike", "policy", "list", "-f", "json"), env, home,
                120);
        assertThat(listed.exit()).as(listed.stderr()).isZero();

        var revoked = as("demo", "openstack", "token", "revoke", token);
        assertThat(revoked.exit()).as(revoked.stderr()).isZero();
        var refused = OpenStackTools.run(List.of("openstack", "token", "issue", "-f", "json"), env, home, 120);
        assertThat(refused.exit()).as("a revoked token is exchanged for nothing").isNotZero();
    }

    @Test
    void everyVpnCommandAndItsErrors() throws Exception {
        ok("admin", "openstack", "network", "create", "--external", "public", "-f", "json");
        ok("admin", "openstack", "subnet", "create", "--network", "public", "--subnet-range", "172.24.4.0/24",
                "--no-dhcp", "public-sub", "-f", "json");
        ok("demo", "openstack", "network", "create", "net1", "-f", "json");
        ok("demo", "openstack", "subnet", "create", "--network", "net1", "--subnet-range", "10.1.0.0/24", "sub1",
                "-f", "json");
        ok("demo", "openstack", "router", "create", "r1", "-f", "json");
        assertThat(failure("demo", "openstack", "vpn", "service", "create", "--router", "r1", "vpn0"))
                .contains("has no external network gateway set");
        ok("demo", "openstack", "router", "set", "r1", "--external-gateway", "public");
        ok("demo", "openstack", "router", "add", "subnet", "r1", "sub1");

        JsonNode ike = ok("demo", "openstack", "vpn", "ike", "policy", "create", "ike1", "--pfs", "group14", "-f",
                "json");
        assertThat(ike.path("Perfect Forward Secrecy (PFS)").asText()).isEqualTo("group14");
        assertThat(ike.path("Authentication Algorithm").asText()).isEqualTo("sha1");
        ok("demo", "openstack", "vpn", "ike", "policy", "set", "ike1", "--description", "d1");
        assertThat(ok("demo", "openstack", "vpn", "ike", "policy", "show", "ike1", "-f", "json")
                .path("Description").asText()).isEqualTo("d1");
        assertThat(failure("demo", "openstack", "vpn", "ike", "policy", "create", "n".repeat(256)))
                .contains("exceeds maximum length of 255");

        ok("demo", "openstack", "vpn", "ipsec", "policy", "create", "ipsec1", "-f", "json");
        ok("demo", "openstack", "vpn", "ipsec", "policy", "set", "ipsec1", "--encryption-algorithm", "aes-256");
        assertThat(ok("demo", "openstack", "vpn", "ipsec", "policy", "show", "ipsec1", "-f", "json")
                .path("Encryption Algorithm").asText()).isEqualTo("aes-256");

        JsonNode service = ok("demo", "openstack", "vpn", "service", "create", "--router", "r1", "vpn1", "-f", "json");
        assertThat(service.path("external_v4_ip").asText()).startsWith("172.24.4.");
        assertThat(service.path("Status").asText()).as("no agent serves it yet").isEqualTo("DOWN");
        var agent = agentOf(service.path("ID").asText(), service.path("external_v4_ip").asText());
        assertThat(ok("demo", "openstack", "vpn", "service", "show", "vpn1", "-f", "json").path("Status").asText())
                .isEqualTo("ACTIVE");
        ok("demo", "openstack", "vpn", "endpoint", "group", "create", "--type", "subnet", "--value", "sub1", "local1",
                "-f", "json");
        ok("demo", "openstack", "vpn", "endpoint", "group", "create", "--type", "cidr", "--value", "10.2.0.0/24",
                "--value", "10.3.0.0/24", "peer1", "-f", "json");
        assertThat(failure("demo", "openstack", "vpn", "endpoint", "group", "create", "--type", "cidr", "--value",
                "10.0.0.0/33", "bad")).contains("Invalid CIDR");
        ok("demo", "openstack", "vpn", "endpoint", "group", "set", "peer1", "--description", "peers");
        assertThat(ok("demo", "openstack", "vpn", "endpoint", "group", "show", "peer1", "-f", "json")
                .path("Endpoints").toString()).contains("10.2.0.0/24", "10.3.0.0/24");

        assertThat(failure("demo", "openstack", "vpn", "ipsec", "site", "connection", "create", "--vpnservice", "vpn1",
                "--ikepolicy", "ike1", "--ipsecpolicy", "ipsec1", "--peer-address", "203.0.113.5", "--peer-id",
                "203.0.113.5", "--psk", "secret", "--local-endpoint-group", "peer1", "--peer-endpoint-group", "local1",
                "bad-conn")).contains("type is 'cidr' and should be 'subnet'");
        assertThat(failure("demo", "openstack", "vpn", "ipsec", "site", "connection", "create", "--vpnservice", "vpn1",
                "--ikepolicy", "ike1", "--ipsecpolicy", "ipsec1", "--peer-address", "203.0.113.5", "--peer-id",
                "203.0.113.5", "--psk", "secret", "--local-endpoint-group", "local1", "--peer-endpoint-group", "peer1",
                "--mtu", "60", "bad-conn")).contains("MTU 60 is too small for ipv4");
        JsonNode conn = ok("demo", "openstack", "vpn", "ipsec", "site", "connection", "create", "--vpnservice", "vpn1",
                "--ikepolicy", "ike1", "--ipsecpolicy", "ipsec1", "--peer-address", "203.0.113.5", "--peer-id",
                "203.0.113.5", "--psk", "secret", "--local-endpoint-group", "local1", "--peer-endpoint-group", "peer1",
                "conn1", "-f", "json");
        assertThat(conn.path("Status").asText()).isEqualTo("PENDING_CREATE");
        assertThat(conn.path("MTU").asInt()).isEqualTo(1500);
        assertThat(conn.path("dpd").toString()).isEqualTo("{\"action\":\"hold\",\"interval\":30,\"timeout\":120}");
        assertThat(failure("demo", "openstack", "vpn", "ipsec", "site", "connection", "set", "conn1", "--mtu", "1400"))
                .contains("Invalid state PENDING_CREATE");
        assertThat(failure("demo", "openstack", "vpn", "ike", "policy", "set", "ike1", "--description", "d2"))
                .contains("is in use by existing IPsecSiteConnection");
        applyAndReport(agent, SaState.ESTABLISHED, null);
        ok("demo", "openstack", "vpn", "ipsec", "site", "connection", "set", "conn1", "--mtu", "1400");
        JsonNode shown = ok("demo", "openstack", "vpn", "ipsec", "site", "connection", "show", "conn1", "-f", "json");
        assertThat(shown.path("MTU").asInt()).isEqualTo(1400);
        assertThat(shown.path("Status").asText()).as("the MTU is nothing the agent applies").isEqualTo("ACTIVE");
        ok("demo", "openstack", "vpn", "ipsec", "site", "connection", "set", "conn1", "--dpd",
                "action=restart,interval=30,timeout=120");
        assertThat(status("conn1")).isEqualTo("PENDING_UPDATE");
        applyAndReport(agent, SaState.CONNECTING, null);
        assertThat(status("conn1")).as("configured, not up").isEqualTo("DOWN");
        applyAndReport(agent, SaState.ABSENT, "no acceptable proposal");
        assertThat(status("conn1")).isEqualTo("ERROR");
        applyAndReport(agent, SaState.ESTABLISHED, null);
        JsonNode columns = ok("demo", "openstack", "vpn", "ipsec", "site", "connection", "list", "-c", "Name", "-c",
                "Status", "-f", "json");
        assertThat(columns.get(0).size()).isEqualTo(2);

        // The legacy neutron CLI sends server-side fields (-F) and filters (--name).
        JsonNode fields = ok("demo", "neutron", "vpn-ikepolicy-list", "-F", "id", "-F", "pfs", "-f", "json");
        assertThat(fields.get(0).size()).isEqualTo(2);
        assertThat(fields.get(0).path("pfs").asText()).isEqualTo("group14");
        assertThat(ok("demo", "neutron", "vpn-ikepolicy-list", "--name", "ike1", "-f", "json")).hasSize(1);
        assertThat(ok("demo", "neutron", "vpn-ikepolicy-list", "--name", "nope", "-f", "json")).isEmpty();

        assertThat(failure("demo", "openstack", "vpn", "service", "delete", "vpn1")).contains("is still in use");
        assertThat(failure("demo", "openstack", "vpn", "endpoint", "group", "delete", "peer1"))
                .contains("is in use and cannot be deleted");
        ok("demo", "openstack", "vpn", "ipsec", "site", "connection", "delete", "conn1");
        assertThat(failure("demo", "openstack", "vpn", "ipsec", "site", "connection", "show", "conn1"))
                .contains("Unable to find");
        ok("demo", "openstack", "vpn", "endpoint", "group", "delete", "peer1", "local1");
        ok("demo", "openstack", "vpn", "service", "delete", "vpn1");
        ok("demo", "openstack", "vpn", "ike", "policy", "delete", "ike1");
        ok("demo", "openstack", "vpn", "ipsec", "policy", "delete", "ipsec1");
        assertThat(ok("demo", "openstack", "vpn", "ike", "policy", "list", "-f", "json")).isEmpty();
        assertThat(failure("demo", "openstack", "vpn", "ipsec", "policy", "delete", "ipsec1")).contains("ipsec1");
    }

    /**
     * A connection made with the Alibaba SDK has no IKE or IPsec policy of its own: the CLI lists
     * and shows it with those empty, and its values as Alibaba set them.
     */
    @Test
    void aConnectionMadeWithTheAlibabaSdkListsAndShows() throws Exception {
        var alibaba = new Client(new Config().setAccessKeyId(AccountService.DEMO_KEY_ID)
                .setAccessKeySecret(AccountService.DEMO_KEY_SECRET).setRegionId(ALIBABA_REGION)
                .setEndpoint(VPND.aliyunEndpoint()).setProtocol("HTTP"));
        String vpc = alibaba.createVpc(new CreateVpcRequest().setRegionId(ALIBABA_REGION).setCidrBlock("10.0.0.0/8"))
                .getBody().getVpcId();
        String gateway = alibaba.createVpnGateway(new CreateVpnGatewayRequest().setRegionId(ALIBABA_REGION)
                .setVpcId(vpc).setBandwidth(10).setName("alibaba-gateway")).getBody().getVpnGatewayId();
        String peer = alibaba.createCustomerGateway(new CreateCustomerGatewayRequest().setRegionId(ALIBABA_REGION)
                .setIpAddress("198.51.100.99")).getBody().getCustomerGatewayId();
        alibaba.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(ALIBABA_REGION)
                .setVpnGatewayId(gateway).setCustomerGatewayId(peer).setName("from-alibaba")
                .setLocalSubnet("10.1.0.0/16").setRemoteSubnet("192.168.7.0/24")
                .setIkeConfig("{\"Psk\":\"alibaba-psk\",\"IkeAuthAlg\":\"md5\"}"));

        JsonNode listed = ok("demo", "openstack", "vpn", "ipsec", "site", "connection", "list", "--long", "-f", "json");
        JsonNode row = null;
        for (JsonNode candidate : listed) {
            if (candidate.path("Name").asText().equals("from-alibaba")) {
                row = candidate;
            }
        }
        assertThat(row).as("the list holds Alibaba's connection: %s", listed).isNotNull();
        assertThat(row.path("Peer Address").asText()).isEqualTo("198.51.100.99");
        assertThat(row.path("IKE Policy").isNull()).as(row.toString()).isTrue();
        assertThat(row.path("IPSec Policy").isNull()).isTrue();
        assertThat(row.path("Pre-shared Key").asText()).isEqualTo("alibaba-psk");
        assertThat(row.path("Status").asText()).as("no agent serves its gateway").isEqualTo("DOWN");

        JsonNode shown = ok("demo", "openstack", "vpn", "ipsec", "site", "connection", "show", "from-alibaba", "-f",
                "json");
        assertThat(shown.path("ID").asText()).isEqualTo(row.path("ID").asText());
        assertThat(shown.path("IKE Policy").isNull()).as(shown.toString()).isTrue();
        assertThat(shown.path("Peer CIDRs").toString()).contains("192.168.7.0/24");
        assertThat(ok("demo", "openstack", "vpn", "service", "show", "alibaba-gateway", "-f", "json")
                .path("ID").asText()).isEqualTo(shown.path("VPN Service").asText());
    }
}
