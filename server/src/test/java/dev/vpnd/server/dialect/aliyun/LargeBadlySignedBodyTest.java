package dev.vpnd.server.dialect.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.RegionFile;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.http.BodyLimits;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.ops.Metrics;
import dev.vpnd.server.security.KeyDirectory;
import dev.vpnd.server.security.LocalReplayGuard;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A badly signed request costs about its own size, however its string to sign swells: each
 * character of three UTF-8 bytes is fifteen characters once percent-encoded twice, and the string
 * is never built, neither for the MAC, nor for the second variant the new SDK signs, nor for the
 * error message. The largest body Alibaba's listener takes is 1 MiB.
 */
class LargeBadlySignedBodyTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * What a request may cost per byte of its body, decoding included: the JDK's UTF-8 decoder
     * alone takes up to four bytes per byte of three-byte characters.
     */
    private static final long MAX_COST_PER_BYTE = 6;

    /** A form just under the body limit, most of it three-byte characters sent raw. */
    private static byte[] largeForm(int bytes) {
        String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .atOffset(ZoneOffset.UTC));
        String head = "Action=CreateVpc&Version=2016-04-28&RegionId=cn-hangzhou&Format=JSON&AccessKeyId="
                + AccountService.DEMO_KEY_ID + "&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce="
                + System.nanoTime() + "&Timestamp=" + now + "&Signature=bm90IGEgc2lnbmF0dXJl"
                // An empty value: the variant without it is tried too.
                + "&VpcName=&Description=";
        int characters = (bytes - head.length()) / 3;
        return (head + "中".repeat(characters)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLargeBadlySignedFormCostsAboutItsOwnSize() throws Exception {
        var dialect = new AliyunDialect(VPND.services(),
                RegionFile.defaults().in(RegionFile.ALIYUN), new KeyDirectory(VPND.services().accounts()),
                new LocalReplayGuard(Duration.ofMinutes(15)), new Metrics());
        byte[] body = largeForm(BodyLimits.RPC.maxBodyBytes());
        var request = new WireRequest("POST", "/", null, Map.of("content-type", "application/x-www-form-urlencoded",
                "host", VPND.aliyunEndpoint()), body, Instant.now(), "127.0.0.1");
        dialect.handle(request); // warm up: class loading is not the request's cost
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        var response = dialect.handle(request);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        var error = JSON.readTree(response.body());
        assertThat(error.get("Code").asText()).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.get("Message").asText()).contains("server string to sign is:POST&%2F&")
                .contains("more characters not shown");
        assertThat(allocated).as("bytes allocated for a %d-byte body", body.length)
                .isLessThan(MAX_COST_PER_BYTE * body.length);
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() throws Exception {
        byte[] body = largeForm(BodyLimits.RPC.maxBodyBytes() + 3);
        URI aliyun = URI.create(VPND.endpoints().get("aliyun") + "/");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(aliyun)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("Code").asText()).isEqualTo("InvalidParameter");
    }
}
