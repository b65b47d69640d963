package dev.vpnd.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.RunningVpnd;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signature errors show the server's string to sign, whole for an ordinary request, but a large
 * badly signed request cannot buy an answer larger than a few KB.
 */
class ErrorEchoTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Characters that percent-encoding triples, twice over for Alibaba's string to sign, in a body
     * just under the 1 MiB the listeners of both dialects take.
     */
    private static final String LARGE = "%2F".repeat(300_000);
    private static final int ANSWER_BOUND = 16 * 1024;

    private static HttpResponse<String> post(String url, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String aliyunForm(String description) {
        String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .atOffset(ZoneOffset.UTC));
        return "Action=CreateVpc&Version=2016-04-28&RegionId=cn-hangzhou&Format=JSON&AccessKeyId="
                + AccountService.DEMO_KEY_ID + "&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce="
                + System.nanoTime() + "&Timestamp=" + now + "&Description=" + description
                + "&Signature=bm90IGEgc2lnbmF0dXJl";
    }

    @Test
    void alibabaEchoesAnOrdinaryStringToSignWholeAndALargeOneCut() throws Exception {
        var small = post(VPND.endpoints().get("aliyun") + "/", aliyunForm("small"));
        JsonNode smallError = JSON.readTree(small.body());
        assertThat(smallError.get("Code").asText()).isEqualTo("SignatureDoesNotMatch");
        assertThat(smallError.get("Message").asText()).contains("server string to sign is:POST&%2F&")
                .endsWith("Version%3D2016-04-28");

        var large = post(VPND.endpoints().get("aliyun") + "/", aliyunForm(LARGE));
        assertThat(JSON.readTree(large.body()).get("Code").asText()).isEqualTo("SignatureDoesNotMatch");
        assertThat(large.body().length()).isLessThan(ANSWER_BOUND);
    }

    @Test
    void tencentLegacySignatureErrorsAreBoundedOnBothPaths() throws Exception {
        String form = "Action=DescribeVpnConn&Version=2017-03-12&Region=gz&SecretId="
                + KeyStyle.DEMO_TENCENT_SECRET_ID + "&Timestamp=" + Instant.now().getEpochSecond()
                + "&Nonce=12345&vpnConnName=" + LARGE + "&Signature=bm90IGEgc2lnbmF0dXJl";
        String base = "http://" + VPND.tencentEndpoint();
        var api3 = post(base + "/", form);
        assertThat(JSON.readTree(api3.body()).at("/Response/Error/Code").asText())
                .isEqualTo("AuthFailure.SignatureFailure");
        assertThat(api3.body().length()).isLessThan(ANSWER_BOUND);
        var v2 = post(base + "/v2/index.php", form);
        assertThat(JSON.readTree(v2.body()).get("code").asInt()).isEqualTo(4100);
        assertThat(v2.body().length()).isLessThan(ANSWER_BOUND);
    }

    @Test
    void aLongEchoKeepsItsStartAndSaysHowMuchWasLeftOut() {
        assertThat(BoundedEcho.of("x".repeat(BoundedEcho.MAX_CHARS))).hasSize(BoundedEcho.MAX_CHARS);
        String cut = BoundedEcho.of("y".repeat(BoundedEcho.MAX_CHARS + 10));
        assertThat(cut).startsWith("y".repeat(BoundedEcho.MAX_CHARS)).endsWith("[10 more characters not shown]");
        // A surrogate pair straddling the bound is left out whole.
        String pair = BoundedEcho.of("z".repeat(BoundedEcho.MAX_CHARS - 1) + "\uD83D\uDE00" + "z");
        assertThat(pair).startsWith("z".repeat(BoundedEcho.MAX_CHARS - 1) + "…");
    }
}
