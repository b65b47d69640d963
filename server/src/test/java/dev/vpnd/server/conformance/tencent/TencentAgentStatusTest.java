package dev.vpnd.server.conformance.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpnConnectionRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpnGatewaysRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityPolicyDatabase;
import com.tencentcloudapi.vpc.v20170312.models.VpnConnection;
import dev.vpnd.agent.protocol.AgentClient;
import dev.vpnd.agent.protocol.Hello;
import dev.vpnd.agent.protocol.Report;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.tencent.TencentIds;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an agent reports is what Tencent's APIs show: the gateway's {@code PublicIpAddress} after the
 * agent's hello, and {@code NetStatus} (the legacy API's {@code netStatus}) after its report.
 */
class TencentAgentStatusTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final String ADDRESS = "192.0.2.30";

    private static VpcClient client;
    private static String gatewayId;
    private static String connectionId;
    private static AgentClient agent;
    private static String gatewayCanonicalId;
    private static String tunnelName;
    private static long revision;

    private static TencentFixtures fixtures;

    @BeforeAll
    static void connectionAndAgent() throws Exception {
        client = TencentClients.tc3(VPND.tencentEndpoint());
        fixtures = new TencentFixtures(client);
        gatewayId = fixtures.gateway(fixtures.vpc());
        var request = new CreateVpnConnectionRequest();
        request.setVpnGatewayId(gatewayId);
        request.setCustomerGatewayId(fixtures.customerGateway());
        request.setVpnConnectionName("to-branch");
        request.setPreShareKey("tencent-psk");
        var spd = new SecurityPolicyDatabase();
        spd.setLocalCidrBlock("10.0.1.0/24");
        spd.setRemoteCidrBlock(new String[] {"192.168.30.0/24"});
        request.setSecurityPolicyDatabases(new SecurityPolicyDatabase[] {spd});
        connectionId = client.CreateVpnConnection(request).getVpnConnection().getVpnConnectionId();

        var plane = VPND.services().dataPlane();
        var gateway = plane.locateGatewayBySerial(TencentIds.gatewaySerial(gatewayId).orElseThrow()).orElseThrow();
        gatewayCanonicalId = gateway.gatewayId();
        agent = new AgentClient(URI.create(VPND.endpoints().get("agent")), plane.createToken(List.of(gateway)).token());
        agent.hello(new Hello(ADDRESS, "vpnd-agent 0.1.0", "charon 5.9.8"));
        var plan = agent.plan(0, java.time.Duration.ZERO).orElseThrow();
        revision = plan.revision();
        var tunnel = plan.gateways().getFirst().tunnels().getFirst();
        assertThat(tunnel.ike().psk().value()).isEqualTo("tencent-psk");
        tunnelName = tunnel.name();
    }

    private static void report(SaState ike, SaState child) throws Exception {
        agent.report(new Report(List.of(new GatewayReport(gatewayCanonicalId, revision, List.of(
                new TunnelReport(tunnelName, ike, child, 0, 0, 0, 0, null))))));
    }

    private static VpnConnection shown() throws Exception {
        return TencentConnectionTest.describeOne(client, connectionId);
    }

    @Test
    void theGatewayShowsTheAddressItsAgentSaidHelloFrom() throws Exception {
        var request = new DescribeVpnGatewaysRequest();
        request.setVpnGatewayIds(new String[] {gatewayId});
        assertThat(client.DescribeVpnGateways(request).getVpnGatewaySet()[0].getPublicIpAddress())
                .isEqualTo(ADDRESS);
        assertThat(shown().getIKEOptionsSpecification().getLocalAddress()).isEqualTo(ADDRESS);
    }

    @Test
    void netStatusIsAvailableExactlyWhileTheTunnelIsUp() throws Exception {
        report(SaState.ESTABLISHED, SaState.ESTABLISHED);
        assertThat(shown().getNetStatus()).isEqualTo("AVAILABLE");
        report(SaState.ESTABLISHED, SaState.CONNECTING);
        assertThat(shown().getNetStatus()).isEqualTo("UNAVAILABLE");
        report(SaState.ESTABLISHED, SaState.ESTABLISHED);
        assertThat(shown().getNetStatus()).isEqualTo("AVAILABLE");
        report(SaState.ABSENT, SaState.ABSENT);
        assertThat(shown().getNetStatus()).isEqualTo("UNAVAILABLE");
    }

    /**
     * HealthCheckStatus is the agent's verdict on the probes through the tunnel: never available
     * without one, whether the tunnel is up or not, and shown only for an enabled check.
     */
    @Test
    void healthCheckStatusIsTheAgentsVerdictAndNeverAvailableWithoutAnAnswer() throws Exception {
        var request = new CreateVpnConnectionRequest();
        request.setVpnGatewayId(gatewayId);
        request.setCustomerGatewayId(fixtures.customerGateway());
        request.setVpnConnectionName("checked");
        request.setPreShareKey("tencent-psk");
        var spd = new SecurityPolicyDatabase();
        spd.setLocalCidrBlock("10.0.2.0/24");
        spd.setRemoteCidrBlock(new String[] {"192.168.31.0/24"});
        request.setSecurityPolicyDatabases(new SecurityPolicyDatabase[] {spd});
        request.setEnableHealthCheck(true);
        request.setHealthCheckLocalIp("169.254.128.1");
        request.setHealthCheckRemoteIp("169.254.128.2");
        String checked = client.CreateVpnConnection(request).getVpnConnection().getVpnConnectionId();
        var plan = agent.plan(0, java.time.Duration.ZERO).orElseThrow().gateways().getFirst();
        assertThat(plan.tunnels()).filteredOn(t -> t.healthCheck() != null).hasSize(1);
        for (Health verdict : new Health[] {null, Health.UNKNOWN, Health.UP, Health.DOWN, Health.UP}) {
            agent.report(new Report(List.of(new GatewayReport(gatewayCanonicalId, plan.revision(),
                    plan.tunnels().stream().map(t -> new TunnelReport(t.name(), SaState.ESTABLISHED,
                            SaState.ESTABLISHED, 0, 0, 0, 0, null, t.healthCheck() == null ? null : verdict))
                            .toList()))));
            var shown = TencentConnectionTest.describeOne(client, checked);
            assertThat(shown.getNetStatus()).isEqualTo("AVAILABLE");
            assertThat(shown.getHealthCheckStatus()).as("verdict %s", verdict)
                    .isEqualTo(verdict == Health.UP ? "AVAILABLE" : "UNAVAILABLE");
            assertThat(shown().getNetStatus()).isEqualTo("AVAILABLE");
            assertThat(shown().getHealthCheckStatus()).as("no health check").isEmpty();
        }
    }

    @Test
    void theLegacyApiShowsTheSameState() throws Exception {
        var legacy = QcloudNodeSdk.at(VPND.tencentEndpoint());
        var data = new LinkedHashMap<String, Object>();
        data.put("Action", "DescribeVpnConn");
        data.put("vpnConnId", connectionId);
        report(SaState.ESTABLISHED, SaState.ESTABLISHED);
        JsonNode up = legacy.call(QcloudNodeSdk.Call.of(data)).get("data").get(0);
        assertThat(up.get("netStatus").asText()).isEqualTo("available");
        assertThat(up.get("vpnGwAddress").asText()).isEqualTo(ADDRESS);
        report(SaState.CONNECTING, SaState.ABSENT);
        JsonNode down = legacy.call(QcloudNodeSdk.Call.of(data)).get("data").get(0);
        assertThat(down.get("netStatus").asText()).isEqualTo("unavailable");
    }

    /**
     * The legacy vpcConnStatus says a creation error, then a modification error, while the IPsec
     * daemon refuses the connection's latest change as the agent reports it; running once it accepts.
     */
    @Test
    void theLegacyApiShowsACreationOrModificationErrorWhileTheDaemonRefusesTheChange() throws Exception {
        String gateway = fixtures.gateway(fixtures.vpc());
        var request = new CreateVpnConnectionRequest();
        request.setVpnGatewayId(gateway);
        request.setCustomerGatewayId(fixtures.customerGateway());
        request.setVpnConnectionName("refused");
        request.setPreShareKey("tencent-psk");
        var spd = new SecurityPolicyDatabase();
        spd.setLocalCidrBlock("10.0.3.0/24");
        spd.setRemoteCidrBlock(new String[] {"192.168.33.0/24"});
        request.setSecurityPolicyDatabases(new SecurityPolicyDatabase[] {spd});
        String refused = client.CreateVpnConnection(request).getVpnConnection().getVpnConnectionId();
        var plane = VPND.services().dataPlane();
        var ref = plane.locateGatewayBySerial(TencentIds.gatewaySerial(gateway).orElseThrow()).orElseThrow();
        var own = new AgentClient(URI.create(VPND.endpoints().get("agent")), plane.createToken(List.of(ref)).token());
        own.hello(new Hello("192.0.2.31", "vpnd-agent 0.1.0", "charon 5.9.8"));
        var legacy = QcloudNodeSdk.at(VPND.tencentEndpoint());
        var data = new LinkedHashMap<String, Object>();
        data.put("Action", "DescribeVpnConn");
        data.put("vpnConnId", refused);

        reportApplied(own, ref.gatewayId(), "no proposal chosen");
        assertThat(legacy.call(QcloudNodeSdk.Call.of(data)).get("data").get(0).get("vpcConnStatus").asInt())
                .as("creation error").isEqualTo(1);

        TencentClients.awaitAvailableConnection(client, refused);
        var modify = new com.tencentcloudapi.vpc.v20170312.models.ModifyVpnConnectionAttributeRequest();
        modify.setVpnConnectionId(refused);
        modify.setPreShareKey("another-psk");
        client.ModifyVpnConnectionAttribute(modify);
        assertThat(legacy.call(QcloudNodeSdk.Call.of(data)).get("data").get(0).get("vpcConnStatus").asInt())
                .as("modifying: the agent has yet to apply the change").isEqualTo(2);
        reportApplied(own, ref.gatewayId(), "no proposal chosen");
        assertThat(legacy.call(QcloudNodeSdk.Call.of(data)).get("data").get(0).get("vpcConnStatus").asInt())
                .as("modification error").isEqualTo(3);

        reportApplied(own, ref.gatewayId(), null);
        TencentClients.awaitAvailableConnection(client, refused);
        assertThat(legacy.call(QcloudNodeSdk.Call.of(data)).get("data").get(0).get("vpcConnStatus").asInt())
                .as("running").isEqualTo(6);
    }

    /** Reports the gateway's whole plan applied, each tunnel refused with {@code configError} (or accepted). */
    private static void reportApplied(AgentClient agent, String gateway, String configError) throws Exception {
        var plan = agent.plan(0, java.time.Duration.ZERO).orElseThrow();
        var tunnels = plan.gateways().getFirst().tunnels();
        assertThat(tunnels).hasSize(1);
        agent.report(new Report(List.of(new GatewayReport(gateway, plan.revision(), List.of(new TunnelReport(
                tunnels.getFirst().name(), SaState.ABSENT, SaState.ABSENT, 0, 0, 0, 0, configError))))));
    }
}
