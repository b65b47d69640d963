package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import com.aliyun.vpc20160428.models.DescribeVpnGatewayRequest;
import com.aliyuncs.CommonRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.agent.protocol.AgentClient;
import dev.vpnd.agent.protocol.Hello;
import dev.vpnd.agent.protocol.Report;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.DataPlaneService;
import dev.vpnd.core.service.ServiceSettings;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Alibaba's SDKs show of a connection's tunnels as its agent reports them, the agent played
 * over the agent protocol: each tunnel of a dual-tunnel connection its own {@code Status} in
 * {@code TunnelOptionsSpecification}, its {@code State} within the three values Alibaba documents for
 * a tunnel, a silent agent's tunnels not established, and an enabled health check showing the agent's
 * verdict, never a success without a probe's answer.
 */
class AliyunAgentStatusTest {
    /** Long enough that the connections stay provisioning for the whole class. */
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd(Duration.ofMinutes(10));

    private static final String REGION = AliyunClients.REGION;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Client sdk;
    private static AliyunFixtures fixtures;

    @BeforeAll
    static void clients() throws Exception {
        sdk = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        fixtures = new AliyunFixtures(sdk);
    }

    private static String canonical(ResourceType type, String aliyunId) {
        return AliyunIds.decode(type, aliyunId).orElseThrow();
    }

    /** An agent of the gateway, with a token as {@code vpnd agent token create} makes one, said hello. */
    private static AgentClient agentOf(String gateway, String address) throws Exception {
        var plane = VPND.services().dataPlane();
        var ref = plane.locateGateway(canonical(ResourceType.VPN_GATEWAY, gateway)).orElseThrow();
        var agent = new AgentClient(URI.create(VPND.endpoints().get("agent")), plane.createToken(List.of(ref)).token());
        agent.hello(new Hello(address, "vpnd-agent", "charon"));
        return agent;
    }

    private static void report(AgentClient agent, String gateway, TunnelReport... tunnels) throws Exception {
        long revision = agent.plan(0, Duration.ZERO).orElseThrow().gateways().getFirst().revision();
        agent.report(new Report(List.of(new GatewayReport(canonical(ResourceType.VPN_GATEWAY, gateway), revision,
                List.of(tunnels)))));
    }

    private static TunnelReport tunnel(String name, SaState ike, SaState child) {
        return new TunnelReport(name, ike, child, 0, 0, 0, 0, null);
    }

    private static CommonRequest common(String action) {
        return AliyunClients.common(VPND.aliyunEndpoint(), REGION, action);
    }

    /** A dual-tunnel connection through the old SDK (the new one has no TunnelOptionsSpecification). */
    private static String dualTunnel(String gateway) throws Exception {
        var r = common("CreateVpnConnection");
        r.putQueryParameter("VpnGatewayId", gateway);
        r.putQueryParameter("LocalSubnet", "10.2.0.0/16");
        r.putQueryParameter("RemoteSubnet", "192.168.20.0/24");
        r.putQueryParameter("Name", "dual");
        String[] roles = {"master", "slave"};
        for (int n = 1; n <= 2; n++) {
            r.putQueryParameter("TunnelOptionsSpecification." + n + ".Role", roles[n - 1]);
            r.putQueryParameter("TunnelOptionsSpecification." + n + ".CustomerGatewayId", fixtures.customerGateway());
        }
        return JSON.readTree(AliyunClients.oldSdk().getCommonResponse(r).getData()).path("VpnConnectionId").asText();
    }

    private static JsonNode describe(String connection) throws Exception {
        var r = common("DescribeVpnConnection");
        r.putQueryParameter("VpnConnectionId", connection);
        return JSON.readTree(AliyunClients.oldSdk().getCommonResponse(r).getData());
    }

    private static List<JsonNode> tunnels(JsonNode connection) {
        return StreamSupport.stream(connection.path("TunnelOptionsSpecification").path("TunnelOptions").spliterator(),
                false).toList();
    }

    @Test
    void eachTunnelShowsItsOwnStatusAndAStateAlibabaDocumentsForTunnels() throws Exception {
        String gateway = fixtures.gateway();
        String dual = dualTunnel(gateway);
        JsonNode created = describe(dual);
        assertThat(created.path("State").asText()).isEqualTo("provisioning");
        assertThat(tunnels(created)).extracting(t -> t.path("State").asText())
                .as("a tunnel's State is active, updating or deleting").containsExactly("updating", "updating");
        assertThat(tunnels(created)).extracting(t -> t.path("Status").asText())
                .containsExactly("ike_sa_not_established", "ike_sa_not_established");

        var agent = agentOf(gateway, "192.0.2.50");
        String name = canonical(ResourceType.VPN_CONNECTION, dual);
        report(agent, gateway, tunnel(name + "-t1", SaState.ESTABLISHED, SaState.ESTABLISHED),
                tunnel(name + "-t2", SaState.ESTABLISHED, SaState.ABSENT));
        JsonNode shown = describe(dual);
        assertThat(shown.path("Status").asText()).as("the furthest tunnel").isEqualTo("ipsec_sa_established");
        assertThat(tunnels(shown)).extracting(t -> t.path("Role").asText() + ":" + t.path("Status").asText())
                .containsExactly("master:ipsec_sa_established", "slave:ipsec_sa_not_established");
        assertThat(sdk.describeVpnGateway(new DescribeVpnGatewayRequest().setRegionId(REGION).setVpnGatewayId(gateway))
                .getBody().getInternetIp()).as("the agent's address").isEqualTo("192.0.2.50");

        report(agent, gateway, tunnel(name + "-t1", SaState.CONNECTING, SaState.ABSENT),
                tunnel(name + "-t2", SaState.ESTABLISHED, SaState.CONNECTING));
        assertThat(tunnels(describe(dual))).extracting(t -> t.path("Status").asText())
                .containsExactly("ike_sa_not_established", "ike_sa_established");

        report(agent, gateway, tunnel(name + "-t1", SaState.ESTABLISHED, SaState.ESTABLISHED));
        // Another node, whose silence timeout has passed, notices first.
        try (var storage = VPND.openDatabase()) {
            var elsewhere = new DataPlaneService(storage, ServiceSettings.defaults(),
                    new DataPlaneService.Timing(Duration.ofSeconds(25), Duration.ofSeconds(10), Duration.ofMillis(1)));
            Thread.sleep(10);
            assertThat(elsewhere.expireSilentAgents()).isPositive();
        }
        JsonNode silent = describe(dual);
        assertThat(silent.path("Status").asText()).isEqualTo("ike_sa_not_established");
        assertThat(tunnels(silent)).extracting(t -> t.path("Status").asText())
                .containsExactly("ike_sa_not_established", "ike_sa_not_established");
    }

    /**
     * VcoHealthCheck.Status is the agent's verdict on the probes through the tunnel, in a connection's
     * description and in lists (whose kept JSON must follow the verdict): {@code success} only while the
     * agent reports them answered, {@code failed} while it reports them not, and whenever it gives no
     * verdict or has fallen silent.
     */
    @Test
    void anEnabledHealthCheckShowsTheAgentsVerdictAndNeverSuccessWithoutAnAnswer() throws Exception {
        String gateway = fixtures.gateway();
        String checked = sdk.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(REGION)
                .setVpnGatewayId(gateway).setCustomerGatewayId(fixtures.customerGateway()).setName("checked")
                .setLocalSubnet("10.1.0.0/16").setRemoteSubnet("192.168.0.0/24")
                .setHealthCheckConfig("{\"enable\":true,\"dip\":\"192.168.0.9\",\"sip\":\"10.1.0.9\"}"))
                .getBody().getVpnConnectionId();
        String plain = fixtures.connection(gateway, fixtures.customerGateway(), "plain");
        var agent = agentOf(gateway, "192.0.2.51");
        report(agent, gateway, tunnel(canonical(ResourceType.VPN_CONNECTION, checked), SaState.ESTABLISHED,
                SaState.ESTABLISHED), tunnel(canonical(ResourceType.VPN_CONNECTION, plain), SaState.ESTABLISHED,
                SaState.ESTABLISHED));

        var shown = sdk.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(checked)).getBody();
        assertThat(shown.getStatus()).isEqualTo("ipsec_sa_established");
        assertThat(shown.getVcoHealthCheck().getStatus()).isEqualTo("failed");
        assertThat(sdk.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(plain)).getBody().getVcoHealthCheck().getStatus()).as("no check").isEmpty();

        String id = canonical(ResourceType.VPN_CONNECTION, checked);
        for (Health verdict : new Health[] {Health.UNKNOWN, Health.UP, Health.DOWN, Health.UP}) {
            report(agent, gateway, tunnel(id, SaState.ESTABLISHED, SaState.ESTABLISHED).withHealth(verdict));
            String expected = verdict == Health.UP ? "success" : "failed";
            assertThat(healthStatus(checked)).as("verdict %s", verdict).isEqualTo(expected);
            assertThat(listedHealthStatus(gateway, checked)).as("listed, verdict %s", verdict).isEqualTo(expected);
        }
        try (var storage = VPND.openDatabase()) {
            var elsewhere = new DataPlaneService(storage, ServiceSettings.defaults(),
                    new DataPlaneService.Timing(Duration.ofSeconds(25), Duration.ofSeconds(10), Duration.ofMillis(1)));
            Thread.sleep(10);
            assertThat(elsewhere.expireSilentAgents()).isPositive();
        }
        assertThat(healthStatus(checked)).as("the agent fell silent").isEqualTo("failed");
        assertThat(listedHealthStatus(gateway, checked)).isEqualTo("failed");
    }

    private static String healthStatus(String connection) throws Exception {
        return sdk.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(connection)).getBody().getVcoHealthCheck().getStatus();
    }

    private static String listedHealthStatus(String gateway, String connection) throws Exception {
        return sdk.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                .setVpnGatewayId(gateway)).getBody().getVpnConnections().getVpnConnection().stream()
                .filter(c -> c.getVpnConnectionId().equals(connection)).findFirst().orElseThrow()
                .getVcoHealthCheck().getStatus();
    }
}
