package dev.vpnd.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.RunningVpnd;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Request lines and headers that Jetty's parser rejects get each dialect's own 400, as a client
 * error in that dialect's format, never a 500 and never a server error in the log.
 */
class MalformedRequestTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void release() {
        root().detachAppender(logged);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static RawHttp.Answer send(String listener, String request) throws Exception {
        try (var socket = RawHttp.connect(VPND.endpoints().get(listener))) {
            return RawHttp.exchange(socket, request, Duration.ofSeconds(10));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip, chunked, br\r\n\r\n"})
    void eachDialectAnswersWithItsOwnBadRequest(String request) throws Exception {
        var aliyun = send("aliyun", request);
        assertThat(aliyun.status()).isEqualTo(400);
        JsonNode aliyunBody = JSON.readTree(aliyun.body());
        assertThat(aliyunBody.get("Code").asText()).isEqualTo("InvalidParameter");
        assertThat(aliyunBody.get("RequestId").asText()).isNotEmpty();
        assertThat(aliyunBody.has("HostId")).isTrue();

        // Tencent answers every error with HTTP 200 and the error in the body.
        var tencent = send("tencent", request);
        assertThat(tencent.status()).isEqualTo(200);
        JsonNode tencentError = JSON.readTree(tencent.body()).path("Response");
        assertThat(tencentError.path("Error").path("Code").asText()).isEqualTo("InvalidParameter");
        assertThat(tencentError.path("RequestId").asText()).isNotEmpty();

        var keystone = send("keystone", request);
        assertThat(keystone.status()).isEqualTo(400);
        JsonNode keystoneError = JSON.readTree(keystone.body()).path("error");
        assertThat(keystoneError.path("code").asInt()).isEqualTo(400);
        assertThat(keystoneError.path("title").asText()).isEqualTo("Bad Request");

        var neutron = send("neutron", request);
        assertThat(neutron.status()).isEqualTo(400);
        assertThat(JSON.readTree(neutron.body()).path("NeutronError").path("type").asText())
                .isEqualTo("HTTPBadRequest");

        var admin = send("admin", request);
        assertThat(admin.status()).isEqualTo(400);
        assertThat(admin.head()).contains("text/plain");

        assertThat(logged.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }
}
