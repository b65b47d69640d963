package dev.vpnd.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.vpc20160428.models.DescribeVpcsRequest;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vpnd key disable|enable|delete|list} as an operator runs them, against a server the keys
 * sign for through the clouds' own SDKs.
 */
class KeyCommandTest {
    private static final String UNKNOWN_ALIYUN_KEY = "LTAI5tUnknownAccessKey";
    private static final String UNKNOWN_TENCENT_KEY = "AKIDunknownunknownunknownunknown0000";

    @TempDir
    Path dir;
    private Path data;
    private String aliyunId;
    private String aliyunSecret;
    private String tencentId;
    private String tencentSecret;

    @BeforeEach
    void account() throws Exception {
        data = dir.resolve("data");
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
    void aDisabledKeyIsAnsweredAsAnUnknownKeyByEveryDialectUntilEnabled() throws Exception {
        assertThat(CliRun.run(data, "key", "disable", "--account", "team-a", "--id", aliyunId).exit()).isZero();
        assertThat(CliRun.run(data, "key", "disable", "--account", "team-a", "--id", tencentId).exit()).isZero();
        assertThat(CliRun.run(data, "key", "list", "--account", "team-a", "--json").json())
                .extracting(k -> k.path("enabled").asBoolean()).containsOnly(false);

        try (var vpnd = start()) {
            var refused = aliyunFailure(vpnd, aliyunId, aliyunSecret);
            var unknown = aliyunFailure(vpnd, UNKNOWN_ALIYUN_KEY, aliyunSecret);
            assertThat(refused.getCode()).isEqualTo(unknown.getCode()).isEqualTo("InvalidAccessKeyId.NotFound");
            assertThat(refused.getStatusCode()).isEqualTo(unknown.getStatusCode());
            assertThat(refused.getData().get("Message")).isEqualTo(unknown.getData().get("Message"));
            assertThat(tencentFailure(vpnd, tencentId, tencentSecret).getErrorCode())
                    .isEqualTo(tencentFailure(vpnd, UNKNOWN_TENCENT_KEY, tencentSecret).getErrorCode())
                    .isEqualTo("AuthFailure.SecretIdNotFound");

            // A key that was not found is not cached: enabling takes effect at once.
            assertThat(CliRun.run(data, "key", "enable", "--account", "team-a", "--id", aliyunId).exit()).isZero();
            assertThat(CliRun.run(data, "key", "enable", "--account", "team-a", "--id", tencentId).exit()).isZero();
            assertThat(aliyun(vpnd, aliyunId, aliyunSecret).describeVpcs(new DescribeVpcsRequest()
                    .setRegionId("cn-hangzhou")).getBody().getTotalCount()).isZero();
            assertThat(tencent(vpnd, tencentId, tencentSecret).DescribeVpcs(
                    new com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest()).getTotalCount()).isZero();

            // A key found lately is cached for a few seconds: disabling it while the server runs is
            // honoured within that time.
            assertThat(CliRun.run(data, "key", "disable", "--account", "team-a", "--id", aliyunId).exit()).isZero();
            Duration took = untilRefused(() -> aliyun(vpnd, aliyunId, aliyunSecret).describeVpcs(
                    new DescribeVpcsRequest().setRegionId("cn-hangzhou")));
            assertThat(took).isLessThan(Duration.ofSeconds(7));
        }
    }

    @Test
    void aDeletedKeyIsGoneForGood() throws Exception {
        try (var vpnd = start()) {
            assertThat(tencent(vpnd, tencentId, tencentSecret).DescribeVpcs(
                    new com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest()).getTotalCount()).isZero();

            var deleted = CliRun.run(data, "key", "delete", "--account", "team-a", "--id", tencentId);

            assertThat(deleted.exit()).isZero();
            Duration took = untilRefused(() -> tencent(vpnd, tencentId, tencentSecret).DescribeVpcs(
                    new com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest()));
            assertThat(took).isLessThan(Duration.ofSeconds(7));
            assertThat(tencentFailure(vpnd, tencentId, tencentSecret).getErrorCode())
                    .isEqualTo("AuthFailure.SecretIdNotFound");
        }
        assertThat(CliRun.run(data, "key", "list", "--account", "team-a").out()).contains(aliyunId)
                .doesNotContain(tencentId);
        assertThat(CliRun.run(data, "key", "enable", "--account", "team-a", "--id", tencentId).exit()).isEqualTo(1);
    }

    @Test
    void aKeyMadeToHideSecretsKeepsTheOption() throws Exception {
        var created = CliRun.run(data, "key", "create", "--account", "team-a", "--read-only", "--hide-secrets",
                "--json");

        assertThat(created.exit()).isZero();
        assertThat(created.json().path("hideSecrets").asBoolean()).isTrue();
        String id = created.json().path("AccessKeyId").asText();
        var listed = CliRun.run(data, "key", "list", "--account", "team-a", "--json").json();
        assertThat(listed).filteredOn(k -> k.path("id").asText().equals(id)).singleElement().satisfies(k -> {
            assertThat(k.path("hideSecrets").asBoolean()).isTrue();
            assertThat(k.path("readOnly").asBoolean()).isTrue();
        });
        assertThat(listed).filteredOn(k -> k.path("id").asText().equals(aliyunId)).singleElement()
                .satisfies(k -> assertThat(k.path("hideSecrets").asBoolean()).isFalse());
    }

    @Test
    void aKeyPolicyIsCheckedWhenMadeAndListedWithTheKey() throws Exception {
        var created = CliRun.run(data, "key", "create", "--account", "team-a", "--allow",
                "Describe*, CreateVpnConnection", "--region", "cn-shanghai,ap-guangzhou", "--json");
        assertThat(created.exit()).isZero();
        assertThat(created.json().path("policy").path("allow").toString())
                .isEqualTo("[\"Describe*\",\"CreateVpnConnection\"]");
        assertThat(created.json().path("policy").path("regions").toString()).isEqualTo("[\"default\",\"shanghai\"]");
        String id = created.json().path("AccessKeyId").asText();
        assertThat(CliRun.run(data, "key", "list", "--account", "team-a").out())
                .contains(id + "  allow Describe*,CreateVpnConnection in default,shanghai")
                .contains(aliyunId + "  allow *");
        assertThat(CliRun.run(data, "key", "create", "--account", "team-a", "--read-only").out())
                .contains("allow Describe*,List*");

        var unknown = CliRun.run(data, "key", "create", "--account", "team-a", "--allow", "Describe*,Launch*");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("'Launch*' matches no action");
        assertThat(CliRun.run(data, "key", "create", "--account", "team-a", "--allow", "Describe?").err())
                .contains("'Describe?' is not an action pattern");
        assertThat(CliRun.run(data, "key", "create", "--account", "team-a", "--allow", "Describe*",
                "--read-only").err()).contains("--read-only or --allow, not both");
        assertThat(CliRun.run(data, "key", "create", "--account", "team-a", "--resource", "vpn-nosuchgateway").err())
                .contains("the account has no VPN gateway or connection 'vpn-nosuchgateway'");
        assertThat(CliRun.run(data, "key", "create", "--account", "team-a", "--region", "mars-1").err())
                .contains("no region is called 'mars-1'");
        assertThat(CliRun.run(data, "key", "list", "--account", "team-a", "--json").json()).hasSize(4);
    }

    @Test
    void aKeysPolicyIsReplacedWhileTheServerRuns() throws Exception {
        try (var vpnd = start()) {
            var client = aliyun(vpnd, aliyunId, aliyunSecret);
            assertThat(client.describeVpcs(new DescribeVpcsRequest().setRegionId("cn-hangzhou")).getBody()
                    .getTotalCount()).isZero();

            var limited = CliRun.run(data, "key", "policy", "--account", "team-a", "--id", aliyunId, "--allow",
                    "CreateVpc", "--region", "cn-shanghai");
            assertThat(limited.exit()).as(limited.err()).isZero();
            assertThat(limited.out()).contains("key " + aliyunId + " policy: allow CreateVpc in shanghai");
            Instant start = Instant.now();
            TeaException refused = null;
            while (refused == null) {
                refused = catchThrowableOfType(TeaException.class,
                        () -> client.describeVpcs(new DescribeVpcsRequest().setRegionId("cn-hangzhou")));
                assertThat(Duration.between(start, Instant.now())).as("refused within the key cache's time")
                        .isLessThan(Duration.ofSeconds(15));
            }
            assertThat(refused.getCode()).isEqualTo("Forbbiden.SubUser");
            assertThat(CliRun.run(data, "key", "list", "--account", "team-a").out())
                    .contains(aliyunId + "  allow CreateVpc in shanghai");

            var bare = CliRun.run(data, "key", "policy", "--account", "team-a", "--id", aliyunId);
            assertThat(bare.exit()).isEqualTo(2);
            assertThat(bare.err()).contains("--allow '*' for every action");
            assertThat(CliRun.run(data, "key", "list", "--account", "team-a").out())
                    .contains(aliyunId + "  allow CreateVpc in shanghai");
            assertThat(CliRun.run(data, "key", "policy", "--account", "team-a", "--id", aliyunId, "--allow", "*")
                    .exit()).isZero();
            assertThat(CliRun.run(data, "key", "list", "--account", "team-a").out()).contains(aliyunId + "  allow *");
        }
        assertThat(CliRun.run(data, "key", "policy", "--account", "team-a", "--id", "LTAInosuchkey", "--read-only")
                .exit()).isEqualTo(1);
        assertThat(CliRun.run(data, "key", "policy", "--account", "team-a", "--id", aliyunId, "--allow", "Launch*")
                .exit()).isEqualTo(2);
    }

    @Test
    void aKeyIsChangedOnlyThroughItsOwnAccount() {
        assertThat(CliRun.run(data, "account", "create", "team-b").exit()).isZero();

        var wrongAccount = CliRun.run(data, "key", "disable", "--account", "team-b", "--id", aliyunId);
        assertThat(wrongAccount.exit()).isEqualTo(1);
        assertThat(wrongAccount.err()).contains("has no key '" + aliyunId + "'");
        assertThat(CliRun.run(data, "key", "delete", "--account", "team-b", "--id", aliyunId).exit()).isEqualTo(1);
        assertThat(CliRun.run(data, "key", "disable", "--account", "nobody", "--id", aliyunId).err())
                .contains("no account named 'nobody'");
        assertThat(CliRun.run(data, "key", "list", "--account", "team-a").out()).doesNotContain("disabled");
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    /** How long {@code call} kept succeeding before it was refused as an unknown key. */
    private static Duration untilRefused(Call call) throws Exception {
        Instant start = Instant.now();
        while (true) {
            try {
                call.run();
            } catch (TeaException e) {
                assertThat(e.getCode()).isEqualTo("InvalidAccessKeyId.NotFound");
                return Duration.between(start, Instant.now());
            } catch (TencentCloudSDKException e) {
                assertThat(e.getErrorCode()).isEqualTo("AuthFailure.SecretIdNotFound");
                return Duration.between(start, Instant.now());
            }
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
            Thread.sleep(200);
        }
    }

    private static com.aliyun.vpc20160428.Client aliyun(Vpnd vpnd, String id, String secret) throws Exception {
        return new com.aliyun.vpc20160428.Client(new Config().setAccessKeyId(id).setAccessKeySecret(secret)
                .setRegionId("cn-hangzhou").setEndpoint(vpnd.endpoints().get("aliyun").substring("http://".length()))
                .setProtocol("HTTP"));
    }

    private static TeaException aliyunFailure(Vpnd vpnd, String id, String secret) throws Exception {
        var client = aliyun(vpnd, id, secret);
        var e = catchThrowableOfType(TeaException.class,
                () -> client.describeVpcs(new DescribeVpcsRequest().setRegionId("cn-hangzhou")));
        assertThat(e).isNotNull();
        return e;
    }

    private static VpcClient tencent(Vpnd vpnd, String id, String secret) {
        var http = new HttpProfile();
        http.setEndpoint(vpnd.endpoints().get("tencent").substring("http://".length()));
        http.setProtocol(HttpProfile.REQ_HTTP);
        return new VpcClient(new Credential(id, secret), "ap-guangzhou",
                new ClientProfile(ClientProfile.SIGN_TC3_256, http));
    }

    private static TencentCloudSDKException tencentFailure(Vpnd vpnd, String id, String secret) {
        var client = tencent(vpnd, id, secret);
        var e = catchThrowableOfType(TencentCloudSDKException.class,
                () -> client.DescribeVpcs(new com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest()));
        assertThat(e).isNotNull();
        return e;
    }
}
