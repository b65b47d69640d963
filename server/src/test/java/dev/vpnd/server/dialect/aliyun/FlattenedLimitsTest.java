package dev.vpnd.server.dialect.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.WireFault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Flattened RPC parameters ({@code Tag.N.Key}, {@code TunnelOptionsSpecification.N.…}) within bounds, refused beyond
 * them.
 */
class FlattenedLimitsTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static WireFault refused(Map<String, String> values, String prefix) {
        var fault = catchThrowableOfType(WireFault.class, () -> new RpcParams(values).list(prefix));
        assertThat(fault).as("refused").isNotNull();
        assertThat(fault.code()).isEqualTo("InvalidParameter");
        return fault;
    }

    @Test
    void listIndicesRunFromOneToAThousand() {
        assertThat(new RpcParams(Map.of("Tag.1000.Key", "k", "Tag.3.Key", "j")).list("Tag"))
                .containsExactly(Map.of("Key", "j"), Map.of("Key", "k"));
        refused(Map.of("Tag.1001.Key", "k"), "Tag");
        refused(Map.of("Tag.0.Key", "k"), "Tag");
        refused(Map.of("Tag.+1.Key", "k"), "Tag");
        refused(Map.of("Tag.99999999999.Key", "k"), "Tag");
    }

    @Test
    void namesHaveAtMostSixSegments() {
        assertThat(new RpcParams(Map.of("TunnelOptionsSpecification.1.TunnelIkeConfig.A.B.C", "x"))
                .list("TunnelOptionsSpecification")).containsExactly(Map.of("TunnelIkeConfig.A.B.C", "x"));
        refused(Map.of("TunnelOptionsSpecification.1.TunnelIkeConfig.A.B.C.D", "x"), "TunnelOptionsSpecification");
    }

    @Test
    void tooManyFieldsIsAnInvalidParameterNotAServerError() throws Exception {
        String form = "Tag.1.Key=k&".repeat(1000) + "x=1";
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(VPND.endpoints().get("aliyun") + "/?Action=DescribeVpcs"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(response.body()).get("Code").asText()).isEqualTo("InvalidParameter");
    }
}
