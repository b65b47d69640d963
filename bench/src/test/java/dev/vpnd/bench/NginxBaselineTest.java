package dev.vpnd.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NginxBaselineTest {
    @Test
    void theConfigurationKeepsEverythingUnderItsPrefixAndOnLoopback() {
        String config = NginxBaseline.config(Path.of("/tmp/p"), 4321, "application/json");
        assertThat(config).contains("listen 127.0.0.1:4321;", "root /tmp/p/www;", "pid /tmp/p/nginx.pid;",
                "access_log off;", "default_type application/json;", "daemon off;");
        assertThat(config.lines().filter(l -> l.matches(".*\\s/.*") && !l.contains(" /tmp/p/"))).isEmpty();
    }

    @Test
    void servesTheAnswerItWasGivenAndLeavesNothingBehind() throws Exception {
        var nginx = NginxBaseline.find();
        assumeTrue(nginx.isPresent(), "nginx is not installed (apt-get install nginx-light)");
        byte[] answer = "{\"TotalCount\":7}".getBytes(StandardCharsets.UTF_8);
        Path prefix;
        try (var baseline = NginxBaseline.start(nginx.get(), answer, "application/json", List.of())) {
            var scenario = baseline.scenario("static");
            var call = scenario.live().get();
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(scenario.endpoint()
                    .resolve(call.target())).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(answer);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(baseline.cpuNanos()).isNotNegative();
            prefix = baseline.prefix();
        }
        assertThat(Files.exists(prefix)).isFalse();
    }
}
