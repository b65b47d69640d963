package dev.vpnd.server.dialect.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.http.WireRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which calls the listener may answer on its I/O thread: Describe and List actions, named where RpcCall finds them. */
class OnlyReadsTest {
    // Judging a request needs none of the dialect's collaborators.
    private final AliyunDialect dialect = new AliyunDialect(null, null, null, null, null);

    private static WireRequest request(String query, Map<String, String> headers, String body) {
        return new WireRequest("POST", "/", query, headers, body.getBytes(StandardCharsets.UTF_8), Instant.now(),
                "127.0.0.1");
    }

    @Test
    void describeAndListActionsInTheQueryOnlyRead() {
        assertThat(dialect.onlyReads(request("Action=DescribeVpnConnections&RegionId=cn-hangzhou", Map.of(), "")))
                .isTrue();
        assertThat(dialect.onlyReads(request("Action=ListTagResources", Map.of(), ""))).isTrue();
        assertThat(dialect.onlyReads(request("Action=CreateVpnConnection", Map.of(), ""))).isFalse();
    }

    @Test
    void theV3HeaderNamesTheActionWhenTheQueryDoesNot() {
        assertThat(dialect.onlyReads(request(null, Map.of("x-acs-action", "DescribeVpnGateways"), ""))).isTrue();
        assertThat(dialect.onlyReads(request("Action=", Map.of("x-acs-action", "DeleteVpc"), ""))).isFalse();
        // The query's action comes first, as RpcCall reads it.
        assertThat(dialect.onlyReads(request("Action=DeleteVpc", Map.of("x-acs-action", "DescribeVpcs"), "")))
                .isFalse();
    }

    @Test
    void aBodyMayNameAnotherActionSoItIsNeverJudgedAReadAndNeitherIsAnUnnamedCall() {
        assertThat(dialect.onlyReads(request("Action=DescribeVpcs", Map.of(), "Action=DeleteVpc"))).isFalse();
        assertThat(dialect.onlyReads(request(null, Map.of(), ""))).isFalse();
        assertThat(dialect.onlyReads(request("Action=Describe%zz", Map.of(), ""))).isFalse();
    }
}
