package dev.vpnd.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code vpnd account create} and {@code vpnd key create} as an operator runs them: the keys they
 * print sign requests to a server started on the same data afterwards.
 */
class AccountCommandTest {
    @TempDir
    Path data;

    private JsonNode run(String... args) throws Exception {
        var out = new ByteArrayOutputStream();
        var previous = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new Main()).execute(args)).isZero();
        } finally {
            System.setOut(previous);
        }
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anAccountGetsAnAlibabaAndATencentKeyThatSign() throws Exception {
        var created = run("account", "create", "team-a", "--json", "--data", data.toString());
        assertThat(created.path("account").asText()).isEqualTo("team-a");
        assertThat(created.path("aliyun").path("AccessKeyId").asText()).matches("LTAI[A-Za-z0-9]{20}");
        assertThat(created.path("aliyun").path("AccessKeySecret").asText()).hasSize(30);
        String secretId = created.path("tencent").path("SecretId").asText();
        String secretKey = created.path("tencent").path("SecretKey").asText();
        assertThat(secretId).matches("AKID[A-Za-z0-9]{32}");
        assertThat(secretKey).hasSize(32);
        var extra = run("key", "create", "--account", "team-a", "--style", "tencent", "--json", "--data",
                data.toString());
        assertThat(extra.path("SecretId").asText()).startsWith("AKID");

        try (var vpnd = Vpnd.start(new ServerConfig(data, null, "127.0.0.1", Map.of(), false, Duration.ZERO))) {
            for (var key : new String[][] {{secretId, secretKey},
                    {extra.path("SecretId").asText(), extra.path("SecretKey").asText()}}) {
                var http = new HttpProfile();
                http.setEndpoint(vpnd.endpoints().get("tencent").substring("http://".length()));
                http.setProtocol(HttpProfile.REQ_HTTP);
                var client = new VpcClient(new Credential(key[0], key[1]), "ap-guangzhou",
                        new ClientProfile(ClientProfile.SIGN_TC3_256, http));
                assertThat(client.DescribeVpcs(new DescribeVpcsRequest()).getTotalCount()).isZero();
            }
        }
    }
}
