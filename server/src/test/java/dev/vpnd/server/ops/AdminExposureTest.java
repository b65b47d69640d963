package dev.vpnd.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.ListenerSettings;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import dev.vpnd.server.http.ConnectionLimits;
import dev.vpnd.server.http.TlsSource;
import dev.vpnd.store.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin listener binds its own address, loopback by default, whatever address the APIs bind;
 * with a token, {@code /metrics} answers only requests that bear it, while the probes stay open.
 */
class AdminExposureTest {
    /** Another loopback address, standing in for the network address an operator gives --host. */
    private static final String API_HOST = "127.0.0.2";
    private static final String TOKEN = "scrape-0123456789";

    @TempDir
    static Path dataDir;
    private static TestDatabase database;
    private static Vpnd vpnd;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.create(dataDir);
        vpnd = Vpnd.start(new ServerConfig(dataDir, database.url(), API_HOST, Map.of(), false, Duration.ZERO,
                new ListenerSettings(ListenerSettings.LOOPBACK, ConnectionLimits.DEFAULT, TlsSource.OFF, TOKEN)));
    }

    @AfterAll
    static void stop() throws Exception {
        vpnd.close();
        database.close();
    }

    private static HttpResponse<String> admin(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(vpnd.endpoints().get("admin") + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAdminListenerStaysOnLoopback() {
        assertThat(vpnd.endpoints().get("admin")).startsWith("http://127.0.0.1:");
        assertThat(vpnd.endpoints())
                .hasEntrySatisfying("aliyun", url -> assertThat(url).startsWith("http://" + API_HOST));
        assertThat(vpnd.endpoints())
                .hasEntrySatisfying("neutron", url -> assertThat(url).startsWith("http://" + API_HOST));
    }

    @Test
    void metricsNeedTheToken() throws Exception {
        var anonymous = admin("/metrics", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"vpnd metrics\"");
        assertThat(anonymous.body()).doesNotContain("vpnd_");
        assertThat(admin("/metrics", "Bearer " + TOKEN.substring(1)).statusCode()).isEqualTo(401);
        assertThat(admin("/metrics", "Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(admin("/metrics", TOKEN).statusCode()).isEqualTo(401);

        var scraped = admin("/metrics", "Bearer " + TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");

        assertThat(admin("/healthz", null).statusCode()).isEqualTo(200);
        assertThat(admin("/readyz", null).statusCode()).isEqualTo(200);
    }
}
