package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.server.RunningVpnd;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Keystone user held to a policy of Neutron rules, over Neutron's HTTP API: a write whose rule it
 * may not pass is 403 PolicyNotAuthorized naming the rule; a show it may not get is the kind's 404
 * and a list empty, as Neutron hides what a caller may not get; what it may pass answers as usual.
 */
class UserPolicyTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd(Duration.ZERO);
    private static final OpenStackCalls CALLS = new OpenStackCalls(VPND);

    private static String demo;
    private static String network;
    private static String ikePolicy;

    @BeforeAll
    static void resources() throws Exception {
        demo = CALLS.token("demo", "demo", "demo");
        network = CALLS.create(demo, "networks", "network", "{\"network\": {\"name\": \"net\"}}");
        ikePolicy = CALLS.create(demo, "vpn/ikepolicies", "ikepolicy", "{\"ikepolicy\": {\"name\": \"ike\"}}");
    }

    private static String token(String user, AccessPolicy policy) throws Exception {
        var login = VPND.services().accounts().createUser("demo", user, policy);
        return CALLS.token(user, login.password().value(), "demo");
    }

    @Test
    void aReaderGetsButWritesNothing() throws Exception {
        var signIn = CALLS.signIn("reader-1", VPND.services().accounts().createUser("demo", "reader-1",
                AccessPolicy.READER).password().value(), "demo");
        assertThat(signIn.body().at("/token/roles").findValuesAsText("name")).containsExactly("reader");
        String reader = signIn.raw().headers().firstValue("X-Subject-Token").orElseThrow();

        assertThat(CALLS.neutron("GET", "/v2.0/vpn/ikepolicies/" + ikePolicy, reader, null).status()).isEqualTo(200);
        assertThat(CALLS.neutron("GET", "/v2.0/networks", reader, null).body().path("networks")).hasSize(1);
        var create = CALLS.neutron("POST", "/v2.0/vpn/ikepolicies", reader, "{\"ikepolicy\": {\"name\": \"x\"}}");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.errorType()).isEqualTo("PolicyNotAuthorized");
        assertThat(create.errorMessage()).isEqualTo("rule:create_ikepolicy is disallowed by policy");
        var update = CALLS.neutron("PUT", "/v2.0/networks/" + network, reader, "{\"network\": {\"name\": \"x\"}}");
        assertThat(update.status()).isEqualTo(403);
        assertThat(update.errorMessage()).isEqualTo("rule:update_network is disallowed by policy");
        assertThat(CALLS.neutron("DELETE", "/v2.0/vpn/ikepolicies/" + ikePolicy, reader, null).errorMessage())
                .isEqualTo("rule:delete_ikepolicy is disallowed by policy");
        assertThat(CALLS.neutron("GET", "/v2.0/networks/" + network, demo, null).body().at("/network/name").asText())
                .isEqualTo("net");
        assertThat(CALLS.neutron("GET", "/v2.0/vpn/ikepolicies", demo, null).body().path("ikepolicies")).hasSize(1);
    }

    @Test
    void whatAUserMayNotGetIsHidden() throws Exception {
        String ikeOnly = token("ike-only", new AccessPolicy(List.of("get_ikepolicy", "create_ikepolicy"), Set.of(),
                Set.of()));
        String made = CALLS.create(ikeOnly, "vpn/ikepolicies", "ikepolicy", "{\"ikepolicy\": {\"name\": \"own\"}}");
        assertThat(CALLS.neutron("GET", "/v2.0/vpn/ikepolicies", ikeOnly, null).body().path("ikepolicies"))
                .hasSize(2);
        assertThat(CALLS.neutron("GET", "/v2.0/networks", ikeOnly, null).body().path("networks")).isEmpty();
        var show = CALLS.neutron("GET", "/v2.0/networks/" + network, ikeOnly, null);
        assertThat(show.status()).isEqualTo(404);
        assertThat(show.errorType()).isEqualTo("NetworkNotFound");
        assertThat(CALLS.neutron("DELETE", "/v2.0/vpn/ikepolicies/" + made, ikeOnly, null).status()).isEqualTo(403);
        assertThat(CALLS.neutron("DELETE", "/v2.0/vpn/ikepolicies/" + made, demo, null).status()).isEqualTo(204);
    }
}
