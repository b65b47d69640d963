package dev.vpnd.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Neutron calls as the {@code openstack} CLI sends them: a token from Keystone, got once before the
 * run as the CLI signs in (the password method, scoped to the project by name), then plain GETs that
 * carry it in {@code X-Auth-Token} with the CLI's other headers. Tokens are not spent, so the same
 * request may be sent any number of times, as the CLI does within a token's hour.
 */
final class NeutronCalls {
    /** The demo account's published OpenStack user (README), in its project {@code demo}. */
    static final String USER = "demo";
    static final String PASSWORD = "demo";
    static final String PROJECT = "demo";
    /**
     * What {@code openstack vpn ipsec site connection …} sends (python-openstackclient 6.0 on Debian 12,
     * whose VPNaaS commands are python-neutronclient 8.1's, seen with {@code openstack --debug}); the
     * {@code Accept-Encoding} is python-requests' default.
     */
    static final String USER_AGENT = "python-neutronclient";

    private final String token;

    NeutronCalls(String token) {
        this.token = token;
    }

    /** POST /v3/auth/tokens with the demo user's password; the {@code X-Subject-Token} answered. */
    static String signIn(URI keystone) throws IOException, InterruptedException {
        var auth = new ObjectMapper().createObjectNode();
        var identity = auth.putObject("auth").putObject("identity");
        identity.putArray("methods").add("password");
        var user = identity.putObject("password").putObject("user");
        user.put("name", USER).put("password", PASSWORD).putObject("domain").put("name", "Default");
        auth.withObject("/auth").putObject("scope").putObject("project").put("name", PROJECT)
                .putObject("domain").put("name", "Default");
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(HttpRequest.newBuilder(keystone.resolve("/v3/auth/tokens"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(auth.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            var token = response.headers().firstValue("X-Subject-Token");
            if (response.statusCode() != 201 || token.isEmpty()) {
                throw new IOException("Keystone sign-in as " + USER + ": HTTP " + response.statusCode() + ": "
                        + response.body());
            }
            return token.get();
        }
    }

    /** A GET of {@code target} ({@code /v2.0/…}) as the CLI sends it. */
    HttpCall get(String target) {
        return new HttpCall("GET", target, List.of(
                "User-Agent: " + USER_AGENT,
                "Accept-Encoding: gzip, deflate",
                "Accept: application/json",
                "Connection: keep-alive",
                "X-Auth-Token: " + token), "");
    }
}
