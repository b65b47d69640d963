package dev.vpnd.server.dialect.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpnConnectionsRequest;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.security.CanonicalRequest;
import dev.vpnd.server.security.KeyStyle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Authentication and the request envelope: through the SDK where it can produce the case (a wrong
 * SecretKey, an unknown SecretId, an unknown action, version, region or parameter, a read-only key),
 * and as raw requests signed by the server's own {@link Tc3Signature} and {@link LegacySignature}
 * where it cannot (an SDK always signs with a fresh timestamp and nonce).
 */
class TencentAuthTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static VpcClient sdk(String secretId, String secretKey) {
        var http = new HttpProfile();
        http.setEndpoint(VPND.tencentEndpoint());
        http.setProtocol(HttpProfile.REQ_HTTP);
        return new VpcClient(new Credential(secretId, secretKey), "ap-guangzhou", new ClientProfile(
                ClientProfile.SIGN_TC3_256, http));
    }

    private static CommonClient common(String version, String region, String secretId, String secretKey) {
        var http = new HttpProfile();
        http.setEndpoint(VPND.tencentEndpoint());
        http.setProtocol(HttpProfile.REQ_HTTP);
        return new CommonClient("vpc", version, new Credential(secretId, secretKey), region,
                new ClientProfile(ClientProfile.SIGN_TC3_256, http));
    }

    private static String code(Call call) {
        var e = catchThrowableOfType(TencentCloudSDKException.class, call::run);
        assertThat(e).as("an error").isNotNull();
        assertThat(e.getRequestId()).isNotEmpty();
        return e.getErrorCode();
    }

    interface Call {
        void run() throws Exception;
    }

    @Test
    void wrongSecretKeyAndUnknownSecretId() {
        assertThat(code(() -> sdk(KeyStyle.DEMO_TENCENT_SECRET_ID, "wrong-key")
                .DescribeVpnConnections(new DescribeVpnConnectionsRequest())))
                .isEqualTo("AuthFailure.SignatureFailure");
        assertThat(code(() -> sdk("AKIDnobody", "whatever").DescribeVpnConnections(
                new DescribeVpnConnectionsRequest()))).isEqualTo("AuthFailure.SecretIdNotFound");
    }

    @Test
    void unknownActionVersionRegionAndParameter() {
        String id = KeyStyle.DEMO_TENCENT_SECRET_ID;
        String key = KeyStyle.DEMO_TENCENT_SECRET_KEY;
        assertThat(code(() -> common("2017-03-12", "ap-guangzhou", id, key).call("DescribeVpnTeleporters", "{}")))
                .isEqualTo("InvalidAction");
        assertThat(code(() -> common("2099-01-01", "ap-guangzhou", id, key).call("DescribeVpnConnections", "{}")))
                .isEqualTo("NoSuchVersion");
        assertThat(code(() -> common("2017-03-12", "mars-olympus-1", id, key).call("DescribeVpnConnections",
                "{}"))).isEqualTo("UnsupportedRegion");
        assertThat(code(() -> common("2017-03-12", "ap-guangzhou", id, key).call("DescribeVpnConnections",
                "{\"Colour\":\"blue\"}"))).isEqualTo("UnknownParameter");
        assertThat(code(() -> common("2017-03-12", "ap-guangzhou", id, key).call("DescribeVpnConnections",
                "{\"Limit\":\"many\"}"))).isEqualTo("InvalidParameter");
    }

    @Test
    void readOnlyKeysMayDescribeOnly() throws Exception {
        var key = VPND.services().accounts().createKey(AccountService.DEMO_ACCOUNT, true, KeyStyle.TENCENT.shape());
        var client = common("2017-03-12", "ap-guangzhou", key.id(), key.secret().value());
        assertThat(JSON.readTree(client.call("DescribeVpcs", "{}")).path("Response").has("TotalCount")).isTrue();
        assertThat(code(() -> client.call("CreateVpc", "{\"VpcName\":\"x\",\"CidrBlock\":\"10.0.0.0/16\"}")))
                .isEqualTo("AuthFailure.UnauthorizedOperation");
    }

    @Test
    void aTimestampOverFiveMinutesOldIsExpired() throws Exception {
        var fresh = tc3("DescribeVpcs", "{}", Instant.now().getEpochSecond());
        assertThat(fresh.path("Response").has("Error")).isFalse();
        var stale = tc3("DescribeVpcs", "{}", Instant.now().minusSeconds(6 * 60).getEpochSecond());
        assertThat(stale.path("Response").path("Error").path("Code").asText()).isEqualTo("AuthFailure.SignatureExpire");
        assertThat(stale.path("Response").path("RequestId").asText()).isNotEmpty();
    }

    @Test
    void aLegacySignedRequestIsAcceptedOnceAndErrorsAreStillHttp200() throws Exception {
        var fields = new LinkedHashMap<String, String>();
        fields.put("Action", "DescribeVpcs");
        fields.put("Version", "2017-03-12");
        fields.put("Region", "ap-guangzhou");
        fields.put("SecretId", KeyStyle.DEMO_TENCENT_SECRET_ID);
        fields.put("Timestamp", String.valueOf(Instant.now().getEpochSecond()));
        fields.put("Nonce", String.valueOf(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE)));
        fields.put("SignatureMethod", "HmacSHA256");
        String host = VPND.tencentEndpoint();
        fields.put("Signature", LegacySignature.signature(KeyStyle.DEMO_TENCENT_SECRET_KEY,
                LegacySignature.SignatureMethod.HMAC_SHA256, LegacySignature.expectedSourceString("POST", host, "/",
                        fields)));
        String body = fields.entrySet().stream().map(e -> e.getKey() + "="
                + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        var first = post(body, "application/x-www-form-urlencoded");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("Response").has("TotalCount")).isTrue();
        var replay = post(body, "application/x-www-form-urlencoded");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.headers().firstValue("content-type")).contains("application/json");
        assertThat(JSON.readTree(replay.body()).path("Response").path("Error").path("Code").asText())
                .isEqualTo("AuthFailure.SignatureFailure");
    }

    /** A TC3-signed JSON POST with the given timestamp, signed the way the Java SDK signs. */
    private static JsonNode tc3(String action, String body, long timestamp) throws Exception {
        String host = VPND.tencentEndpoint();
        String contentType = "application/json; charset=utf-8";
        String date = Tc3Signature.date(timestamp);
        String canonical = CanonicalRequest.of("POST", "/", "",
                "content-type:" + contentType + "\nhost:" + host + "\n", "content-type;host",
                Tc3Signature.hashedRequestPayload(body.getBytes(StandardCharsets.UTF_8), null));
        String scope = Tc3Signature.credentialScope(date, "127");
        String signature = Tc3Signature.signature(Tc3Signature.secretSigning(Tc3Signature.secretService(
                Tc3Signature.secretDate(KeyStyle.DEMO_TENCENT_SECRET_KEY, date), "127")),
                Tc3Signature.stringToSign(String.valueOf(timestamp), scope,
                        Tc3Signature.hashedCanonicalRequest(canonical)));
        var request = HttpRequest.newBuilder(URI.create("http://" + host + "/"))
                .header("Content-Type", contentType)
                .header("Authorization", "TC3-HMAC-SHA256 Credential=" + KeyStyle.DEMO_TENCENT_SECRET_ID + "/"
                        + scope + ", SignedHeaders=content-type;host, Signature=" + signature)
                .header("X-TC-Action", action).header("X-TC-Version", "2017-03-12")
                .header("X-TC-Region", "ap-guangzhou").header("X-TC-Timestamp", String.valueOf(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> post(String body, String contentType) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://" + VPND.tencentEndpoint() + "/"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
