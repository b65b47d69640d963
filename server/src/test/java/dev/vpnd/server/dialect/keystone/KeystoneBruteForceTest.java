package dev.vpnd.server.dialect.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.core.service.IdentityService;
import dev.vpnd.server.RunningVpnd;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Password guessing over HTTP: failed sign-ins are throttled per user and per client address with
 * Keystone's 401 and a Retry-After (each client below signs in from its own loopback address), and
 * an unknown user's sign-in costs what a known one's does, so its time does not reveal who exists.
 */
class KeystoneBruteForceTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String victimPassword;

    @BeforeAll
    static void victim() {
        victimPassword = VPND.services().accounts().create("victim").login().password().value();
    }

    /** A client whose connections come from {@code address} (any 127.0.0.0/8 address is the loopback). */
    private static HttpClient from(String address) throws Exception {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
    }

    private static HttpResponse<String> signIn(HttpClient client, String user, String password) throws Exception {
        String body = """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"domain": {"id": "default"},
                "name": "%s", "password": "%s"}}}}}""".formatted(user, password);
        return client.send(HttpRequest.newBuilder(URI.create(VPND.endpoints().get("keystone") + "/v3/auth/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertPlainFailure(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Retry-After")).isEmpty();
    }

    private static void assertThrottled(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        JsonNode error = JSON.readTree(answer.body()).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(401);
        assertThat(error.get("title").asText()).isEqualTo("Unauthorized");
        assertThat(error.get("message").asText()).isEqualTo("The request you have made requires authentication.");
        assertThat(answer.headers().firstValue("WWW-Authenticate"))
                .as("Keystone's 401 names its root URL as the client called it")
                .hasValue("Keystone uri=\"" + VPND.endpoints().get("keystone") + "\"");
    }

    @Test
    void failedSignInsAreThrottledPerUserAndPerAddress() throws Exception {
        var guesser = from("127.0.0.2");
        for (int i = 0; i < 5; i++) {
            assertPlainFailure(signIn(guesser, "victim", "guess-" + i));
        }
        assertThrottled(signIn(guesser, "victim", victimPassword));
        assertThrottled(signIn(from("127.0.0.3"), "victim", victimPassword));
        assertThrottled(signIn(guesser, "demo", "demo"));
        assertThat(signIn(from("127.0.0.3"), "demo", "demo").statusCode()).as("another user, another address")
                .isEqualTo(201);

        var sprayer = from("127.0.0.4");
        for (int i = 0; i < 5; i++) {
            assertPlainFailure(signIn(sprayer, "nobody-" + i, "x"));
        }
        assertThrottled(signIn(sprayer, "demo", "demo"));
    }

    private static HttpResponse<String> signInById(HttpClient client, String userId, String password)
            throws Exception {
        String body = """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"id": "%s",
                "password": "%s"}}}}}""".formatted(userId, password);
        return client.send(HttpRequest.newBuilder(URI.create(VPND.endpoints().get("keystone") + "/v3/auth/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void guessesByNameAndByIdCountAsOneUsers() throws Exception {
        String password = VPND.services().accounts().create("named-twice").login().password().value();
        String id = VPND.services().identity().userIdOf("named-twice").orElseThrow();
        for (int i = 0; i < 3; i++) {
            assertPlainFailure(signIn(from("127.0.0.11"), "named-twice", "guess-" + i));
        }
        for (int i = 0; i < 2; i++) {
            assertPlainFailure(signInById(from("127.0.0.12"), id, "guess-" + i));
        }
        assertThrottled(signIn(from("127.0.0.13"), "named-twice", password));
        assertThrottled(signInById(from("127.0.0.13"), id, password));
    }

    @Test
    void successesResetTheUserAndNeverCount() throws Exception {
        for (String address : List.of("127.0.0.5", "127.0.0.6")) {
            var client = from(address);
            for (int i = 0; i < 4; i++) {
                assertPlainFailure(signIn(client, "admin", "wrong"));
            }
            assertThat(signIn(client, "admin", "admin").statusCode()).as("the fifth, right, from " + address)
                    .isEqualTo(201);
        }
        var busy = from("127.0.0.7");
        for (int i = 0; i < 30; i++) {
            assertThat(signIn(busy, "admin", "admin").statusCode()).isEqualTo(201);
        }
    }

    @Test
    void anUnknownUserCostsWhatAKnownOneDoes() {
        IdentityService identity = VPND.services().identity();
        identity.signIn(null, "demo", "wrong", null, null);
        identity.signIn(null, "no-such-user", "wrong", null, null);
        var known = new ArrayList<Long>();
        var unknown = new ArrayList<Long>();
        for (int i = 0; i < 9; i++) {
            long start = System.nanoTime();
            assertThat(identity.signIn(null, "demo", "wrong-" + i, null, null)).isEmpty();
            known.add(System.nanoTime() - start);
            start = System.nanoTime();
            assertThat(identity.signIn(null, "no-such-user-" + i, "wrong", null, null)).isEmpty();
            unknown.add(System.nanoTime() - start);
        }
        Collections.sort(known);
        Collections.sort(unknown);
        long knownMedian = known.get(4);
        long unknownMedian = unknown.get(4);
        assertThat((double) unknownMedian / knownMedian).as("median " + unknownMedian + " ns against " + knownMedian
                + " ns").isBetween(0.5, 2.0);
    }
}
