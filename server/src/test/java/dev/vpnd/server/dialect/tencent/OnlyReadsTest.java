package dev.vpnd.server.dialect.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.http.WireRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which calls the listener may answer on its I/O thread: the action judged is the one Api3Call.parse runs. */
class OnlyReadsTest {
    // Judging a request needs none of the dialect's collaborators.
    private final TencentDialect dialect = new TencentDialect(null, null, null, null, null);

    private static WireRequest request(String path, String query, Map<String, String> headers, String body) {
        return new WireRequest(body.isEmpty() ? "GET" : "POST", path, query, headers,
                body.getBytes(StandardCharsets.UTF_8), Instant.now(), "127.0.0.1");
    }

    private boolean judgedAndParsedAlike(WireRequest request) {
        boolean onlyReads = dialect.onlyReads(request);
        String action = Api3Call.parse(request).action();
        assertThat(onlyReads).isEqualTo(action != null && action.startsWith("Describe"));
        return onlyReads;
    }

    @Test
    void aTc3CallIsJudgedByItsSignedActionHeader() {
        var tc3 = Map.of("authorization", "TC3-HMAC-SHA256 Credential=x", "x-tc-action", "DescribeVpnConnections");
        assertThat(judgedAndParsedAlike(request("/", null, tc3, ""))).isTrue();
        var write = Map.of("authorization", "TC3-HMAC-SHA256 Credential=x", "x-tc-action", "DeleteVpnConnection");
        assertThat(judgedAndParsedAlike(request("/", "Action=DescribeVpnConnections", write, ""))).isFalse();
    }

    @Test
    void aLegacySignedCallIsJudgedByItsQueryNotByAnUnsignedHeader() {
        assertThat(judgedAndParsedAlike(request("/", "Action=DescribeVpnGateways&Version=2017-03-12", Map.of(), "")))
                .isTrue();
        // The header is not what the legacy signature covers, nor what parse reads: DeleteVpc runs.
        assertThat(judgedAndParsedAlike(request("/", "Action=DeleteVpc",
                Map.of("x-tc-action", "DescribeVpcs"), ""))).isFalse();
    }

    @Test
    void aBodyMayNameAnotherActionAndTheLegacyPathOnlyDescribes() {
        assertThat(judgedAndParsedAlike(request("/", "Action=DescribeVpcs", Map.of(), "Action=DeleteVpc"))).isFalse();
        assertThat(judgedAndParsedAlike(request("/", "Action=DeleteVpc", Map.of(), "Action=DescribeVpcs"))).isTrue();
        assertThat(judgedAndParsedAlike(request("/", "Action=DescribeVpcs", Map.of(), "Region=ap-guangzhou")))
                .isTrue();
        assertThat(dialect.onlyReads(request(LegacyPipeline.PATH, "Action=DescribeVpnConn", Map.of(), ""))).isTrue();
        assertThat(dialect.onlyReads(request(LegacyPipeline.PATH, null, Map.of(), "Action=DescribeVpnConn&vpnGwId=1")))
                .isTrue();
        assertThat(dialect.onlyReads(request("/", null, Map.of(), ""))).isFalse();
    }

    @Test
    void aTc3PostIsJudgedByItsHeaderWhateverItsJsonBodySays() {
        var read = Map.of("authorization", "TC3-HMAC-SHA256 Credential=x", "x-tc-action", "DescribeVpnConnections",
                "content-type", "application/json; charset=utf-8");
        assertThat(judgedAndParsedAlike(request("/", null, read, "{\"Action\":\"DeleteVpc\"}"))).isTrue();
        var write = Map.of("authorization", "TC3-HMAC-SHA256 Credential=x", "x-tc-action", "DeleteVpnConnection",
                "content-type", "application/json");
        assertThat(judgedAndParsedAlike(request("/", null, write, "{\"Limit\":20}"))).isFalse();
    }

    @Test
    void aBodyOfAnotherTypeLeavesTheQuerysActionAndAMultipartOneIsNotJudged() {
        var json = Map.of("content-type", "application/json");
        assertThat(judgedAndParsedAlike(request("/", "Action=DescribeVpcs", json, "Action=DeleteVpc"))).isTrue();
        var multipart = Map.of("content-type", "multipart/form-data; boundary=b");
        String body = "--b\r\nContent-Disposition: form-data; name=\"Action\"\r\n\r\nDescribeVpcs\r\n--b--\r\n";
        assertThat(Api3Call.parse(request("/", null, multipart, body)).action()).isEqualTo("DescribeVpcs");
        assertThat(dialect.onlyReads(request("/", null, multipart, body))).isFalse();
    }
}
