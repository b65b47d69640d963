package dev.vpnd.server.dialect.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.server.RegionFile;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.ops.Metrics;
import dev.vpnd.server.security.KeyDirectory;
import dev.vpnd.server.security.LocalReplayGuard;
import dev.vpnd.server.security.CanonicalRequest;
import dev.vpnd.server.security.KeyStyle;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A signed request runs once. Raw requests signed by the server's own {@link Tc3Signature} and
 * {@link LegacySignature}, replayed as they were, re-split or with their unsigned headers changed.
 */
class TencentReplayTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicLong NONCES = new AtomicLong(1_000_000);

    private static String errorCode(JsonNode answer) {
        return answer.at("/Response/Error/Code").asText();
    }

    // TC3

    private static HttpRequest.Builder tc3(String action, String region, String body, long timestamp) {
        return tc3(VPND.tencentEndpoint(), action, region, body, timestamp);
    }

    /** A TC3-signed JSON POST to {@code host} as the Java SDK signs it: content-type and host only. */
    static HttpRequest.Builder tc3(String host, String action, String region, String body, long timestamp) {
        var builder = HttpRequest.newBuilder(URI.create("http://" + host + "/"));
        tc3Headers(host, action, region, body, timestamp).forEach(builder::header);
        return builder.POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static Map<String, String> tc3Headers(String host, String action, String region, String body,
            long timestamp) {
        String contentType = "application/json; charset=utf-8";
        String date = Tc3Signature.date(timestamp);
        String canonical = CanonicalRequest.of("POST", "/", "",
                "content-type:" + contentType + "\nhost:" + host + "\n", "content-type;host",
                Tc3Signature.hashedRequestPayload(body.getBytes(StandardCharsets.UTF_8), null));
        String scope = Tc3Signature.credentialScope(date, "vpc");
        String signature = Tc3Signature.signature(Tc3Signature.secretSigning(Tc3Signature.secretService(
                Tc3Signature.secretDate(KeyStyle.DEMO_TENCENT_SECRET_KEY, date), "vpc")),
                Tc3Signature.stringToSign(String.valueOf(timestamp), scope,
                        Tc3Signature.hashedCanonicalRequest(canonical)));
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", contentType);
        headers.put("Authorization", "TC3-HMAC-SHA256 Credential=" + KeyStyle.DEMO_TENCENT_SECRET_ID + "/" + scope
                + ", SignedHeaders=content-type;host, Signature=" + signature);
        headers.put("X-TC-Action", action);
        headers.put("X-TC-Version", "2017-03-12");
        headers.put("X-TC-Region", region);
        headers.put("X-TC-Timestamp", String.valueOf(timestamp));
        return headers;
    }

    /**
     * The same request as it reaches a dialect at {@code receivedAt}, with {@code changedHeaders}
     * (lowercase names) set after signing: replays that arrive later than a test would wait.
     */
    private static WireRequest tc3At(Instant receivedAt, String action, String region, String body, long timestamp,
            Map<String, String> changedHeaders) {
        var headers = new LinkedHashMap<String, String>();
        tc3Headers(VPND.tencentEndpoint(), action, region, body, timestamp)
                .forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        headers.put("host", VPND.tencentEndpoint());
        headers.putAll(changedHeaders);
        return new WireRequest("POST", "/", null, headers, body.getBytes(StandardCharsets.UTF_8), receivedAt,
                "127.0.0.1");
    }

    /** A node of its own, with a replay guard of its own, that answers requests at the times they say. */
    private static TencentDialect node() {
        return new TencentDialect(VPND.services(),
                RegionFile.defaults().in(RegionFile.TENCENT), new KeyDirectory(VPND.services().accounts()),
                new LocalReplayGuard(Duration.ofMinutes(15)), new Metrics());
    }

    private static JsonNode handle(TencentDialect node, WireRequest request) throws Exception {
        return JSON.readTree(node.handle(request).body());
    }

    private static JsonNode send(HttpRequest request) throws Exception {
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The VPCs of the demo account in the region Tencent calls {@code region}. */
    private static long vpcsIn(String region) {
        String id = RegionFile.defaults().in(RegionFile.TENCENT).id(region).orElseThrow();
        return VPND.services().vpcs().list(new Scope(VPND.services().accounts()
                .findKey(KeyStyle.DEMO_TENCENT_SECRET_ID).orElseThrow().accountId(), id),
                VpcStore.Filter.any(), new PageRequest(0, 100)).total();
    }

    /** Later than the signer's own calls in the same second arrive after the first. */
    private static final Duration AFTER_THE_GRACE = TencentAuthenticator.TC3_REUSE_GRACE.plusSeconds(1);

    @Test
    void aCapturedTc3CreateRunsOnceInAnyRegion() throws Exception {
        var node = node();
        Instant first = Instant.now();
        long timestamp = first.getEpochSecond();
        String body = "{\"VpcName\":\"once\",\"CidrBlock\":\"10.8.0.0/16\"}";
        long guangzhou = vpcsIn("ap-guangzhou");
        long shanghai = vpcsIn("ap-shanghai");
        var created = handle(node, tc3At(first, "CreateVpc", "ap-guangzhou", body, timestamp, Map.of()));
        assertThat(created.at("/Response/Vpc/VpcId").asText()).startsWith("vpc-");
        Instant later = first.plus(AFTER_THE_GRACE);
        var again = handle(node, tc3At(later, "CreateVpc", "ap-guangzhou", body, timestamp, Map.of()));
        assertThat(errorCode(again)).isEqualTo("AuthFailure.SignatureExpire");
        var elsewhere = handle(node, tc3At(later, "CreateVpc", "ap-guangzhou", body, timestamp,
                Map.of("x-tc-region", "ap-shanghai")));
        assertThat(errorCode(elsewhere)).isEqualTo("AuthFailure.SignatureExpire");
        assertThat(vpcsIn("ap-guangzhou")).isEqualTo(guangzhou + 1);
        assertThat(vpcsIn("ap-shanghai")).isEqualTo(shanghai);
    }

    @Test
    void aSignedReadCannotBecomeAnotherReadByItsUnsignedActionHeader() throws Exception {
        var node = node();
        Instant first = Instant.now();
        long timestamp = first.getEpochSecond();
        var read = handle(node, tc3At(first, "DescribeVpcs", "ap-guangzhou", "{}", timestamp, Map.of()));
        assertThat(read.path("Response").has("TotalCount")).isTrue();
        var other = handle(node, tc3At(first.plus(AFTER_THE_GRACE), "DescribeVpcs", "ap-guangzhou", "{}", timestamp,
                Map.of("x-tc-action", "DescribeVpnConnections")));
        assertThat(errorCode(other)).isEqualTo("AuthFailure.SignatureExpire");
    }

    @Test
    void aSignerWhoseClockIsAheadOpensNoLaterReplayWindow() throws Exception {
        var node = node();
        Instant first = Instant.now();
        // Stamped three minutes ahead; replayed when the server's clock reaches the stamp.
        long timestamp = first.getEpochSecond() + 180;
        var read = handle(node, tc3At(first, "DescribeVpcs", "ap-guangzhou", "{}", timestamp, Map.of()));
        assertThat(read.path("Response").has("TotalCount")).isTrue();
        var replay = handle(node, tc3At(first.plusSeconds(179), "DescribeVpcs", "ap-guangzhou", "{}", timestamp,
                Map.of()));
        assertThat(errorCode(replay)).isEqualTo("AuthFailure.SignatureExpire");
    }

    @Test
    void aSignerWhoseClockIsBehindHasItsOwnRepeatsAccepted() throws Exception {
        var node = node();
        Instant first = Instant.now();
        long timestamp = first.getEpochSecond() - 60;
        assertThat(handle(node, tc3At(first, "DescribeVpcs", "ap-guangzhou", "{}", timestamp, Map.of()))
                .path("Response").has("TotalCount")).isTrue();
        assertThat(handle(node, tc3At(first.plusSeconds(1), "DescribeVpnGateways", "ap-guangzhou", "{}", timestamp,
                Map.of())).path("Response").has("TotalCount")).isTrue();
    }

    @Test
    void callsOfOneSecondSharingASignatureAllRun() throws Exception {
        long now = Instant.now().getEpochSecond();
        String body = "{\"VpcName\":\"twin\",\"CidrBlock\":\"10.9.0.0/16\"}";
        long before = vpcsIn("ap-guangzhou");
        // What the SDK sends for two identical creates, then two reads of one body, in the same second.
        assertThat(send(tc3("CreateVpc", "ap-guangzhou", body, now).build()).at("/Response/Vpc/VpcId").asText())
                .startsWith("vpc-");
        assertThat(send(tc3("CreateVpc", "ap-guangzhou", body, now).build()).at("/Response/Vpc/VpcId").asText())
                .startsWith("vpc-");
        assertThat(vpcsIn("ap-guangzhou")).isEqualTo(before + 2);
        assertThat(send(tc3("DescribeVpcs", "ap-guangzhou", "{}", now).build()).path("Response").has("TotalCount"))
                .isTrue();
        assertThat(send(tc3("DescribeVpnGateways", "ap-guangzhou", "{}", now).build()).path("Response")
                .has("TotalCount")).isTrue();
    }

    // Legacy HmacSHA256 at "/"

    private static Map<String, String> legacyFields(String action, long nonce, long timestamp) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("Action", action);
        fields.put("Version", "2017-03-12");
        fields.put("Region", "ap-guangzhou");
        fields.put("SecretId", KeyStyle.DEMO_TENCENT_SECRET_ID);
        fields.put("Timestamp", String.valueOf(timestamp));
        fields.put("Nonce", String.valueOf(nonce));
        fields.put("SignatureMethod", "HmacSHA256");
        return fields;
    }

    private static Map<String, String> signed(Map<String, String> fields) {
        var withSignature = new LinkedHashMap<>(fields);
        withSignature.put("Signature", LegacySignature.signature(KeyStyle.DEMO_TENCENT_SECRET_KEY,
                LegacySignature.SignatureMethod.HMAC_SHA256, LegacySignature.expectedSourceString("POST",
                        VPND.tencentEndpoint(), "/", fields)));
        return withSignature;
    }

    private static JsonNode post(Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create("http://" + VPND.tencentEndpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void aLegacyRequestReSplitAsALongerNonceIsRefused() throws Exception {
        long nonce = NONCES.incrementAndGet();
        var fields = legacyFields("DescribeVpcs", nonce, Instant.now().getEpochSecond());
        fields.put("Offset", "0");
        var captured = signed(fields);
        assertThat(post(captured).path("Response").has("TotalCount")).isTrue();
        // The same source string, "...&Nonce=N&Offset=0&...", read as one Nonce "N&Offset=0".
        var resplit = new LinkedHashMap<>(captured);
        resplit.remove("Offset");
        resplit.put("Nonce", nonce + "&Offset=0");
        var answer = post(resplit);
        assertThat(errorCode(answer)).isEqualTo("InvalidParameter");
        assertThat(answer.at("/Response/Error/Message").asText()).contains("Nonce");
    }

    @Test
    void aValueThatCouldHaveBeenSignedAsAnotherParameterIsRefused() throws Exception {
        var fields = legacyFields("DescribeVpcs", NONCES.incrementAndGet(), Instant.now().getEpochSecond());
        fields.put("Filters.0.Name", "vpc-name");
        fields.put("Filters.0.Values.0", "a&Limit=1");
        assertThat(errorCode(post(signed(fields)))).isEqualTo("InvalidParameter");
        // No split gives a pair with an empty name: the value is what it says.
        var plain = legacyFields("DescribeVpcs", NONCES.incrementAndGet(), Instant.now().getEpochSecond());
        plain.put("Filters.0.Name", "vpc-name");
        plain.put("Filters.0.Values.0", "a/b c+é&=");
        assertThat(post(signed(plain)).path("Response").has("TotalCount")).isTrue();
    }

    @Test
    void aNonceIsDigitsOnly() throws Exception {
        var fields = legacyFields("DescribeVpcs", 1, Instant.now().getEpochSecond());
        fields.put("Nonce", "abc");
        assertThat(errorCode(post(signed(fields)))).isEqualTo("InvalidParameter");
    }

    @Test
    void distinctCallsSharingANonceBothRunAndATrueReplayIsStillRefused() throws Exception {
        long nonce = NONCES.incrementAndGet();
        long now = Instant.now().getEpochSecond();
        var vpcs = signed(legacyFields("DescribeVpcs", nonce, now));
        var gateways = signed(legacyFields("DescribeVpnGateways", nonce, now));
        assertThat(post(vpcs).path("Response").has("TotalCount")).isTrue();
        assertThat(post(gateways).path("Response").has("TotalCount")).isTrue();
        assertThat(errorCode(post(vpcs))).isEqualTo("AuthFailure.SignatureFailure");
    }
}
