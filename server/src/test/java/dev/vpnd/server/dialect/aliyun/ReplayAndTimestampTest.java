package dev.vpnd.server.dialect.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.models.Config;
import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.CreateVpcRequest;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.CreateVpnGatewayRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.security.CanonicalRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What no SDK can produce (SDKs make a fresh nonce and timestamp for every call): raw requests
 * signed with signature v1 by the server's own {@link RpcSignatureV1}, and the error Code of the
 * body the cloud would answer. Also the call pattern of the Alibaba Terraform provider (tea-rpc):
 * common parameters in the query, business parameters in a form body, the signature over both.
 * Terraform itself is not run.
 */
class ReplayAndTimestampTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final String REGION = "cn-hangzhou";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String gatewayId;
    private static String connectionId;

    @BeforeAll
    static void createConnection() throws Exception {
        var client = new Client(new Config().setAccessKeyId(AccountService.DEMO_KEY_ID)
                .setAccessKeySecret(AccountService.DEMO_KEY_SECRET).setRegionId(REGION)
                .setEndpoint(VPND.aliyunEndpoint()).setProtocol("HTTP"));
        String vpcId = client.createVpc(new CreateVpcRequest().setRegionId(REGION).setCidrBlock("10.0.0.0/8"))
                .getBody().getVpcId();
        gatewayId = client.createVpnGateway(new CreateVpnGatewayRequest().setRegionId(REGION).setVpcId(vpcId)
                .setBandwidth(10)).getBody().getVpnGatewayId();
        String cgwId = client.createCustomerGateway(new CreateCustomerGatewayRequest().setRegionId(REGION)
                .setIpAddress("198.51.100.77")).getBody().getCustomerGatewayId();
        connectionId = client.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(REGION)
                .setVpnGatewayId(gatewayId).setCustomerGatewayId(cgwId).setName("raw")
                .setLocalSubnet("10.1.0.0/16").setRemoteSubnet("192.168.0.0/24")
                .setIkeConfig("{\"Psk\":\"raw-psk\"}")).getBody().getVpnConnectionId();
    }

    /** The common parameters of signature v1 as the old core sends them, with a fresh nonce. */
    private static Map<String, String> common(String action, Instant timestamp) {
        var p = new LinkedHashMap<String, String>();
        p.put("Action", action);
        p.put("Version", "2016-04-28");
        p.put("Format", "JSON");
        p.put("AccessKeyId", AccountService.DEMO_KEY_ID);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", UUID.randomUUID().toString().replace("-", ""));
        p.put("Timestamp", TIMESTAMP.format(timestamp));
        return p;
    }

    private static Map<String, String> describeList(Instant timestamp) {
        var p = common("DescribeVpnConnections", timestamp);
        p.put("RegionId", REGION);
        return p;
    }

    /** The Signature of all the parameters (query and form body merged). */
    private static String sign(Map<String, String> params) {
        return RpcSignatureV1.signature(AccountService.DEMO_KEY_SECRET,
                RpcSignatureV1.stringToSign("POST", RpcSignatureV1.canonicalizedQueryString(params, false)));
    }

    private static Map<String, String> signed(Map<String, String> params) {
        var withSignature = new LinkedHashMap<>(params);
        withSignature.put("Signature", sign(params));
        return withSignature;
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> PercentEncoding.encode(e.getKey()) + "=" + PercentEncoding.encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> post(Map<String, String> query, Map<String, String> form) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://" + VPND.aliyunEndpoint() + "/?" + encode(query)))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (query.containsKey("Action")) {
            builder.header("x-acs-action", query.get("Action")).header("x-acs-version", query.get("Version"));
        }
        var request = builder.POST(form.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(encode(form))).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        JsonNode body = json(response);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(body.path("Code").asText()).as(response.body()).isEqualTo(code);
        assertThat(body.path("RequestId").asText()).isNotBlank();
        assertThat(body.path("Message").asText()).isNotBlank();
        assertThat(body.has("HostId")).isTrue();
        assertThat(body.has("Recommend")).isTrue();
    }

    /** A signature v3 (ACS3-HMAC-SHA256) request as the new SDK sends it, with the given date and nonce. */
    private static HttpResponse<String> postV3(Map<String, String> query, Instant date, String nonce)
            throws Exception {
        return postV3(query, date, nonce, List.of());
    }

    /** The same, its {@code unsigned} headers sent but left out of SignedHeaders. */
    private static HttpResponse<String> postV3(Map<String, String> query, Instant date, String nonce,
            List<String> unsigned) throws Exception {
        var headers = new java.util.TreeMap<String, String>();
        headers.put("host", VPND.aliyunEndpoint());
        headers.put("x-acs-action", "DescribeVpnConnections");
        headers.put("x-acs-content-sha256",
                AcsSignatureV3.hashedPayload(AcsSignatureV3.Algorithm.HMAC_SHA256, new byte[0]));
        headers.put("x-acs-date", TIMESTAMP.format(date));
        headers.put("x-acs-signature-nonce", nonce);
        headers.put("x-acs-version", "2016-04-28");
        var signedHeaders = headers.keySet().stream().filter(name -> !unsigned.contains(name)).toList();
        String canonical = CanonicalRequest.of("POST", "/", AcsSignatureV3.canonicalQueryString(query),
                AcsSignatureV3.canonicalHeaders(signedHeaders, headers::get), String.join(";", signedHeaders),
                AcsSignatureV3.hashedPayload(AcsSignatureV3.Algorithm.HMAC_SHA256, new byte[0]));
        String signature = AcsSignatureV3.signature(AcsSignatureV3.Algorithm.HMAC_SHA256,
                AccountService.DEMO_KEY_SECRET, AcsSignatureV3.stringToSign(AcsSignatureV3.Algorithm.HMAC_SHA256,
                        canonical));
        var builder = HttpRequest.newBuilder(URI.create("http://" + VPND.aliyunEndpoint() + "/?" + encode(query)))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", AcsSignatureV3.ALGORITHM + " Credential=" + AccountService.DEMO_KEY_ID
                        + ",SignedHeaders=" + String.join(";", signedHeaders) + ",Signature=" + signature)
                .header("accept", "application/json");
        headers.forEach((name, value) -> {
            if (!name.equals("host")) {
                builder.header(name, value);
            }
        });
        return HTTP.send(builder.POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void v3ReplayedNonceIsRefused() throws Exception {
        Instant now = Instant.now();
        String nonce = UUID.randomUUID().toString();
        var first = postV3(Map.of("RegionId", REGION), now, nonce);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertError(postV3(Map.of("RegionId", REGION), now, nonce), 400, "SignatureNonceUsed");
    }

    @Test
    void v3MustSignItsActionDateAndNonce() throws Exception {
        for (String header : List.of("x-acs-action", "x-acs-date", "x-acs-signature-nonce")) {
            assertError(postV3(Map.of("RegionId", REGION), Instant.now(), UUID.randomUUID().toString(),
                    List.of(header)), 400, "IncompleteSignature");
        }
        var unsignedVersion = postV3(Map.of("RegionId", REGION), Instant.now(), UUID.randomUUID().toString(),
                List.of("x-acs-version"));
        assertThat(unsignedVersion.statusCode()).as(unsignedVersion.body()).isEqualTo(200);
    }

    @Test
    void v3StaleDateIsExpired() throws Exception {
        assertError(postV3(Map.of("RegionId", REGION), Instant.now().minus(Duration.ofMinutes(20)),
                UUID.randomUUID().toString()), 400, "InvalidTimeStamp.Expired");
    }

    @Test
    void signedRequestIsAccepted() throws Exception {
        var response = post(signed(describeList(Instant.now())), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("TotalCount").asInt()).isEqualTo(1);
    }

    @Test
    void replayedNonceIsRefused() throws Exception {
        var request = signed(describeList(Instant.now()));
        var first = post(request, Map.of());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertError(post(request, Map.of()), 400, "SignatureNonceUsed");
    }

    @Test
    void badSignatureDoesNotSpendTheNonce() throws Exception {
        var params = describeList(Instant.now());
        var forged = new LinkedHashMap<>(params);
        forged.put("Signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        assertError(post(forged, Map.of()), 400, "SignatureDoesNotMatch");
        var genuine = post(signed(params), Map.of());
        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
    }

    @Test
    void timestampTwentyMinutesOldIsExpired() throws Exception {
        assertError(post(signed(describeList(Instant.now().minus(Duration.ofMinutes(20)))), Map.of()), 400,
                "InvalidTimeStamp.Expired");
    }

    @Test
    void timestampTwentyMinutesAheadIsExpired() throws Exception {
        assertError(post(signed(describeList(Instant.now().plus(Duration.ofMinutes(20)))), Map.of()), 400,
                "InvalidTimeStamp.Expired");
    }

    @Test
    void timestampTenMinutesOldIsAccepted() throws Exception {
        var response = post(signed(describeList(Instant.now().minus(Duration.ofMinutes(10)))), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void malformedTimestamp() throws Exception {
        var params = describeList(Instant.now());
        params.put("Timestamp", "2026/11/22 10:00:00");
        assertError(post(signed(params), Map.of()), 400, "InvalidTimeStamp.Format");
    }

    @Test
    void anAcs3AlgorithmVpndHasNotIsNamedInTheError() throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://" + VPND.aliyunEndpoint() + "/?RegionId=" + REGION))
                .timeout(Duration.ofSeconds(10)).header("x-acs-action", "DescribeVpnConnections")
                .header("x-acs-version", "2016-04-28").header("Authorization",
                        "ACS3-RSA-SHA256 Credential=" + AccountService.DEMO_KEY_ID
                                + ",SignedHeaders=host,Signature=ab");
        var answer = HTTP.send(builder.POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(answer, 400, "IncompleteSignature");
        assertThat(json(answer).path("Message").asText()).contains("ACS3-RSA-SHA256 is not supported");
    }

    @Test
    void noSignatureAtAll() throws Exception {
        assertError(post(describeList(Instant.now()), Map.of()), 400, "IncompleteSignature");
    }

    @Test
    void unknownAction() throws Exception {
        var params = common("DescribeNothingAtAll", Instant.now());
        params.put("RegionId", REGION);
        assertError(post(signed(params), Map.of()), 404, "InvalidAction.NotFound");
    }

    @Test
    void wrongVersion() throws Exception {
        var params = describeList(Instant.now());
        params.put("Version", "2014-05-15");
        assertError(post(signed(params), Map.of()), 400, "InvalidVersion");
    }

    /** tea-rpc as the alicloud Terraform provider's source uses it: Format=json, business parameters in a form body. */
    @Test
    void terraformStyleFormBody() throws Exception {
        var query = common("DescribeVpnConnections", Instant.now());
        query.put("Format", "json");
        var form = new LinkedHashMap<String, String>();
        form.put("RegionId", REGION);
        form.put("VpnGatewayId", gatewayId);
        form.put("PageSize", "50");
        form.put("PageNumber", "1");
        var all = new LinkedHashMap<>(query);
        all.putAll(form);
        query.put("Signature", sign(all));

        var response = post(query, form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("RequestId").asText()).isNotBlank();
        assertThat(body.path("TotalCount").asInt()).isEqualTo(1);
        assertThat(body.path("PageNumber").asInt()).isEqualTo(1);
        assertThat(body.path("PageSize").asInt()).isEqualTo(50);
        JsonNode list = body.path("VpnConnections").path("VpnConnection");
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(1);
        JsonNode c = list.get(0);
        assertThat(c.path("VpnConnectionId").asText()).isEqualTo(connectionId);
        assertThat(c.path("VpnGatewayId").asText()).isEqualTo(gatewayId);
        assertThat(c.path("Name").asText()).isEqualTo("raw");
        assertThat(c.path("CreateTime").isIntegralNumber()).isTrue();
        assertThat(c.path("EffectImmediately").isBoolean()).isTrue();
        assertThat(c.path("IkeConfig").path("Psk").asText()).isEqualTo("raw-psk");
        assertThat(c.path("IkeConfig").path("IkeLifetime").isIntegralNumber()).isTrue();
        assertThat(c.path("IpsecConfig").path("IpsecLifetime").isIntegralNumber()).isTrue();
        assertThat(c.path("Tag").path("Tag").isArray()).isTrue();

        // A body parameter left out of the signature is a mismatch: the body is signed too.
        var unsignedBody = common("DescribeVpnConnections", Instant.now());
        unsignedBody.put("Signature", sign(unsignedBody));
        assertError(post(unsignedBody, form), 400, "SignatureDoesNotMatch");
    }

    @Test
    void xmlErrorBodyWhenFormatIsXml() throws Exception {
        var params = common("DescribeVpnConnection", Instant.now());
        params.put("Format", "XML");
        params.put("RegionId", REGION);
        params.put("VpnConnectionId", "vco-doesnotexist");
        var response = post(signed(params), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/xml"));
        JsonNode error = new XmlMapper().readTree(response.body());
        assertThat(error.path("Code").asText()).isEqualTo("InvalidVpnConnectionInstanceId.NotFound");
        assertThat(error.path("RequestId").asText()).isNotBlank();
        assertThat(error.path("Message").asText())
                .isEqualTo("The specified vpn connection instance id does not exist.");
        assertThat(response.body()).contains("<Error>");
    }

    @Test
    void xmlSuccessBodyWhenFormatIsXml() throws Exception {
        var params = describeList(Instant.now());
        params.put("Format", "XML");
        var response = post(signed(params), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = new XmlMapper().readTree(response.body());
        assertThat(response.body()).contains("<DescribeVpnConnectionsResponse>");
        assertThat(body.path("TotalCount").asInt()).isEqualTo(1);
        assertThat(body.path("VpnConnections").path("VpnConnection").path("VpnConnectionId").asText())
                .isEqualTo(connectionId);
    }
}
