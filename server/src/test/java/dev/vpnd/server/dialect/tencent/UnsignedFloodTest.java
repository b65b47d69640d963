package dev.vpnd.server.dialect.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.RegionFile;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.http.BodyLimits;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.Metrics;
import dev.vpnd.server.security.KeyDirectory;
import dev.vpnd.server.security.KeyStyle;
import dev.vpnd.server.security.LocalReplayGuard;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request whose signature is wrong costs the server about its own size: the string a legacy
 * signature covers is streamed into the MAC for each signed host and name order, never built; the
 * flattened fields are
 * authenticated flat and only then turned into a tree, so names such as {@code A.999.999.999} (each
 * index once meant a list of 1,000 slots) allocate nothing before the signature is refused.
 */
class UnsignedFloodTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * What a request may cost per byte of its body, decoding included: the JDK's UTF-8 decoder
     * alone takes up to four bytes per byte of three-byte characters.
     */
    private static final long MAX_COST_PER_BYTE = 6;

    /** 900 fields of six segments, five of them the largest index: 4.5 million list slots if built. */
    private static String hostileBody() {
        var body = new StringBuilder("Action=DescribeVpcs&Version=2017-03-12&Region=ap-guangzhou&SecretId="
                + KeyStyle.DEMO_TENCENT_SECRET_ID + "&Timestamp=" + Instant.now().getEpochSecond()
                + "&Nonce=7&Signature=bm90IGEgc2lnbmF0dXJl");
        for (int i = 0; i < 900; i++) {
            body.append("&F").append(i).append(".999.999.999.999.999=x");
        }
        return body.toString();
    }

    @Test
    void aBadlySignedHostileFormIsRefusedBeforeItsTreeIsBuilt() throws Exception {
        var dialect = new TencentDialect(VPND.services(),
                RegionFile.defaults().in(RegionFile.TENCENT), new KeyDirectory(VPND.services().accounts()),
                new LocalReplayGuard(Duration.ofMinutes(15)), new Metrics());
        byte[] body = hostileBody().getBytes(StandardCharsets.UTF_8);
        var request = new WireRequest("POST", "/", null, Map.of("content-type", "application/x-www-form-urlencoded",
                "host", VPND.tencentEndpoint()), body, Instant.now(), "127.0.0.1");
        dialect.handle(request); // warm up: class loading is not the request's cost
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        WireResponse response = dialect.handle(request);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(JSON.readTree(response.body()).at("/Response/Error/Code").asText())
                .isEqualTo("AuthFailure.SignatureFailure");
        assertThat(allocated).as("bytes allocated for a %d-byte body", body.length).isLessThan(40L * body.length);
    }

    /**
     * A legacy-signed form just under the body limit, most of it three-byte characters sent raw, with
     * a name holding {@code _} so that both name orders are tried for each of the four signed hosts.
     */
    private static byte[] largeLegacyForm() {
        String head = "Action=DescribeVpnConn&Version=2017-03-12&Region=gz&SecretId="
                + KeyStyle.DEMO_TENCENT_SECRET_ID + "&Timestamp=" + Instant.now().getEpochSecond()
                + "&Nonce=7&Signature=bm90IGEgc2lnbmF0dXJl&vpn_conn_name=";
        int characters = (BodyLimits.RPC.maxBodyBytes() - head.length()) / 3;
        return (head + "中".repeat(characters)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLargeBadlyLegacySignedFormCostsAboutItsOwnSize() throws Exception {
        var dialect = new TencentDialect(VPND.services(),
                RegionFile.defaults().in(RegionFile.TENCENT), new KeyDirectory(VPND.services().accounts()),
                new LocalReplayGuard(Duration.ofMinutes(15)), new Metrics());
        byte[] body = largeLegacyForm();
        for (String path : List.of("/", LegacyPipeline.PATH)) {
            var request = new WireRequest("POST", path, null, Map.of("content-type",
                    "application/x-www-form-urlencoded", "host", VPND.tencentEndpoint()), body, Instant.now(),
                    "127.0.0.1");
            dialect.handle(request); // warm up: class loading is not the request's cost
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            WireResponse response = dialect.handle(request);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("The string to sign here was: ")
                    .contains("more characters not shown");
            assertThat(allocated).as("bytes allocated on %s for a %d-byte body", path, body.length)
                    .isLessThan(MAX_COST_PER_BYTE * body.length);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() throws Exception {
        byte[] body = new byte[BodyLimits.RPC.maxBodyBytes() + 1];
        java.util.Arrays.fill(body, (byte) 'x');
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                + VPND.tencentEndpoint() + "/")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(answer.body()).at("/Response/Error/Code").asText()).isEqualTo("InvalidParameter");
    }

    @Test
    void moreThanAThousandMultipartFieldsIsAnInvalidParameter() throws Exception {
        String boundary = "b0undary";
        var body = new StringBuilder("\r\n");
        for (int i = 0; i <= 1000; i++) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"f").append(i)
                    .append("\"\r\n\r\nx\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        var http = HttpClient.newHttpClient();
        for (String path : List.of("/", LegacyPipeline.PATH)) {
            var answer = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://" + VPND.tencentEndpoint()
                    + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (path.equals("/")) {
                assertThat(answer.at("/Response/Error/Code").asText()).isEqualTo("InvalidParameter");
            } else {
                assertThat(answer.get("code").asInt()).isEqualTo(4000);
                assertThat(answer.get("codeDesc").asText()).isEqualTo("InvalidParameter");
            }
        }
    }

    @Test
    void aBurstOfThemLeavesTheServerAnswering() throws Exception {
        var http = HttpClient.newHttpClient();
        String body = hostileBody();
        var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 16; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://" + VPND.tencentEndpoint() + "/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        var health = http.send(HttpRequest.newBuilder(URI.create(VPND.endpoints().get("admin") + "/healthz"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        for (var answer : answers) {
            assertThat(JSON.readTree(answer.get().body()).at("/Response/Error/Code").asText())
                    .isEqualTo("AuthFailure.SignatureFailure");
        }
    }
}
