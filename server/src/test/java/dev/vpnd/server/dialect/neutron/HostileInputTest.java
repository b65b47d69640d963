package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.neutron.OpenStackCalls.Answer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Query strings, paths and string attributes a client gets wrong are the client's 400 in the
 * dialect's own form, never a 500: bad percent escapes and non-UTF-8 bytes in a Neutron query,
 * bad escapes and bytes in Neutron and Keystone paths, over-long queries, and control characters or
 * unpaired surrogates in Neutron's string attributes.
 */
class HostileInputTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();
    private static final OpenStackCalls CALLS = new OpenStackCalls(VPND);

    private static String token;
    private static String network;

    @BeforeAll
    static void signIn() throws Exception {
        token = CALLS.token("demo", "demo", "demo");
        network = CALLS.create(token, "networks", "network", "{\"network\": {\"name\": \"a b\u00e9\"}}");
    }

    private static Answer get(String target) throws Exception {
        return CALLS.rawGet(CALLS.neutron(), target.getBytes(StandardCharsets.ISO_8859_1), token);
    }

    private static void assertBadRequest(Answer answer, String what) {
        assertThat(answer.status()).as(what).isEqualTo(400);
        assertThat(answer.errorType()).as(what).isEqualTo("HTTPBadRequest");
    }

    @Test
    void badEscapesAndNonUtf8InANeutronQueryAreA400() throws Exception {
        for (String query : List.of("name=%zz", "name=%", "name=%2", "fields=%", "%zz=1", "name=%FF", "name=%C3%28",
                "sort_key=%zz&sort_dir=asc", "limit=%zz", "marker=%zz&limit=1")) {
            var answer = get("/v2.0/networks?" + query);
            assertBadRequest(answer, query);
            assertThat(answer.errorMessage()).startsWith("Invalid query string: ");
        }
        assertBadRequest(get("/v2.0/networks.json?name=%zz"), "with the .json suffix");
        assertBadRequest(get("/v2.0/networks/" + network + "?fields=%zz"), "a show's fields");
        assertBadRequest(get("/v2.0/networks?name=\u00ff\u00fe"), "raw bytes that are not UTF-8");
    }

    @Test
    void wellFormedEscapesStillFilter() throws Exception {
        for (String query : List.of("name=a%20b%C3%A9", "name=a+b%c3%a9", "fields=name&name=a%20b%C3%A9")) {
            var answer = get("/v2.0/networks?" + query);
            assertThat(answer.status()).as(query).isEqualTo(200);
            assertThat(answer.body().path("networks").findValuesAsText("name")).as(query).containsExactly("a b\u00e9");
        }
    }

    @Test
    void badPathsAndLongQueriesAreRefusedWithoutA500() throws Exception {
        for (String path : List.of("/v2.0/networks/%zz", "/v2.0/networks/%", "/v2.0/%zz", "/%zz", "/v2.0/networks/%FF",
                "/v2.0/routers/x/add_router_interface%zz", "/v2.0/networks/\u00ff\u00fe")) {
            var answer = get(path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.body().has("NeutronError")).as(path).isTrue();
        }
        for (String path : List.of("/v3/%zz", "/v3/auth/tokens%zz", "/v3/\u00ff")) {
            var answer = CALLS.rawGet(CALLS.keystone(), path.getBytes(StandardCharsets.ISO_8859_1), token);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.body().at("/error/code").asInt()).as(path).isEqualTo(400);
        }
        var validated = CALLS.rawGet(CALLS.keystone(),
                "/v3/auth/tokens?nocatalog=%zz".getBytes(StandardCharsets.US_ASCII),
                token);
        assertThat(validated.status()).as("Keystone reads no escape of its query").isEqualTo(404);

        assertThat(get("/v2.0/networks?" + "a".repeat(20_000) + "=1").status()).isEqualTo(414);
        var repeated = get("/v2.0/networks?" + "name=x&".repeat(1_000) + "name=a%20b%C3%A9");
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body().path("networks")).hasSize(1);
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesInStringAttributesAreA400() throws Exception {
        record Case(String collection, String body, String attribute, String reason) {
        }
        for (var c : List.of(
                new Case("networks", "{\"network\": {\"name\": \"a\\u0001b\"}}", "name",
                        "control character U+0001 is not allowed"),
                new Case("networks", "{\"network\": {\"name\": \"line\\nbreak\"}}", "name",
                        "control character U+000A is not allowed"),
                new Case("networks", "{\"network\": {\"description\": \"del\\u007f\"}}", "description",
                        "control character U+007F is not allowed"),
                new Case("vpn/ikepolicies", "{\"ikepolicy\": {\"name\": \"nul\\u0000\"}}", "name",
                        "control character U+0000 is not allowed"),
                new Case("vpn/ipsecpolicies", "{\"ipsecpolicy\": {\"description\": \"x\\ud800\"}}", "description",
                        "unpaired surrogate U+D800 is not allowed"),
                new Case("routers", "{\"router\": {\"name\": \"\\udc00\"}}", "name",
                        "unpaired surrogate U+DC00 is not allowed"))) {
            var answer = CALLS.neutron("POST", "/v2.0/" + c.collection(), token, c.body());
            assertBadRequest(answer, c.body());
            assertThat(answer.errorMessage()).isEqualTo("Invalid input for " + c.attribute() + ". Reason: " + c.reason()
                    + ".");
        }
        var renamed = CALLS.neutron("PUT", "/v2.0/networks/" + network, token,
                "{\"network\": {\"name\": \"tab\\tx\"}}");
        assertBadRequest(renamed, "an update");
        assertThat(CALLS.neutron("GET", "/v2.0/networks/" + network, token, null).body().at("/network/name").asText())
                .isEqualTo("a b\u00e9");

        var printable = CALLS.neutron("POST", "/v2.0/networks", token,
                "{\"network\": {\"name\": \"caf\u00e9 \\ud83d\\ude00 \u4e2d\", \"description\": \"tilde~\"}}");
        assertThat(printable.status()).as("letters of any script and paired surrogates").isEqualTo(201);
        assertThat(printable.body().at("/network/name").asText()).isEqualTo("caf\u00e9 \ud83d\ude00 \u4e2d");
    }
}
