package dev.vpnd.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.models.Config;
import com.aliyun.vpc20160428.models.CreateCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.CreateVpcRequest;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.CreateVpnGatewayRequest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnd.agent.protocol.AgentClient;
import dev.vpnd.agent.protocol.Hello;
import dev.vpnd.agent.protocol.Report;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vpnd connection status} beside a running server: a connection named in any API's form,
 * with its tunnel status, its agent, whether that agent has applied it, and when its status changed,
 * as the agent (played over the agent protocol) reported it.
 */
class ConnectionCommandTest {
    @TempDir
    Path dir;
    private Path data;
    private Vpnd vpnd;
    private String gateway;
    private String connection;

    @BeforeEach
    void connection() throws Exception {
        data = dir.resolve("data");
        var account = CliRun.run(data, "account", "create", "team-a", "--json").json();
        vpnd = Vpnd.start(new ServerConfig(data, null, "127.0.0.1", Map.of(), false, Duration.ZERO));
        var aliyun = new com.aliyun.vpc20160428.Client(new Config()
                .setAccessKeyId(account.path("aliyun").path("AccessKeyId").asText())
                .setAccessKeySecret(account.path("aliyun").path("AccessKeySecret").asText())
                .setRegionId("cn-hangzhou").setEndpoint(vpnd.endpoints().get("aliyun").substring("http://".length()))
                .setProtocol("HTTP"));
        String vpc = aliyun.createVpc(new CreateVpcRequest().setRegionId("cn-hangzhou").setCidrBlock("10.0.0.0/8"))
                .getBody().getVpcId();
        gateway = aliyun.createVpnGateway(new CreateVpnGatewayRequest().setRegionId("cn-hangzhou").setVpcId(vpc)
                .setBandwidth(10)).getBody().getVpnGatewayId();
        String peer = aliyun.createCustomerGateway(new CreateCustomerGatewayRequest().setRegionId("cn-hangzhou")
                .setIpAddress("198.51.100.60")).getBody().getCustomerGatewayId();
        connection = aliyun.createVpnConnection(new CreateVpnConnectionRequest().setRegionId("cn-hangzhou")
                .setVpnGatewayId(gateway).setCustomerGatewayId(peer).setLocalSubnet("10.1.0.0/16")
                .setRemoteSubnet("192.168.60.0/24")).getBody().getVpnConnectionId();
    }

    @AfterEach
    void stop() {
        vpnd.close();
    }

    private void report(AgentClient agent, SaState state) throws Exception {
        var plan = agent.plan(0, Duration.ZERO).orElseThrow().gateways().getFirst();
        agent.report(new Report(List.of(new GatewayReport(plan.gatewayId(), plan.revision(), plan.tunnels().stream()
                .map(t -> new TunnelReport(t.name(), state, state, 4096, 8192, 1, 2, null)).toList()))));
    }

    @Test
    void statusShowsTheTunnelItsAgentAndWhenItWentUpAndDown() throws Exception {
        var before = CliRun.run(data, "connection", "status", connection, "--json");
        assertThat(before.exit()).isZero();
        assertThat(before.json().path("served").asBoolean()).isFalse();
        assertThat(before.json().path("transitions")).isEmpty();

        String token = CliRun.run(data, "agent", "token", "create", "--gateway", gateway, "--json").json()
                .path("token").asText();
        var agent = new AgentClient(URI.create(vpnd.endpoints().get("agent")), token);
        agent.hello(new Hello("192.0.2.60", "vpnd-agent 0.1.0", "charon 5.9.8"));
        assertThat(CliRun.run(data, "connection", "status", connection, "--json").json().path("pending").asBoolean())
                .isTrue();
        Instant start = Instant.now();
        report(agent, SaState.ESTABLISHED);
        report(agent, SaState.ABSENT);

        JsonNode shown = CliRun.run(data, "connection", "status", connection, "--json").json();
        String canonical = AliyunIds.decode(ResourceType.VPN_CONNECTION, connection).orElseThrow();
        assertThat(shown.path("id").asText()).isEqualTo(canonical);
        assertThat(shown.path("status").asText()).isEqualTo("ike_sa_not_established");
        assertThat(shown.path("served").asBoolean()).isTrue();
        assertThat(shown.path("pending").asBoolean()).isFalse();
        assertThat(shown.path("agent").path("agent").asText()).isEqualTo("vpnd-agent 0.1.0");
        assertThat(shown.path("observations").get(0).path("ike").asText()).isEqualTo("ABSENT");
        JsonNode history = shown.path("transitions");
        assertThat(history).extracting(t -> t.path("status").asText())
                .containsExactly("ike_sa_not_established", "ipsec_sa_established");
        assertThat(Instant.parse(history.get(1).path("at").asText())).isBetween(start.minusSeconds(1),
                Instant.now());

        // OpenStack's form, and the Tencent legacy API's number.
        for (String form : List.of(canonical, String.valueOf(serial(canonical)))) {
            assertThat(CliRun.run(data, "connection", "status", form, "--json").json().path("id").asText())
                    .as(form).isEqualTo(canonical);
        }
        var text = CliRun.run(data, "connection", "status", connection);
        assertThat(text.out()).contains("status:  ike_sa_not_established", "vpnd-agent 0.1.0 beside charon 5.9.8",
                "applied: yes", "history (newest first").containsPattern("tunnel 0  ipsec_sa_established");
    }

    private long serial(String canonical) {
        return vpnd.services().connections().get(vpnd.services().dataPlane().locateConnection(canonical)
                .orElseThrow().scope(), canonical).serial();
    }

    @Test
    void aConnectionNoFormNamesIsRefused() {
        var refused = CliRun.run(data, "connection", "status", "vco-doesnotexist");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("no VPN connection 'vco-doesnotexist'");
        assertThat(CliRun.run(data, "connection", "status", "00000000-0000-4000-8000-000000000000").exit())
                .isEqualTo(1);
    }
}
