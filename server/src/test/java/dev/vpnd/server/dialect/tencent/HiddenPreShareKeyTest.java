package dev.vpnd.server.dialect.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateCustomerGatewayRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpcRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpnConnectionRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpnGatewayRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpnConnectionsRequest;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.SecurityPolicyDatabase;
import com.tencentcloudapi.vpc.v20170312.models.VpnConnection;
import dev.vpnd.core.model.AccessKey;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.tencent.LegacySignature.SignatureMethod;
import dev.vpnd.server.security.KeyStyle;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A key made with {@code --hide-secrets} reads Tencent connections with an empty PreShareKey (API
 * 3.0) and preSharedKey (legacy v2 DescribeVpnConn), while the account's other keys still read them.
 */
class HiddenPreShareKeyTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final String PSK = "tencent-visible-psk";
    private static final AtomicLong NONCES = new AtomicLong(700_000);

    private static VpcClient owner;
    private static AccessKey auditorKey;
    private static AccessKey hidingWriterKey;
    private static String gatewayId;
    private static String peerId;

    @BeforeAll
    static void resources() throws Exception {
        owner = client(KeyStyle.DEMO_TENCENT_SECRET_ID, KeyStyle.DEMO_TENCENT_SECRET_KEY);
        var vpc = new CreateVpcRequest();
        vpc.setVpcName("hidden");
        vpc.setCidrBlock("10.40.0.0/16");
        String vpcId = owner.CreateVpc(vpc).getVpc().getVpcId();
        var gateway = new CreateVpnGatewayRequest();
        gateway.setVpcId(vpcId);
        gateway.setVpnGatewayName("gw");
        gateway.setInternetMaxBandwidthOut(5L);
        gatewayId = owner.CreateVpnGateway(gateway).getVpnGateway().getVpnGatewayId();
        peerId = peer("198.51.200.1");
        owner.CreateVpnConnection(connection(peerId, "seen"));
        auditorKey = VPND.services().accounts().createKey("demo", true, true, KeyStyle.TENCENT.shape());
        hidingWriterKey = VPND.services().accounts().createKey("demo", false, true, KeyStyle.TENCENT.shape());
    }

    @Test
    void api3AnswersHideThePreShareKey() throws Exception {
        assertThat(list(owner)).extracting(VpnConnection::getPreShareKey).containsOnly(PSK);
        var auditor = client(auditorKey.id(), auditorKey.secret().value());
        assertThat(list(auditor)).isNotEmpty().allSatisfy(c -> {
            assertThat(c.getPreShareKey()).isEmpty();
            assertThat(c.getVpnGatewayId()).isEqualTo(gatewayId);
        });

        var writer = client(hidingWriterKey.id(), hidingWriterKey.secret().value());
        VpnConnection created = writer.CreateVpnConnection(connection(peer("198.51.200.2"), "made-hidden"))
                .getVpnConnection();

        assertThat(created.getPreShareKey()).isEmpty();
        assertThat(list(owner)).extracting(VpnConnection::getPreShareKey).containsOnly(PSK);
    }

    @Test
    void legacyDescribeVpnConnHidesThePreSharedKey() throws Exception {
        JsonNode shown = legacyDescribe(KeyStyle.DEMO_TENCENT_SECRET_ID, KeyStyle.DEMO_TENCENT_SECRET_KEY);
        assertThat(shown.path("code").asInt()).as(shown.toString()).isZero();
        assertThat(shown.path("data").findValues("preSharedKey")).extracting(JsonNode::asText).contains(PSK);

        JsonNode hidden = legacyDescribe(auditorKey.id(), auditorKey.secret().value());

        assertThat(hidden.path("code").asInt()).as(hidden.toString()).isZero();
        assertThat(hidden.path("data")).isNotEmpty();
        assertThat(hidden.path("data").findValues("preSharedKey")).extracting(JsonNode::asText).containsOnly("");
    }

    private static List<VpnConnection> list(VpcClient client) throws Exception {
        var request = new DescribeVpnConnectionsRequest();
        var byGateway = new Filter();
        byGateway.setName("vpn-gateway-id");
        byGateway.setValues(new String[] {gatewayId});
        request.setFilters(new Filter[] {byGateway});
        return Arrays.asList(client.DescribeVpnConnections(request).getVpnConnectionSet());
    }

    private static CreateVpnConnectionRequest connection(String peer, String name) {
        var request = new CreateVpnConnectionRequest();
        request.setVpnGatewayId(gatewayId);
        request.setCustomerGatewayId(peer);
        request.setVpnConnectionName(name);
        request.setPreShareKey(PSK);
        var spd = new SecurityPolicyDatabase();
        spd.setLocalCidrBlock("10.40.1.0/24");
        spd.setRemoteCidrBlock(new String[] {"172.16.0.0/16"});
        request.setSecurityPolicyDatabases(new SecurityPolicyDatabase[] {spd});
        return request;
    }

    private static String peer(String address) throws Exception {
        var request = new CreateCustomerGatewayRequest();
        request.setCustomerGatewayName("peer");
        request.setIpAddress(address);
        return owner.CreateCustomerGateway(request).getCustomerGateway().getCustomerGatewayId();
    }

    private static VpcClient client(String secretId, String secretKey) {
        var http = new HttpProfile();
        http.setEndpoint(VPND.tencentEndpoint());
        http.setProtocol(HttpProfile.REQ_HTTP);
        return new VpcClient(new Credential(secretId, secretKey), "ap-guangzhou",
                new ClientProfile(ClientProfile.SIGN_TC3_256, http));
    }

    /** DescribeVpnConn as the legacy clients send it: a form POST to /v2/index.php, HmacSHA256-signed. */
    private static JsonNode legacyDescribe(String secretId, String secretKey) throws Exception {
        var params = new LinkedHashMap<String, String>();
        params.put("Action", "DescribeVpnConn");
        params.put("Region", "gz");
        params.put("SecretId", secretId);
        params.put("Timestamp", String.valueOf(Instant.now().getEpochSecond()));
        params.put("Nonce", String.valueOf(NONCES.incrementAndGet()));
        params.put("SignatureMethod", "HmacSHA256");
        String host = VPND.tencentEndpoint();
        params.put("Signature", LegacySignature.signature(secretKey, SignatureMethod.HMAC_SHA256,
                LegacySignature.expectedSourceString("POST", host, LegacySignature.V2_PATH, params)));
        String form = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create("http://" + host + LegacySignature.V2_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(response.body());
        }
    }
}
