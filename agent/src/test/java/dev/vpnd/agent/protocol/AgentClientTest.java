package dev.vpnd.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a small server that answers as the spec says and records what it was sent. */
class AgentClientTest {
    private static final String TOKEN = "at-0123456789abcdef.secretpart";

    private HttpServer server;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private volatile int planStatus = 200;
    private volatile byte[] planBody = AgentJson.encode(AgentJsonTest.plan());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/agent/hello", exchange -> {
            if (!authorized(exchange)) {
                return;
            }
            seen.put("hello", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            seen.put("hello content type", exchange.getRequestHeaders().getFirst("Content-Type"));
            answer(exchange, 200, AgentJson.encode(new HelloAnswer(List.of("gw-1"), 25, 10, 30)));
        });
        server.createContext("/v1/agent/plan", exchange -> {
            if (!authorized(exchange)) {
                return;
            }
            seen.put("plan query", exchange.getRequestURI().getRawQuery());
            answer(exchange, planStatus, planStatus == 204 ? new byte[0] : planBody);
        });
        server.createContext("/v1/agent/report", exchange -> {
            if (!authorized(exchange)) {
                return;
            }
            seen.put("report", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 204, new byte[0]);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        if (("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        answer(exchange, 401, "{\"error\": \"unauthorized\"}".getBytes(StandardCharsets.UTF_8));
        return false;
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : body.length);
        if (status != 204) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Test
    void helloPlanAndReportCarryTheTokenAndTheDocumentedBodies() throws Exception {
        var client = new AgentClient(url(), TOKEN);
        var answer = client.hello(new Hello("203.0.113.7", "vpnd-agent 0.1.0", "charon 5.9.8"));
        assertThat(answer).isEqualTo(new HelloAnswer(List.of("gw-1"), 25, 10, 30));
        assertThat(seen.get("hello")).contains("\"publicAddress\":\"203.0.113.7\"");
        assertThat(seen.get("hello content type")).isEqualTo("application/json");

        assertThat(client.plan(41, Duration.ofSeconds(25))).contains(AgentJsonTest.plan());
        assertThat(seen.get("plan query")).isEqualTo("after=41&wait=25");
        planStatus = 204;
        assertThat(client.plan(42, Duration.ofSeconds(1))).isEmpty();

        client.report(new Report(List.of(new GatewayReport("gw-1", 42, List.of(
                new TunnelReport("c-1", SaState.ESTABLISHED, SaState.CONNECTING, 1, 2, 3, 4, null))))));
        assertThat(seen.get("report")).contains("\"appliedRevision\":42").contains("\"child\":\"CONNECTING\"");
    }

    @Test
    void aRefusedTokenIsTold() {
        var client = new AgentClient(url(), "at-0123456789abcdef.wrong");
        assertThatThrownBy(() -> client.hello(new Hello("203.0.113.7", "a", "d")))
                .isInstanceOfSatisfying(AgentClientException.class, e -> {
                    assertThat(e.unauthorized()).isTrue();
                    assertThat(e.error()).isEqualTo("unauthorized");
                    assertThat(e.getMessage()).doesNotContain("wrong");
                });
        assertThat(client.toString()).doesNotContain("wrong");
    }

    @Test
    void answersThatBreakTheProtocolAreRefused() {
        var client = new AgentClient(url(), TOKEN);
        planBody = new byte[ProtocolLimits.MAX_BODY_BYTES + 10];
        assertThatThrownBy(() -> client.plan(0, Duration.ZERO)).isInstanceOf(AgentClientException.class)
                .hasMessageContaining("more than " + ProtocolLimits.MAX_BODY_BYTES + " bytes");
        planBody = "{\"revision\": -1, \"gateways\": []}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> client.plan(0, Duration.ZERO)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("revision: -1");
        planStatus = 503;
        planBody = "{\"error\": \"busy\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> client.plan(0, Duration.ZERO)).isInstanceOfSatisfying(AgentClientException.class,
                e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void tokensThatCouldBreakAHeaderAreRefusedUpFront() {
        assertThatThrownBy(() -> new AgentClient(url(), "a\r\nX-Evil: 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgentClient(url(), "")).isInstanceOf(IllegalArgumentException.class);
    }
}
