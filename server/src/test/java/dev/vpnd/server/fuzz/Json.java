package dev.vpnd.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Well-formed JSON calls for the fuzz suite's own setup and checks (Keystone tokens, Neutron). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Json() {
    }

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    }

    static Reply call(String method, String url, String token, String body) {
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("X-Auth-Token", token);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            var response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(response.body());
            return new Reply(response.statusCode(), parsed, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A plain-text GET (the admin listener's /metrics). */
    static String text(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Keystone v3 password token scoped to {@code project}. */
    static String token(String keystone, String user, String password, String project) {
        var reply = call("POST", keystone + "/v3/auth/tokens", null, """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"domain": {"name": "Default"},
                "name": "%s", "password": "%s"}}}, "scope": {"project": {"domain": {"name": "Default"}, "name": "%s"}}}}
                """.formatted(user, password, project));
        if (reply.status() != 201) {
            throw new IllegalStateException("no token for " + user + ": " + reply.status() + " " + reply.body());
        }
        return reply.raw().headers().firstValue("X-Subject-Token").orElseThrow();
    }

    /** A Neutron create that must succeed; the new member's id. */
    static String create(String neutron, String token, String collection, String member, String attributes) {
        var reply = call("POST", neutron + "/v2.0/" + collection, token, "{\"" + member + "\": " + attributes + "}");
        if (reply.status() != 201) {
            throw new IllegalStateException("create " + collection + ": " + reply.status() + " " + reply.body());
        }
        return reply.body().path(member).path("id").asText();
    }
}
