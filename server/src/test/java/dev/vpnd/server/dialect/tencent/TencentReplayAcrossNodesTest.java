package dev.vpnd.server.dialect.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import dev.vpnd.store.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TC3 signature spent on one node is spent on every node of the same database. */
class TencentReplayAcrossNodesTest {
    @TempDir
    Path dir;

    @Test
    void aTc3SignatureSpentOnOneNodeIsRefusedByTheOther() throws Exception {
        assumeTrue(TestDatabase.postgres(), "several nodes share a PostgreSQL database");
        try (var database = TestDatabase.create(dir);
                var nodeA = Vpnd.start(config(dir.resolve("a"), database.url()));
                var nodeB = Vpnd.start(config(dir.resolve("b"), database.url()))) {
            long timestamp = Instant.now().getEpochSecond();
            // Signed for the host without its port, as the Node SDK signs, which both nodes accept.
            var http = HttpClient.newHttpClient();
            var first = http.send(TencentReplayTest.tc3("127.0.0.1", "DescribeVpcs", "ap-guangzhou", "{}", timestamp)
                    .uri(URI.create(nodeA.endpoints().get("tencent") + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // Later than the signer's own repeats may come after the first acceptance, on node A.
            Thread.sleep(TencentAuthenticator.TC3_REUSE_GRACE.plusSeconds(1).toMillis());
            var replay = http.send(TencentReplayTest.tc3("127.0.0.1", "DescribeVpcs", "ap-guangzhou", "{}", timestamp)
                    .uri(URI.create(nodeB.endpoints().get("tencent") + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var json = new ObjectMapper();
            assertThat(json.readTree(first.body()).path("Response").has("TotalCount")).isTrue();
            assertThat(json.readTree(replay.body()).at("/Response/Error/Code").asText())
                    .isEqualTo("AuthFailure.SignatureExpire");
        }
    }

    private static ServerConfig config(Path dataDir, String databaseUrl) {
        return new ServerConfig(dataDir, databaseUrl, "127.0.0.1", Map.of(), true, Duration.ZERO);
    }
}
