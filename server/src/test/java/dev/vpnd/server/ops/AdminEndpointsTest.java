package dev.vpnd.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.vpc20160428.models.DescribeRegionsRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.teaopenapi.models.Config;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.RunningVpnd;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's endpoints: liveness, readiness, and Prometheus metrics of real SDK traffic. */
class AdminEndpointsTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(VPND.endpoints().get("admin") + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAndReadiness() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        var ready = get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ready\n");
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void metricsCountRequestsByDialectActionAndOutcome() throws Exception {
        var client = new com.aliyun.vpc20160428.Client(new Config().setAccessKeyId(AccountService.DEMO_KEY_ID)
                .setAccessKeySecret(AccountService.DEMO_KEY_SECRET).setRegionId("cn-hangzhou")
                .setEndpoint(VPND.aliyunEndpoint()).setProtocol("HTTP"));
        client.describeRegions(new DescribeRegionsRequest());
        try {
            client.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId("cn-hangzhou")
                    .setVpnConnectionId("vco-nothing"));
        } catch (com.aliyun.tea.TeaException expected) {
            // counted as its error code
        }
        var metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(metrics.body())
                .containsPattern("vpnd_requests_seconds_count\\{[^}]*action=\"DescribeRegions\"[^}]*dialect=\"aliyun\""
                        + "[^}]*outcome=\"ok\"[^}]*} 1")
                .containsPattern("vpnd_requests_seconds_count\\{[^}]*action=\"DescribeVpnConnection\"[^}]*"
                        + "outcome=\"InvalidVpnConnectionInstanceId.NotFound\"[^}]*} 1")
                .contains("vpnd_requests_seconds_bucket")
                .containsPattern("vpnd_store_transactions_seconds_count\\{[^}]*kind=\"read\"")
                .contains("jvm_memory_used_bytes");
    }
}
