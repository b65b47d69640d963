package dev.vpnd.agent.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent's side of docs/agent-protocol.md: hello, the long-polled plan and the report, each with
 * the agent's bearer token, over {@link HttpClient}. Answers are read as hostile as vpnd reads the
 * agent's bodies: at most {@link ProtocolLimits#MAX_BODY_BYTES}, decoded by {@link AgentJson}. The
 * token never appears in an exception or a {@code toString}.
 */
public final class AgentClient {
    /** How long a call other than a plan wait may take, and how much longer than its wait a plan may. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final String JSON = "application/json";
    private static final ObjectMapper ERRORS = new ObjectMapper();

    private final URI server;
    private final String authorization;
    private final HttpClient http;

    /** A client of the vpnd agent listener at {@code server} (its URL in {@code endpoints.json}). */
    public AgentClient(URI server, String token) {
        this(server, token, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).build());
    }

    /** As above, over {@code http}: one that trusts vpnd's certificate, say. */
    public AgentClient(URI server, String token, HttpClient http) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(token, "token");
        if (token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("a token is printable ASCII without spaces");
        }
        String base = server.toString();
        this.server = URI.create(base.endsWith("/") ? base : base + "/");
        this.authorization = "Bearer " + token;
        this.http = http;
    }

    public HelloAnswer hello(Hello hello) throws IOException, InterruptedException {
        var response = send(post("v1/agent/hello", AgentJson.encode(hello)), "hello");
        return AgentJson.decodeHelloAnswer(expect(response, 200, "hello"));
    }

    /**
     * The plans, once some gateway's revision is greater than {@code after}; empty when none is
     * within {@code wait} (vpnd holds the call at most its {@code waitSeconds}).
     */
    public Optional<PlanAnswer> plan(long after, Duration wait) throws IOException, InterruptedException {
        if (after < 0 || wait.isNegative()) {
            throw new IllegalArgumentException("after and wait must not be negative");
        }
        var request = HttpRequest.newBuilder(server.resolve("v1/agent/plan?after=" + after + "&wait="
                + wait.toSeconds())).timeout(wait.plus(CALL_TIMEOUT)).header("Authorization", authorization)
                .header("Accept", JSON).GET().build();
        var response = send(request, "plan");
        if (response.status() == 204) {
            return Optional.empty();
        }
        return Optional.of(AgentJson.decodePlanAnswer(expect(response, 200, "plan")));
    }

    public void report(Report report) throws IOException, InterruptedException {
        expect(send(post("v1/agent/report", AgentJson.encode(report)), "report"), 204, "report");
    }

    @Override
    public String toString() {
        return "AgentClient[" + server + "]";
    }

    private HttpRequest post(String path, byte[] body) {
        return HttpRequest.newBuilder(server.resolve(path)).timeout(CALL_TIMEOUT)
                .header("Authorization", authorization).header("Content-Type", JSON).header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    // The body is read once and handed on, never compared or hashed.
    @SuppressWarnings("ArrayRecordComponent")
    private record Answer(int status, byte[] body) {
    }

    private Answer send(HttpRequest request, String call) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(ProtocolLimits.MAX_BODY_BYTES + 1);
            if (body.length > ProtocolLimits.MAX_BODY_BYTES) {
                throw new AgentClientException(response.statusCode(), "", call + ": vpnd answered more than "
                        + ProtocolLimits.MAX_BODY_BYTES + " bytes");
            }
            return new Answer(response.statusCode(), body);
        }
    }

    private static byte[] expect(Answer answer, int status, String call) throws AgentClientException {
        if (answer.status() == status) {
            return answer.body();
        }
        String error = errorOf(answer.body());
        throw new AgentClientException(answer.status(), error, call + ": vpnd answered " + answer.status()
                + (error.isEmpty() ? "" : " (" + error + ")"));
    }

    /** The {@code error} field of a JSON answer, printable and short, or empty. */
    private static String errorOf(byte[] body) {
        try {
            String error = ERRORS.readTree(body).path("error").asText("");
            return error.length() <= 200 && error.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? error : "";
        } catch (IOException e) {
            return "";
        }
    }
}
