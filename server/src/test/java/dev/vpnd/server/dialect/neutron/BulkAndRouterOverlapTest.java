package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.RunningVpnd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A list in one create, where neutron-server takes one (networks and subnets, all or nothing) and
 * where it refuses one (the VPN kinds and routers, registered without {@code allow_bulk}); and a
 * router interface whose subnet overlaps one the router already reaches, refused as l3_db refuses it.
 */
class BulkAndRouterOverlapTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();
    private static final OpenStackCalls CALLS = new OpenStackCalls(VPND);

    private static String token;

    @BeforeAll
    static void signIn() throws Exception {
        token = CALLS.token("demo", "demo", "demo");
    }

    @Test
    void networksAndSubnetsAreCreatedTogetherOrNotAtAll() throws Exception {
        var made = CALLS.neutron("POST", "/v2.0/networks", token,
                "{\"networks\": [{\"name\": \"bulk-a\"}, {\"network\": {\"name\": \"bulk-b\"}}]}");
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.body().path("networks").findValuesAsText("name")).containsExactly("bulk-a", "bulk-b");
        String net = made.body().at("/networks/0/id").asText();

        var subnets = CALLS.neutron("POST", "/v2.0/subnets", token, "{\"subnets\": [{\"network_id\": \"" + net
                + "\", \"ip_version\": 4, \"cidr\": \"10.30.0.0/24\"}, {\"network_id\": \"" + net
                + "\", \"ip_version\": 4, \"cidr\": \"10.31.0.0/24\"}]}");
        assertThat(subnets.status()).isEqualTo(201);
        assertThat(subnets.body().path("subnets")).hasSize(2);

        // The second overlaps the first of the same request: neither is made.
        var refused = CALLS.neutron("POST", "/v2.0/subnets", token, "{\"subnets\": [{\"network_id\": \"" + net
                + "\", \"ip_version\": 4, \"cidr\": \"10.32.0.0/24\"}, {\"network_id\": \"" + net
                + "\", \"ip_version\": 4, \"cidr\": \"10.32.0.0/25\"}]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(CALLS.neutron("GET", "/v2.0/subnets?cidr=10.32.0.0/24", token, null).body().path("subnets"))
                .isEmpty();

        var empty = CALLS.neutron("POST", "/v2.0/networks", token, "{\"networks\": []}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorMessage()).isEqualTo("Resources required");
        var notAList = CALLS.neutron("POST", "/v2.0/networks", token, "{\"networks\": {\"name\": \"x\"}}");
        assertThat(notAList.status()).isEqualTo(400);
        assertThat(notAList.errorType()).isEqualTo("HTTPBadRequest");

        var tooMany = CALLS.neutron("POST", "/v2.0/networks", token, "{\"networks\": ["
                + String.join(",", java.util.Collections.nCopies(Resources.MAX_BULK_MEMBERS + 1, "{\"name\": \"n\"}"))
                + "]}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorMessage()).isEqualTo("A bulk create takes at most 1000 networks, not 1001");
        assertThat(CALLS.neutron("GET", "/v2.0/networks?name=n", token, null).body().path("networks")).isEmpty();
    }

    @Test
    void theVpnKindsAndRoutersRefuseAList() throws Exception {
        for (String[] kind : new String[][] {{"/v2.0/vpn/ipsec-site-connections", "ipsec_site_connections"},
                {"/v2.0/vpn/vpnservices", "vpnservices"}, {"/v2.0/vpn/endpoint-groups", "endpoint_groups"},
                {"/v2.0/routers", "routers"}}) {
            var answer = CALLS.neutron("POST", kind[0], token, "{\"" + kind[1] + "\": [{\"name\": \"x\"}]}");
            assertThat(answer.status()).as(kind[0]).isEqualTo(400);
            assertThat(answer.errorType()).as(kind[0]).isEqualTo("HTTPBadRequest");
            assertThat(answer.errorMessage()).as(kind[0]).isEqualTo("Bulk operation not supported");
        }
        // Neutron's collection key is the member plus "s": "ikepolicys", so "ikepolicies" is no bulk at all.
        var policies = CALLS.neutron("POST", "/v2.0/vpn/ikepolicies", token, "{\"ikepolicies\": [{\"name\": \"x\"}]}");
        assertThat(policies.status()).isEqualTo(400);
        assertThat(policies.errorMessage()).isEqualTo("Unable to find 'ikepolicy' in request body");
        assertThat(CALLS.neutron("POST", "/v2.0/vpn/ikepolicies", token, "{\"ikepolicys\": [{\"name\": \"x\"}]}")
                .errorMessage()).isEqualTo("Bulk operation not supported");
    }

    @Test
    void aRouterInterfaceMayNotOverlapASubnetTheRouterReaches() throws Exception {
        String net = CALLS.create(token, "networks", "network", "{\"network\": {\"name\": \"overlap\"}}");
        String wide = CALLS.create(token, "subnets", "subnet", "{\"subnet\": {\"network_id\": \"" + net
                + "\", \"ip_version\": 4, \"cidr\": \"10.40.0.0/16\"}}");
        String other = CALLS.create(token, "networks", "network", "{\"network\": {\"name\": \"overlap-2\"}}");
        String narrow = CALLS.create(token, "subnets", "subnet", "{\"subnet\": {\"network_id\": \"" + other
                + "\", \"ip_version\": 4, \"cidr\": \"10.40.7.0/24\"}}");
        String apart = CALLS.create(token, "subnets", "subnet", "{\"subnet\": {\"network_id\": \"" + other
                + "\", \"ip_version\": 4, \"cidr\": \"10.41.0.0/24\"}}");
        String router = CALLS.create(token, "routers", "router", "{\"router\": {\"name\": \"overlap-r\"}}");
        String add = "/v2.0/routers/" + router + "/add_router_interface";
        assertThat(CALLS.neutron("PUT", add, token, "{\"subnet_id\": \"" + wide + "\"}").status()).isEqualTo(200);

        var refused = CALLS.neutron("PUT", add, token, "{\"subnet_id\": \"" + narrow + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorType()).isEqualTo("BadRequest");
        assertThat(refused.errorMessage()).isEqualTo("Bad router request: Cidr 10.40.7.0/24 of subnet " + narrow
                + " overlaps with cidr 10.40.0.0/16 of subnet " + wide + ".");
        assertThat(CALLS.neutron("PUT", add, token, "{\"subnet_id\": \"" + apart + "\"}").status()).isEqualTo(200);
    }
}
