package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.RunningVpnd;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Keystone tokens and Neutron calls over real HTTP against a {@link RunningVpnd}, for the tests of this package. */
final class OpenStackCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final RunningVpnd vpnd;

    OpenStackCalls(RunningVpnd vpnd) {
        this.vpnd = vpnd;
    }

    /** An answer: status, the body as JSON (null when empty or not JSON), and the raw response (null from a socket). */
    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String errorType() {
            return body == null ? null : body.at("/NeutronError/type").asText(null);
        }

        String errorMessage() {
            return body == null ? null : body.at("/NeutronError/message").asText(null);
        }
    }

    String keystone() {
        return vpnd.endpoints().get("keystone");
    }

    String neutron() {
        return vpnd.endpoints().get("neutron");
    }

    /** {@code POST /v3/auth/tokens} with the password method, scoped to {@code project} by name. */
    Answer signIn(String user, String password, String project) throws Exception {
        return send("POST", keystone() + "/v3/auth/tokens", null, """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"domain": {"name": "Default"},
                "name": "%s", "password": "%s"}}}, "scope": {"project": {"domain": {"name": "Default"}, "name": "%s"}}}}
                """.formatted(user, password, project));
    }

    String token(String user, String password, String project) throws Exception {
        Answer answer = signIn(user, password, project);
        if (answer.status() != 201) {
            throw new IllegalStateException("sign-in of " + user + " failed: " + answer.raw().body());
        }
        return answer.raw().headers().firstValue("X-Subject-Token").orElseThrow();
    }

    /** A Neutron call; {@code path} starts with {@code /v2.0/}. */
    Answer neutron(String method, String path, String token, String body) throws Exception {
        return send(method, neutron() + path, token, body);
    }

    /** Creates a resource (201 expected) and answers its id. */
    String create(String token, String collection, String member, String body) throws Exception {
        Answer answer = neutron("POST", "/v2.0/" + collection, token, body);
        if (answer.status() != 201) {
            throw new IllegalStateException("create in " + collection + " failed: " + answer.raw().body());
        }
        return answer.body().path(member).path("id").asText();
    }

    Answer send(String method, String url, String token, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("X-Auth-Token", token);
        }
        var response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), parse(response.body()), response);
    }

    /**
     * A GET of {@code target} (path and query as raw bytes, which {@link URI} would refuse) over a
     * plain socket; answers the status and the body as JSON.
     */
    Answer rawGet(String base, byte[] target, String token) throws Exception {
        URI uri = URI.create(base);
        try (var socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            var request = new ByteArrayOutputStream();
            request.write("GET ".getBytes(StandardCharsets.US_ASCII));
            request.write(target);
            request.write((" HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nConnection: close\r\n"
                    + (token == null ? "" : "X-Auth-Token: " + token + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(request.toByteArray());
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
            int bodyAt = response.indexOf("\r\n\r\n");
            return new Answer(status, parse(bodyAt < 0 ? "" : response.substring(bodyAt + 4)), null);
        }
    }

    private static JsonNode parse(String body) {
        if (body.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
