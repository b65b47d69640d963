package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.neutron.OpenStackCalls.Answer;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quotas over Neutron's HTTP API, each test in a fresh project (whose limits are the defaults): a
 * create over the limit is neutron-lib's {@code 409 OverQuota} naming the quota resource, {@code
 * vpnd quota set} raising the limit lets it through, and a delete frees a slot.
 */
class NeutronQuotaTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd(Duration.ZERO);
    private static final OpenStackCalls CALLS = new OpenStackCalls(VPND);

    private static String publicNet;

    @BeforeAll
    static void externalNetwork() throws Exception {
        String admin = CALLS.token("admin", "admin", "admin");
        publicNet = CALLS.create(admin, "networks", "network", "{\"network\": {\"name\": \"public\", "
                + "\"router:external\": true, \"provider:network_type\": \"flat\", "
                + "\"provider:physical_network\": \"public\"}}");
        CALLS.create(admin, "subnets", "subnet", "{\"subnet\": {\"network_id\": \"" + publicNet
                + "\", \"ip_version\": 4, \"cidr\": \"192.0.2.0/24\"}}");
    }

    /** A token of a new project (and user) of that name. */
    private static String project(String name) throws Exception {
        var created = VPND.services().accounts().create(name);
        return CALLS.token(name, created.login().password().value(), name);
    }

    private static void assertOverQuota(Answer answer, String resource) {
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.errorType()).isEqualTo("OverQuota");
        assertThat(answer.errorMessage()).isEqualTo("Quota exceeded for resources: ['" + resource + "'].");
        assertThat(answer.body().at("/NeutronError/detail").asText()).isEmpty();
    }

    @Test
    void aProjectTakesTenRoutersByDefaultAndADeleteFreesOne() throws Exception {
        String token = project("os-quota-routers");
        var routers = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            routers.add(CALLS.create(token, "routers", "router", "{\"router\": {\"name\": \"r" + i + "\"}}"));
        }
        String eleventh = "{\"router\": {\"name\": \"r10\"}}";
        assertOverQuota(CALLS.neutron("POST", "/v2.0/routers", token, eleventh), "router");
        assertThat(CALLS.neutron("GET", "/v2.0/routers", token, null).body().path("routers")).hasSize(10);

        assertThat(CALLS.neutron("DELETE", "/v2.0/routers/" + routers.getFirst(), token, null).status())
                .isEqualTo(204);
        assertThat(CALLS.neutron("POST", "/v2.0/routers", token, eleventh).status()).isEqualTo(201);
        assertOverQuota(CALLS.neutron("POST", "/v2.0/routers", token, "{\"router\": {}}"), "router");
    }

    @Test
    void siteConnectionsStopAtTheLimitUntilTheCommandRaisesIt() throws Exception {
        String token = project("os-quota-sites");
        String net = CALLS.create(token, "networks", "network", "{\"network\": {\"name\": \"private\"}}");
        String subnet = CALLS.create(token, "subnets", "subnet", "{\"subnet\": {\"network_id\": \"" + net
                + "\", \"ip_version\": 4, \"cidr\": \"10.1.0.0/24\"}}");
        String router = CALLS.create(token, "routers", "router", "{\"router\": {\"name\": \"r\", "
                + "\"external_gateway_info\": {\"network_id\": \"" + publicNet + "\"}}}");
        assertThat(CALLS.neutron("PUT", "/v2.0/routers/" + router + "/add_router_interface", token,
                "{\"subnet_id\": \"" + subnet + "\"}").status()).isEqualTo(200);
        String ike = CALLS.create(token, "vpn/ikepolicies", "ikepolicy", "{\"ikepolicy\": {\"name\": \"ike\"}}");
        String ipsec = CALLS.create(token, "vpn/ipsecpolicies", "ipsecpolicy",
                "{\"ipsecpolicy\": {\"name\": \"ipsec\"}}");
        String service = CALLS.create(token, "vpn/vpnservices", "vpnservice",
                "{\"vpnservice\": {\"name\": \"vpn\", \"router_id\": \"" + router + "\"}}");
        String local = CALLS.create(token, "vpn/endpoint-groups", "endpoint_group", "{\"endpoint_group\": "
                + "{\"name\": \"local\", \"type\": \"subnet\", \"endpoints\": [\"" + subnet + "\"]}}");
        var peers = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            peers.add(CALLS.create(token, "vpn/endpoint-groups", "endpoint_group", "{\"endpoint_group\": "
                    + "{\"name\": \"peer" + i + "\", \"type\": \"cidr\", \"endpoints\": [\"10.25" + i
                    + ".0.0/24\"]}}"));
        }
        assertThat(VPND.command("quota", "set", "--account", "os-quota-sites", "--kind", "ipsec-site-connection",
                "--limit", "1")).isZero();
        String path = "/v2.0/vpn/ipsec-site-connections";
        var bodies = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            bodies.add("{\"ipsec_site_connection\": {\"name\": \"conn" + i + "\", \"vpnservice_id\": \"" + service
                    + "\", \"ikepolicy_id\": \"" + ike + "\", \"ipsecpolicy_id\": \"" + ipsec
                    + "\", \"local_ep_group_id\": \"" + local + "\", \"peer_ep_group_id\": \"" + peers.get(i)
                    + "\", \"peer_address\": \"198.51.100." + (7 + i) + "\", \"peer_id\": \"198.51.100." + (7 + i)
                    + "\", \"psk\": \"secret\"}}");
        }
        String first = CALLS.create(token, "vpn/ipsec-site-connections", "ipsec_site_connection", bodies.get(0));
        assertOverQuota(CALLS.neutron("POST", path, token, bodies.get(1)), "ipsec_site_connection");

        assertThat(VPND.command("quota", "set", "--account", "os-quota-sites", "--kind", "ipsec-site-connection",
                "--limit", "2")).isZero();
        assertThat(CALLS.neutron("POST", path, token, bodies.get(1)).status()).isEqualTo(201);
        assertOverQuota(CALLS.neutron("POST", path, token, bodies.get(2)), "ipsec_site_connection");
        assertThat(CALLS.neutron("GET", path, token, null).body().path("ipsec_site_connections")).hasSize(2);

        assertThat(CALLS.neutron("DELETE", path + "/" + first, token, null).status()).isEqualTo(204);
        assertThat(CALLS.neutron("POST", path, token, bodies.get(2)).status()).isEqualTo(201);
    }

    /** An admin creating in another project counts against that project's quota, not the admin's. */
    @Test
    void anAdminsCreateCountsAgainstTheOwningProject() throws Exception {
        String token = project("os-quota-owned");
        String projectId = VPND.services().accounts().list().stream()
                .filter(a -> a.name().equals("os-quota-owned")).findFirst().orElseThrow().id();
        assertThat(VPND.command("quota", "set", "--account", "os-quota-owned", "--kind", "ike-policy",
                "--limit", "1")).isZero();
        CALLS.create(token, "vpn/ikepolicies", "ikepolicy", "{\"ikepolicy\": {\"name\": \"own\"}}");
        String admin = CALLS.token("admin", "admin", "admin");
        assertOverQuota(CALLS.neutron("POST", "/v2.0/vpn/ikepolicies", admin, "{\"ikepolicy\": {\"name\": "
                + "\"for them\", \"tenant_id\": \"" + projectId + "\"}}"), "ikepolicy");
        assertThat(CALLS.neutron("POST", "/v2.0/vpn/ikepolicies", admin, "{\"ikepolicy\": {\"name\": \"mine\"}}")
                .status()).isEqualTo(201);
    }
}
