package dev.vpnd.server.conformance.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.ListenerSettings;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import dev.vpnd.server.http.ConnectionLimits;
import dev.vpnd.server.http.TlsSource;
import dev.vpnd.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code openstack} CLI over HTTPS: Keystone and Neutron served with the self-signed certificate
 * {@code serve --tls-self-signed} makes, the CLI told to trust it with {@code OS_CACERT} (so the
 * certificate is verified, not ignored), and refusing the server without it.
 */
class OpenStackCliHttpsTest {
    @TempDir
    static Path dataDir;
    private static TestDatabase database;
    private static Vpnd vpnd;
    private static Path home;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        OpenStackTools.require();
        database = TestDatabase.create(dataDir);
        var tls = new TlsSource.SelfSigned(dataDir, List.of("localhost", "127.0.0.1", "::1"));
        var limits = new ConnectionLimits(64, Duration.ofSeconds(10), Duration.ofSeconds(30));
        vpnd = Vpnd.start(new ServerConfig(dataDir, database.url(), "127.0.0.1", Map.of(), true, Duration.ZERO,
                new ListenerSettings(ListenerSettings.LOOPBACK, limits, tls, null)));
        home = Files.createDirectories(dataDir.resolve("cli-home"));
    }

    @AfterAll
    static void stop() throws Exception {
        vpnd.close();
        database.close();
    }

    private static OpenStackTools.Result demo(boolean trustTheCertificate, String... args) {
        var env = new HashMap<>(Map.of("HOME", home.toString(), "OS_AUTH_URL", vpnd.endpoints().get("keystone") + "/v3",
                "OS_IDENTITY_API_VERSION", "3", "OS_USERNAME", "demo", "OS_PASSWORD", "demo", "OS_PROJECT_NAME", "demo",
                "OS_USER_DOMAIN_NAME", "Default", "OS_PROJECT_DOMAIN_NAME", "Default"));
        if (trustTheCertificate) {
            env.put("OS_CACERT", dataDir.resolve("tls-self-signed-cert.pem").toString());
        }
        return OpenStackTools.run(List.of(args), env, home, 120);
    }

    @Test
    void theCliWorksOverHttpsWhenItTrustsTheCertificate() throws Exception {
        assertThat(vpnd.endpoints().get("keystone")).startsWith("https://");
        var created = demo(true, "openstack", "vpn", "ike", "policy", "create", "ike-tls", "-f", "json");
        assertThat(created.exit()).as(created.stderr()).isZero();
        assertThat(JSON.readTree(created.stdout()).path("Name").asText()).isEqualTo("ike-tls");

        var listed = demo(true, "openstack", "vpn", "ike", "policy", "list", "-f", "json");
        assertThat(listed.exit()).as(listed.stderr()).isZero();
        JsonNode policies = JSON.readTree(listed.stdout());
        assertThat(policies.findValuesAsText("Name")).contains("ike-tls");
    }

    @Test
    void theCliRefusesTheServerWithoutTheCertificate() {
        var refused = demo(false, "openstack", "vpn", "ike", "policy", "list", "-f", "json");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.stderr()).containsIgnoringCase("certificate");
    }
}
