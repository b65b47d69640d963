package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.RunningVpnd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * neutron-server's order, with keystonemiddleware in front: the token (401), then the path (404),
 * then the method (405), and only then the body; the version document needs no token.
 */
class RoutingOrderTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();
    private static final OpenStackCalls CALLS = new OpenStackCalls(VPND);

    private static String token;

    @BeforeAll
    static void signIn() throws Exception {
        token = CALLS.token("demo", "demo", "demo");
    }

    @Test
    void withoutATokenEvenAnUnknownPathIs401() throws Exception {
        var answer = CALLS.neutron("GET", "/v2.0/invented", null, null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().at("/error/title").asText()).isEqualTo("Unauthorized");
        assertThat(answer.raw().headers().firstValue("WWW-Authenticate"))
                .as("keystonemiddleware's 401 names Keystone's root URL").contains("Keystone uri=\""
                        + VPND.endpoints().get("keystone") + "\"");
        assertThat(answer.raw().headers().firstValue("X-Openstack-Request-Id")).isEmpty();
    }

    @Test
    void aBadTokenIs401() throws Exception {
        assertThat(CALLS.neutron("GET", "/v2.0/networks", "not-a-token", null).status()).isEqualTo(401);
    }

    @Test
    void theVersionDocumentNeedsNoToken() throws Exception {
        var answer = CALLS.send("GET", CALLS.neutron() + "/", null, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/versions/0/id").asText()).isEqualTo("v2.0");
    }

    @Test
    void anUnknownPathIs404OnceTheTokenIsGood() throws Exception {
        var answer = CALLS.neutron("GET", "/v2.0/invented", token, null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorType()).isEqualTo("HTTPNotFound");
        assertThat(answer.raw().headers().firstValue("X-Openstack-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).startsWith("req-"));
    }

    @Test
    void aMethodTheResourceLacksIs405() throws Exception {
        var answer = CALLS.neutron("PUT", "/v2.0/networks", token, "{}");
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.errorType()).isEqualTo("HTTPMethodNotAllowed");
    }

    @Test
    void aPortCreateIs405BeforeItsBodyIsRead() throws Exception {
        assertThat(CALLS.neutron("POST", "/v2.0/ports", token, "not json").status()).isEqualTo(405);
        assertThat(CALLS.neutron("DELETE", "/v2.0/ports/p1", token, null).status()).isEqualTo(405);
    }

    @Test
    void aRouterInterfaceActionIsAPutOnly() throws Exception {
        assertThat(CALLS.neutron("GET", "/v2.0/routers/r1/add_router_interface", token, null).status())
                .isEqualTo(405);
        assertThat(CALLS.neutron("PUT", "/v2.0/routers/r1/add_router_interface", token, "{\"subnet_id\": \"s\"}")
                .errorType()).isEqualTo("RouterNotFound");
    }

    @Test
    void aBodyThatIsNotJsonIsA400OnceTheActionIsKnown() throws Exception {
        var answer = CALLS.neutron("POST", "/v2.0/networks", token, "not json");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("MalformedRequestBody");
    }
}
