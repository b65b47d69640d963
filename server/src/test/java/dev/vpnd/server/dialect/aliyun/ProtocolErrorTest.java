package dev.vpnd.server.dialect.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.RunningVpnd;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests refused before any action runs still get Alibaba's error body, never a bare HTTP page. */
class ProtocolErrorTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    @Test
    void aBodyTooLargeIsAnAlibabaError() throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(VPND.endpoints().get("aliyun") + "/"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[9 * 1024 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type")).contains(AliyunRenderer.JSON_TYPE);
        var body = new ObjectMapper().readTree(response.body());
        assertThat(body.get("Code").asText()).isEqualTo("InvalidParameter");
        assertThat(body.get("RequestId").asText()).isNotEmpty();
        assertThat(body.has("HostId")).isTrue();
    }

    @Test
    void noActionIsMissingAction() throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(VPND.endpoints().get("aliyun") + "/?RegionId=cn-hangzhou"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(response.body()).get("Code").asText()).isEqualTo("MissingAction");
    }
}
