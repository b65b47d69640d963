package dev.vpnd.server.dialect.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import dev.vpnd.store.TestDatabase;
import java.util.Map;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signed request answered by one node is refused by another node on the same database. */
class ReplayAcrossNodesTest {
    @TempDir
    Path dir;

    @Test
    void aNonceSpentOnOneNodeIsUsedUpOnTheOther() throws Exception {
        assumeTrue(TestDatabase.postgres(), "several nodes share a PostgreSQL database");
        try (var database = TestDatabase.create(dir);
                var nodeA = Vpnd.start(config(dir.resolve("a"), database.url()));
                var nodeB = Vpnd.start(config(dir.resolve("b"), database.url()))) {
            var params = new LinkedHashMap<String, String>();
            params.put("Action", "DescribeRegions");
            params.put("Version", "2016-04-28");
            params.put("Format", "JSON");
            params.put("AccessKeyId", AccountService.DEMO_KEY_ID);
            params.put("SignatureMethod", "HMAC-SHA1");
            params.put("SignatureVersion", "1.0");
            params.put("SignatureNonce", UUID.randomUUID().toString());
            params.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            params.put("Signature", RpcSignatureV1.signature(AccountService.DEMO_KEY_SECRET,
                    RpcSignatureV1.stringToSign("POST", RpcSignatureV1.canonicalizedQueryString(params, false))));
            String query = params.entrySet().stream()
                    .map(e -> PercentEncoding.encode(e.getKey()) + "=" + PercentEncoding.encode(e.getValue()))
                    .collect(Collectors.joining("&"));

            var http = HttpClient.newHttpClient();
            var first = http.send(HttpRequest.newBuilder(URI.create(nodeA.endpoints().get("aliyun") + "/?" + query))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            var replay = http.send(HttpRequest.newBuilder(URI.create(nodeB.endpoints().get("aliyun") + "/?" + query))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(replay.statusCode()).isEqualTo(400);
            assertThat(new ObjectMapper().readTree(replay.body()).get("Code").asText()).isEqualTo("SignatureNonceUsed");
        }
    }

    private static ServerConfig config(Path dataDir, String databaseUrl) {
        return new ServerConfig(dataDir, databaseUrl, "127.0.0.1", Map.of(), true, Duration.ZERO);
    }
}
