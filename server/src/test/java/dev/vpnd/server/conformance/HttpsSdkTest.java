package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.models.Config;
import com.aliyun.vpc20160428.models.DescribeRegionsRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.clients.ApacheHttpClient;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.vpc.model.v20160428.DescribeVpnGatewaysRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpnConnectionsRequest;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.ListenerSettings;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import dev.vpnd.server.http.ConnectionLimits;
import dev.vpnd.server.http.RawHttp;
import dev.vpnd.server.http.TlsSource;
import dev.vpnd.server.security.KeyStyle;
import dev.vpnd.store.TestDatabase;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every listener over HTTPS with the self-signed certificate {@code serve --tls-self-signed} makes,
 * and each client family making a real call through it, trusting that one certificate (so names and
 * chain are checked as for any server, not switched off).
 */
class HttpsSdkTest {
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);
    private static final char[] TRUST_PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dataDir;
    private static TestDatabase database;
    private static Vpnd vpnd;
    private static X509TrustManager trust;
    private static SSLContext trustingContext;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.create(dataDir);
        var tls = new TlsSource.SelfSigned(dataDir, List.of("localhost", "127.0.0.1", "::1"));
        var limits = new ConnectionLimits(64, HEADER_TIMEOUT, Duration.ofSeconds(30));
        vpnd = Vpnd.start(new ServerConfig(dataDir, database.url(), "127.0.0.1", Map.of(), true, Duration.ZERO,
                new ListenerSettings(ListenerSettings.LOOPBACK, limits, tls, null)));
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore());
        trust = (X509TrustManager) factory.getTrustManagers()[0];
        trustingContext = SSLContext.getInstance("TLS");
        trustingContext.init(null, new X509TrustManager[] {trust}, null);
    }

    @AfterAll
    static void stop() throws Exception {
        vpnd.close();
        database.close();
    }

    /** The certificate a client is told to trust: the file vpnd kept, as an operator would hand it out. */
    private static KeyStore trustStore() throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, TRUST_PASSWORD);
        var certificate = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(dataDir.resolve("tls-self-signed-cert.pem")));
        store.setCertificateEntry("vpnd", certificate);
        return store;
    }

    private static String hostPort(String listener) {
        return URI.create(vpnd.endpoints().get(listener)).getAuthority();
    }

    @Test
    void everyListenerIsHttps() {
        assertThat(vpnd.endpoints()).allSatisfy((name, url) -> assertThat(url).startsWith("https://127.0.0.1:"));
        assertThat(vpnd.tls()).hasValueSatisfying(identity -> assertThat(identity.fingerprint()).hasSize(95));
    }

    @Test
    void endpointsJsonNamesHttpsUrls() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, String> written = new ObjectMapper()
                .readValue(dataDir.resolve("endpoints.json").toFile(), Map.class);
        assertThat(written).isEqualTo(vpnd.endpoints());
    }

    @Test
    void alibabasNewSdk() throws Exception {
        // The new SDK takes no trust store of its own: it trusts what the JVM's default trust store holds.
        Path store = dataDir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(store)) {
            trustStore().store(out, TRUST_PASSWORD);
        }
        var saved = new java.util.HashMap<String, String>();
        for (String property : List.of("javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword",
                "javax.net.ssl.trustStoreType")) {
            saved.put(property, System.getProperty(property));
        }
        System.setProperty("javax.net.ssl.trustStore", store.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", new String(TRUST_PASSWORD));
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        try {
            var client = new com.aliyun.vpc20160428.Client(new Config().setAccessKeyId(AccountService.DEMO_KEY_ID)
                    .setAccessKeySecret(AccountService.DEMO_KEY_SECRET).setRegionId(AliyunClients.REGION)
                    .setEndpoint(hostPort("aliyun")).setProtocol("HTTPS"));
            var regions = client.describeRegions(new DescribeRegionsRequest()).getBody();
            assertThat(regions.getRegions().getRegion()).isNotEmpty();
        } finally {
            saved.forEach((property, value) -> {
                if (value == null) {
                    System.clearProperty(property);
                } else {
                    System.setProperty(property, value);
                }
            });
        }
    }

    @Test
    void alibabasOldSdk() throws Exception {
        // The SDK keeps one Apache client per JVM, configured by the first DefaultAcsClient built; closed,
        // the next one built takes this profile's trust managers.
        ApacheHttpClient.getInstance().close();
        var profile = DefaultProfile.getProfile(AliyunClients.REGION, AccountService.DEMO_KEY_ID,
                AccountService.DEMO_KEY_SECRET);
        var http = HttpClientConfig.getDefault();
        http.setX509TrustManagers(new X509TrustManager[] {trust});
        profile.setHttpClientConfig(http);
        var client = new DefaultAcsClient(profile);
        var request = new DescribeVpnGatewaysRequest();
        request.setSysEndpoint(hostPort("aliyun"));
        request.setSysProtocol(ProtocolType.HTTPS);
        var gateways = client.getAcsResponse(request);
        assertThat(gateways.getRequestId()).isNotBlank();
        assertThat(gateways.getTotalCount()).isNotNegative();
        client.shutdown(); // and the next test's client gets the default trust again
    }

    @Test
    void tencentsSdk() throws Exception {
        var http = new HttpProfile();
        http.setEndpoint(hostPort("tencent"));
        http.setProtocol(HttpProfile.REQ_HTTPS);
        http.setSslSocketFactory(trustingContext.getSocketFactory());
        http.setX509TrustManager(trust);
        var client = new VpcClient(new Credential(KeyStyle.DEMO_TENCENT_SECRET_ID,
                KeyStyle.DEMO_TENCENT_SECRET_KEY), "ap-guangzhou", new ClientProfile(ClientProfile.SIGN_TC3_256,
                http));
        var page = client.DescribeVpnConnections(new DescribeVpnConnectionsRequest());
        assertThat(page.getRequestId()).isNotBlank();
        assertThat(page.getTotalCount()).isNotNegative();
    }

    @Test
    void keystonesCatalogNamesHttpsNeutron() throws Exception {
        var client = HttpClient.newBuilder().sslContext(trustingContext).build();
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo\","
                + "\"domain\":{\"name\":\"Default\"},\"password\":\"demo\"}}},"
                + "\"scope\":{\"project\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"}}}}}";
        URI tokens = URI.create(vpnd.endpoints().get("keystone") + "/v3/auth/tokens");
        var response = client.send(HttpRequest.newBuilder(tokens)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        var catalog = new ObjectMapper().readTree(response.body()).path("token").path("catalog");
        assertThat(catalog.findValuesAsText("url")).isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith("https://127.0.0.1:"))
                .contains(vpnd.endpoints().get("neutron"));
        var health = client.send(HttpRequest.newBuilder(URI.create(vpnd.endpoints().get("admin") + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    /** Links Neutron writes (its version's self link, a page's next link) point back at the HTTPS port. */
    @Test
    void neutronLinksStayOnHttps() throws Exception {
        var client = HttpClient.newBuilder().sslContext(trustingContext).build();
        var versions = client.send(HttpRequest.newBuilder(URI.create(vpnd.endpoints().get("neutron") + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(versions.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(versions.body()).at("/versions/0/links/0/href").asText())
                .isEqualTo(vpnd.endpoints().get("neutron") + "/v2.0/");
    }

    @Test
    void aHandshakeThatNeverComesIsCut() throws Exception {
        try (var socket = RawHttp.connect(vpnd.endpoints().get("aliyun").replace("https://", "http://"))) {
            assertThat(RawHttp.closedByServer(socket, HEADER_TIMEOUT.plusSeconds(3))).isTrue();
        }
    }
}
