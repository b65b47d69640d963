package dev.vpnd.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.aliyun.teaopenapi.models.Config;
import com.aliyun.vpc20160428.models.DescribeVpcsRequest;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import dev.vpnd.store.SecretCipher;
import dev.vpnd.store.SecretKeyException;
import dev.vpnd.store.SecretKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key that seals secrets, as an operator meets it: made beside the data directory on first use,
 * the data its owner's alone, {@code vpnd secrets rotate} and {@code reencrypt} moving every secret
 * to a new key while the keys keep signing, and a node given another key refused.
 */
class SecretsCommandTest {
    @TempDir
    Path dir;
    private Path data;
    private Path keyFile;
    private String aliyunId;
    private String aliyunSecret;
    private String tencentId;
    private String tencentSecret;

    @BeforeEach
    void account() throws Exception {
        assumeTrue(System.getenv(SecretKeys.ENVIRONMENT) == null, "the key ring would come from the environment");
        data = dir.resolve("data");
        keyFile = dir.resolve(SecretKeys.DEFAULT_FILE_NAME);
        var created = CliRun.run(data, "account", "create", "team-a", "--json");
        assertThat(created.exit()).isZero();
        aliyunId = created.json().path("aliyun").path("AccessKeyId").asText();
        aliyunSecret = created.json().path("aliyun").path("AccessKeySecret").asText();
        tencentId = created.json().path("tencent").path("SecretId").asText();
        tencentSecret = created.json().path("tencent").path("SecretKey").asText();
    }

    private Vpnd start() throws Exception {
        return Vpnd.start(new ServerConfig(data, null, "127.0.0.1", Map.of(), false, Duration.ZERO));
    }

    @Test
    void theDataAndTheKeyBesideItAreTheOwnersAlone() throws Exception {
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(keyFile)).isEqualTo("rw-------");
        assertThat(mode(data.resolve("vpnd.db"))).isEqualTo("rw-------");
        assertThat(sealedBy("SELECT secret FROM access_keys"))
                .containsOnly(SecretKeys.loadOrCreate(keyFile).cipher().currentKeyId());
        try (var vpnd = start()) {
            assertThat(tencent(vpnd).DescribeVpcs(new com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest())
                    .getTotalCount()).isZero();
            for (String name : List.of("vpnd.db", "vpnd.db-wal", "vpnd.db-shm")) {
                assertThat(mode(data.resolve(name))).as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void rotatingAndReencryptingKeepsEveryKeyWorking() throws Exception {
        String oldId = SecretKeys.loadOrCreate(keyFile).cipher().currentKeyId();

        assertThat(CliRun.run(data, "secrets", "rotate").exit()).isZero();
        var rotated = SecretKeys.loadOrCreate(keyFile).cipher();
        assertThat(rotated.keyIds()).hasSize(2).contains(oldId);
        assertThat(mode(keyFile)).isEqualTo("rw-------");
        var reencrypted = CliRun.run(data, "secrets", "reencrypt", "--drop-older-keys");

        assertThat(reencrypted.exit()).as(reencrypted.err()).isZero();
        assertThat(reencrypted.out()).contains("access_keys.secret: 2 sealed anew",
                "openstack_users.password_hash: 1 sealed anew",
                "every secret is sealed with key " + rotated.currentKeyId());
        assertThat(SecretKeys.loadOrCreate(keyFile).cipher().keyIds()).containsExactly(rotated.currentKeyId());
        assertThat(sealedBy("SELECT secret FROM access_keys")).containsOnly(rotated.currentKeyId());
        assertThat(reencrypted.out()).contains("plain text are refused from now on");
        assertThat(rawValues("SELECT plain_text_refused FROM sealing_key")).containsExactly("1");
        try (var vpnd = start()) {
            assertThat(tencent(vpnd).DescribeVpcs(new com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest())
                    .getTotalCount()).isZero();
            assertThat(aliyun(vpnd).describeVpcs(new DescribeVpcsRequest().setRegionId("cn-hangzhou")).getBody()
                    .getTotalCount()).isZero();
        }
    }

    @Test
    void aServerOrCommandGivenAnotherKeyRefusesTheDatabase() throws Exception {
        Path stranger = dir.resolve("stranger.key");
        String strangerId = SecretCipher.keyId(SecretKeys.loadOrCreate(stranger).keys().getFirst());

        assertThatThrownBy(() -> Vpnd.start(new ServerConfig(data, null, "127.0.0.1", Map.of(), false,
                Duration.ZERO, stranger))).isInstanceOf(SecretKeyException.class).hasMessageContaining(strangerId);
        var refused = CliRun.run(data, "account", "create", "team-b", "--secret-key-file", stranger.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("sealed with key");
        // Bounded: a serve that did start would not return.
        var serve = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.run(data, "serve",
                "--secret-key-file", stranger.toString(), "--aliyun-port", "0", "--tencent-port", "0",
                "--keystone-port", "0", "--neutron-port", "0", "--admin-port", "0"));
        assertThat(serve.exit()).isEqualTo(1);
        assertThat(serve.err()).contains("does not hold");
        assertThat(CliRun.run(data, "account", "list").out()).doesNotContain("team-b");
    }

    private static CliRun serve(Path data, String... options) {
        var arguments = new ArrayList<>(List.of("serve", "--aliyun-port", "0", "--tencent-port", "0",
                "--keystone-port", "0", "--neutron-port", "0", "--admin-port", "0"));
        arguments.addAll(List.of(options));
        // Bounded: a serve that did start would not return.
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.run(data,
                arguments.toArray(String[]::new)));
    }

    /** One line, "vpnd: " and the message: no stack trace. */
    private static void assertOneLine(CliRun run, String start) {
        assertThat(run.exit()).isEqualTo(1);
        var lines = run.err().lines().filter(line -> line.startsWith("vpnd: ")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).startsWith("vpnd: " + start);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aMissingKeyFileIsNotReplacedByANewKey() throws Exception {
        Files.move(keyFile, dir.resolve("kept-elsewhere.key"));
        for (var run : List.of(serve(data), CliRun.run(data, "account", "list"),
                CliRun.run(data, "secrets", "reencrypt"))) {
            assertOneLine(run, "the secrets in the database are sealed with key");
            assertThat(run.err()).contains("expected in " + keyFile.toAbsolutePath());
            assertThat(keyFile).as("no new key made in its place").doesNotExist();
        }
        assertThat(CliRun.run(data, "account", "list", "--secret-key-file",
                dir.resolve("kept-elsewhere.key").toString()).exit()).as("given where it is").isZero();
    }

    @Test
    void aKeyFileThatCannotBeMadeIsOneLineAndExitOne() throws Exception {
        // Where the key file goes holds a link into a plain file: nothing can be written there, root included.
        Path parent = Files.createDirectories(dir.resolve("elsewhere"));
        Path plain = Files.writeString(dir.resolve("plain"), "not a directory");
        Files.createSymbolicLink(parent.resolve(SecretKeys.DEFAULT_FILE_NAME), plain.resolve("key"));
        assertOneLine(serve(parent.resolve("data")), "cannot read the secret key file");
        assertOneLine(CliRun.run(parent.resolve("data"), "account", "list"), "cannot read the secret key file");
    }

    private List<String> rawValues(String sql) throws Exception {
        var values = new ArrayList<String>();
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vpnd.db"));
                var rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private List<String> sealedBy(String sql) throws Exception {
        var ids = new ArrayList<String>();
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vpnd.db"));
                var rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                ids.add(SecretCipher.sealedBy(rs.getString(1)));
            }
        }
        return ids;
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private com.aliyun.vpc20160428.Client aliyun(Vpnd vpnd) throws Exception {
        return new com.aliyun.vpc20160428.Client(new Config().setAccessKeyId(aliyunId).setAccessKeySecret(aliyunSecret)
                .setRegionId("cn-hangzhou").setEndpoint(vpnd.endpoints().get("aliyun").substring("http://".length()))
                .setProtocol("HTTP"));
    }

    private VpcClient tencent(Vpnd vpnd) {
        var http = new HttpProfile();
        http.setEndpoint(vpnd.endpoints().get("tencent").substring("http://".length()));
        http.setProtocol(HttpProfile.REQ_HTTP);
        return new VpcClient(new Credential(tencentId, tencentSecret), "ap-guangzhou",
                new ClientProfile(ClientProfile.SIGN_TC3_256, http));
    }
}
