package dev.vpnd.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.models.Config;
import com.aliyun.vpc20160428.models.CreateVpcRequest;
import com.aliyun.vpc20160428.models.CreateVpnGatewayRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import dev.vpnd.agent.protocol.AgentClient;
import dev.vpnd.agent.protocol.AgentClientException;
import dev.vpnd.agent.protocol.Hello;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import dev.vpnd.server.dialect.tencent.TencentIds;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vpnd agent token create|list|revoke} as an operator runs them beside a running server:
 * gateways named in any API's form, the token printed once and taken by the agent listener until
 * it is revoked.
 */
class AgentCommandTest {
    @TempDir
    Path dir;
    private Path data;
    private Vpnd vpnd;
    private String aliyunGateway;
    private String tencentGateway;

    @BeforeEach
    void gateways() throws Exception {
        data = dir.resolve("data");
        var account = CliRun.run(data, "account", "create", "team-a", "--json").json();
        vpnd = Vpnd.start(new ServerConfig(data, null, "127.0.0.1", Map.of(), false, Duration.ZERO));
        var aliyun = new com.aliyun.vpc20160428.Client(new Config()
                .setAccessKeyId(account.path("aliyun").path("AccessKeyId").asText())
                .setAccessKeySecret(account.path("aliyun").path("AccessKeySecret").asText())
                .setRegionId("cn-hangzhou").setEndpoint(endpoint("aliyun")).setProtocol("HTTP"));
        String vpc = aliyun.createVpc(new CreateVpcRequest().setRegionId("cn-hangzhou").setCidrBlock("10.0.0.0/8"))
                .getBody().getVpcId();
        aliyunGateway = aliyun.createVpnGateway(new CreateVpnGatewayRequest().setRegionId("cn-hangzhou")
                .setVpcId(vpc).setBandwidth(10)).getBody().getVpnGatewayId();
        var http = new HttpProfile();
        http.setEndpoint(endpoint("tencent"));
        http.setProtocol(HttpProfile.REQ_HTTP);
        var tencent = new VpcClient(new Credential(account.path("tencent").path("SecretId").asText(),
                account.path("tencent").path("SecretKey").asText()), "ap-guangzhou",
                new ClientProfile(ClientProfile.SIGN_TC3_256, http));
        var vpcRequest = new com.tencentcloudapi.vpc.v20170312.models.CreateVpcRequest();
        vpcRequest.setVpcName("vpc");
        vpcRequest.setCidrBlock("10.1.0.0/16");
        var gatewayRequest = new com.tencentcloudapi.vpc.v20170312.models.CreateVpnGatewayRequest();
        gatewayRequest.setVpcId(tencent.CreateVpc(vpcRequest).getVpc().getVpcId());
        gatewayRequest.setVpnGatewayName("gw");
        gatewayRequest.setInternetMaxBandwidthOut(5L);
        tencentGateway = tencent.CreateVpnGateway(gatewayRequest).getVpnGateway().getVpnGatewayId();
    }

    @AfterEach
    void stop() {
        vpnd.close();
    }

    private String endpoint(String listener) {
        return vpnd.endpoints().get(listener).substring("http://".length());
    }

    private AgentClient agent(String token) {
        return new AgentClient(URI.create(vpnd.endpoints().get("agent")), token);
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void aTokenForGatewaysNamedInEveryFormIsPrintedOnceAndTakenUntilRevoked() throws Exception {
        String aliyunCanonical = AliyunIds.decode(ResourceType.VPN_GATEWAY, aliyunGateway).orElseThrow();
        long tencentSerial = TencentIds.gatewaySerial(tencentGateway).orElseThrow();
        var created = CliRun.run(data, "agent", "token", "create", "--gateway", aliyunGateway, "--gateway",
                tencentGateway, "--json");
        assertThat(created.exit()).isZero();
        String token = created.json().path("token").asText();
        String id = created.json().path("id").asText();
        assertThat(token).startsWith(id + ".");
        String tencentCanonical = texts(created.json().path("gateways")).get(1);
        assertThat(texts(created.json().path("gateways"))).containsExactly(aliyunCanonical, tencentCanonical);

        assertThat(agent(token).hello(new Hello("192.0.2.40", "a", "d")).gateways())
                .containsExactly(aliyunCanonical, tencentCanonical);

        var byOtherForms = CliRun.run(data, "agent", "token", "create", "--gateway", aliyunCanonical, "--gateway",
                String.valueOf(tencentSerial), "--json");
        assertThat(texts(byOtherForms.json().path("gateways"))).containsExactly(aliyunCanonical, tencentCanonical);

        var listed = CliRun.run(data, "agent", "token", "list", "--json");
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).doesNotContain(token.substring(token.indexOf('.') + 1));
        assertThat(listed.json()).extracting(t -> t.path("id").asText())
                .containsExactly(id, byOtherForms.json().path("id").asText());
        assertThat(texts(listed.json().get(0).path("gateways"))).containsExactly(aliyunCanonical, tencentCanonical);

        var revoked = CliRun.run(data, "agent", "token", "revoke", "--id", id);
        assertThat(revoked.exit()).isZero();
        assertThat(revoked.out()).contains("token " + id + " revoked");
        try {
            agent(token).hello(new Hello("192.0.2.40", "a", "d"));
            throw new AssertionError("a revoked token was taken");
        } catch (AgentClientException e) {
            assertThat(e.unauthorized()).isTrue();
        }
        assertThat(CliRun.run(data, "agent", "token", "revoke", "--id", id).exit()).isEqualTo(1);
    }

    @Test
    void theTextFormSaysTheTokenIsShownOnce() {
        var created = CliRun.run(data, "agent", "token", "create", "--gateway", aliyunGateway);
        assertThat(created.exit()).isZero();
        assertThat(created.out()).containsPattern("token: +vat-[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}")
                .contains("shown this once");
    }

    @Test
    void aGatewayNoFormNamesIsRefused() {
        var refused = CliRun.run(data, "agent", "token", "create", "--gateway", "vpn-doesnotexist");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("no VPN gateway 'vpn-doesnotexist'");
        assertThat(CliRun.run(data, "agent", "token", "create", "--gateway", aliyunGateway, "--gateway",
                "00000000-0000-4000-8000-000000000000").exit()).isEqualTo(1);
        assertThat(CliRun.run(data, "agent", "token", "list", "--json").out().strip()).isEqualTo("[ ]");
    }

    @Test
    void theLabRefusesAGatewayNoFormNamesBeforeMakingAToken() {
        var refused = CliRun.run(data, "lab", "--gateway", "vpn-doesnotexist", "--server", "http://127.0.0.1:9");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("no VPN gateway 'vpn-doesnotexist'");
        assertThat(CliRun.run(data, "agent", "token", "list", "--json").out().strip()).isEqualTo("[ ]");
    }
}
