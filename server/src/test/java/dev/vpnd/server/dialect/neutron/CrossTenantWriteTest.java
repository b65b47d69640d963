package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.neutron.OpenStackCalls.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Visible is not writable: a member of another project gets Neutron's 403 PolicyNotAuthorized for
 * every write of what it can see (shared and external networks, their subnets) and the 404 of the
 * kind for what it cannot, and nothing changes; admin-only network attributes are refused to members
 * even on their own networks; a create that names another project's resource is refused as Neutron
 * refuses it; an admin still writes everything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossTenantWriteTest {
    /** No agent serves the services: they and their connections are DOWN, never pending, so updates are allowed. */
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd(Duration.ZERO);
    private static final OpenStackCalls CALLS = new OpenStackCalls(VPND);

    /** A resource: its collection path, JSON member key, id, owner's token, and whether the other project sees it. */
    record Resource(String name, String collection, String member, String id, String ownerToken, boolean visible) {
        String path() {
            return "/v2.0/" + collection + "/" + id;
        }

        boolean isNetwork() {
            return member.equals("network");
        }
    }

    private static String admin;
    private static String demo;
    private static String other;
    private static final Map<String, Resource> RESOURCES = new LinkedHashMap<>();

    @BeforeAll
    static void topology() throws Exception {
        admin = CALLS.token("admin", "admin", "admin");
        demo = CALLS.token("demo", "demo", "demo");
        var created = VPND.services().accounts().create("intruder");
        other = CALLS.token("intruder", created.login().password().value(), "intruder");

        String publicNet = add("admin's external network", admin, true, "networks", "network",
                "{\"network\": {\"name\": \"public\", \"router:external\": true, \"provider:network_type\": \"flat\", "
                        + "\"provider:physical_network\": \"public\"}}");
        add("admin's external subnet", admin, true, "subnets", "subnet", "{\"subnet\": {\"network_id\": \""
                + publicNet + "\", \"ip_version\": 4, \"cidr\": \"192.0.2.0/24\"}}");
        String sharedNet = add("admin's shared network", admin, true, "networks", "network",
                "{\"network\": {\"name\": \"shared\", \"shared\": true}}");
        add("admin's shared subnet", admin, true, "subnets", "subnet", "{\"subnet\": {\"network_id\": \""
                + sharedNet + "\", \"ip_version\": 4, \"cidr\": \"10.9.0.0/24\"}}");
        add("demo's subnet on the shared network", demo, true, "subnets", "subnet", "{\"subnet\": {\"network_id\": \""
                + sharedNet + "\", \"ip_version\": 4, \"cidr\": \"10.9.1.0/24\"}}");
        String privateNet = add("demo's private network", demo, false, "networks", "network",
                "{\"network\": {\"name\": \"private\"}}");
        String privateSubnet = add("demo's private subnet", demo, false, "subnets", "subnet",
                "{\"subnet\": {\"network_id\": \"" + privateNet + "\", \"ip_version\": 4, \"cidr\": \"10.1.0.0/24\"}}");
        String router = add("demo's router", demo, false, "routers", "router", "{\"router\": {\"name\": \"r\", "
                + "\"external_gateway_info\": {\"network_id\": \"" + publicNet + "\"}}}");
        assertThat(CALLS.neutron("PUT", "/v2.0/routers/" + router + "/add_router_interface", demo,
                "{\"subnet_id\": \"" + privateSubnet + "\"}").status()).isEqualTo(200);
        String port = CALLS.neutron("GET", "/v2.0/ports?device_owner=network:router_interface&device_id=" + router,
                demo, null).body().at("/ports/0/id").asText();
        RESOURCES.put("demo's router interface port", new Resource("demo's router interface port", "ports", "port",
                port, demo, false));
        String ike = add("demo's IKE policy", demo, false, "vpn/ikepolicies", "ikepolicy",
                "{\"ikepolicy\": {\"name\": \"ike\"}}");
        String ipsec = add("demo's IPsec policy", demo, false, "vpn/ipsecpolicies", "ipsecpolicy",
                "{\"ipsecpolicy\": {\"name\": \"ipsec\"}}");
        String service = add("demo's VPN service", demo, false, "vpn/vpnservices", "vpnservice",
                "{\"vpnservice\": {\"name\": \"vpn\", \"router_id\": \"" + router + "\"}}");
        String local = add("demo's local endpoint group", demo, false, "vpn/endpoint-groups", "endpoint_group",
                "{\"endpoint_group\": {\"name\": \"local\", \"type\": \"subnet\", \"endpoints\": [\""
                        + privateSubnet + "\"]}}");
        String peer = add("demo's peer endpoint group", demo, false, "vpn/endpoint-groups", "endpoint_group",
                "{\"endpoint_group\": {\"name\": \"peer\", \"type\": \"cidr\", \"endpoints\": [\"10.251.0.0/24\"]}}");
        add("demo's site connection", demo, false, "vpn/ipsec-site-connections", "ipsec_site_connection",
                "{\"ipsec_site_connection\": {\"name\": \"conn\", \"vpnservice_id\": \"" + service
                        + "\", \"ikepolicy_id\": \"" + ike + "\", \"ipsecpolicy_id\": \"" + ipsec
                        + "\", \"local_ep_group_id\": \"" + local + "\", \"peer_ep_group_id\": \"" + peer
                        + "\", \"peer_address\": \"198.51.100.7\", \"peer_id\": \"198.51.100.7\", "
                        + "\"psk\": \"secret\"}}");
    }

    private static String add(String name, String owner, boolean visible, String collection, String member,
            String body) throws Exception {
        String id = CALLS.create(owner, collection, member, body);
        RESOURCES.put(name, new Resource(name, collection, member, id, owner, visible));
        return id;
    }

    private static Resource resource(String name) {
        return RESOURCES.get(name);
    }

    /** Every resource as its owner reads it, to compare before and after. */
    private static Map<String, JsonNode> snapshot() throws Exception {
        var out = new LinkedHashMap<String, JsonNode>();
        for (Resource r : RESOURCES.values()) {
            Answer answer = CALLS.neutron("GET", r.path(), r.ownerToken(), null);
            assertThat(answer.status()).as(r.name()).isEqualTo(200);
            out.put(r.name(), answer.body());
        }
        out.put("demo's router's interfaces", CALLS.neutron("GET", "/v2.0/ports?device_id="
                + resource("demo's router").id(), demo, null).body());
        return out;
    }

    /** 403 naming the rule when the other project sees the resource, else the kind's own 404. */
    private static void assertRefused(Resource r, Answer answer, String rule) {
        if (r.visible()) {
            assertThat(answer.status()).as(r.name() + " " + rule).isEqualTo(403);
            assertThat(answer.errorType()).isEqualTo("PolicyNotAuthorized");
            assertThat(answer.errorMessage()).isEqualTo(rule + " is disallowed by policy");
        } else {
            assertThat(answer.status()).as(r.name() + " " + rule).isEqualTo(404);
            assertThat(answer.errorType()).as(r.name()).endsWith("NotFound");
            assertThat(answer.errorMessage()).contains(r.id());
        }
    }

    @Test
    @Order(1)
    void anotherProjectWritesNothingItSeesOrDoesNotSee() throws Exception {
        var before = snapshot();
        for (Resource r : RESOURCES.values()) {
            var rename = CALLS.neutron("PUT", r.path(), other, "{\"" + r.member() + "\": {\"name\": \"pwned\"}}");
            assertRefused(r, rename, "rule:update_" + r.member());
            var delete = CALLS.neutron("DELETE", r.path(), other, null);
            if (r.member().equals("port")) {
                assertThat(delete.status()).as("ports are never deleted through the API").isEqualTo(405);
            } else {
                assertRefused(r, delete, "rule:delete_" + r.member());
            }
            if (r.isNetwork()) {
                for (String attribute : List.of("shared", "router:external", "is_default")) {
                    var set = CALLS.neutron("PUT", r.path(), other, "{\"network\": {\"" + attribute + "\": true}}");
                    assertRefused(r, set, "(rule:update_network and rule:update_network:" + attribute + ")");
                    var unset = CALLS.neutron("PUT", r.path(), other, "{\"network\": {\"" + attribute + "\": false}}");
                    assertRefused(r, unset, "(rule:update_network and rule:update_network:" + attribute + ")");
                }
            }
        }
        String router = "/v2.0/routers/" + resource("demo's router").id();
        for (String action : List.of("add_router_interface", "remove_router_interface")) {
            for (String subnet : List.of("demo's private subnet", "admin's shared subnet")) {
                var answer = CALLS.neutron("PUT", router + "/" + action, other, "{\"subnet_id\": \""
                        + resource(subnet).id() + "\"}");
                assertThat(answer.status()).as(action + " " + subnet).isEqualTo(404);
                assertThat(answer.errorType()).isEqualTo("RouterNotFound");
            }
        }
        assertThat(snapshot()).as("every resource as its owner reads it").isEqualTo(before);
    }

    @Test
    @Order(2)
    void adminOnlyNetworkAttributesAreRefusedToTheOwner() throws Exception {
        String own = "/v2.0/networks/"
                + CALLS.create(demo, "networks", "network", "{\"network\": {\"name\": \"mine\"}}");
        var before = CALLS.neutron("GET", own, demo, null).body();
        for (String attribute : List.of("shared", "router:external", "is_default")) {
            var answer = CALLS.neutron("PUT", own, demo, "{\"network\": {\"" + attribute + "\": true}}");
            assertThat(answer.status()).as(attribute).isEqualTo(403);
            assertThat(answer.errorMessage()).isEqualTo("(rule:update_network and rule:update_network:" + attribute
                    + ") is disallowed by policy");
        }
        var both = CALLS.neutron("PUT", own, demo, "{\"network\": {\"router:external\": true, \"shared\": true}}");
        assertThat(both.errorMessage()).isEqualTo("((rule:update_network and rule:update_network:shared) and "
                + "rule:update_network:router:external) is disallowed by policy");
        assertThat(CALLS.neutron("GET", own, demo, null).body()).isEqualTo(before);
        var created = CALLS.neutron("POST", "/v2.0/networks", demo, "{\"network\": {\"is_default\": true}}");
        assertThat(created.status()).isEqualTo(403);
        assertThat(created.errorMessage()).isEqualTo("(rule:create_network and rule:create_network:is_default) is "
                + "disallowed by policy");
        var external = CALLS.neutron("POST", "/v2.0/networks", demo, "{\"network\": {\"router:external\": true}}");
        assertThat(external.errorMessage()).isEqualTo("(rule:create_network and rule:create_network:router:external) "
                + "is disallowed by policy");
        assertThat(CALLS.neutron("PUT", own, demo, "{\"network\": {\"name\": \"renamed\"}}").status())
                .as("the owner's own attributes stay writable").isEqualTo(200);
    }

    @Test
    @Order(3)
    void createsThatNameAnotherProjectsResourceAreRefused() throws Exception {
        String publicNet = resource("admin's external network").id();
        String net = CALLS.create(other, "networks", "network", "{\"network\": {\"name\": \"own\"}}");
        String subnet = CALLS.create(other, "subnets", "subnet", "{\"subnet\": {\"network_id\": \"" + net
                + "\", \"ip_version\": 4, \"cidr\": \"10.2.0.0/24\"}}");
        String router = CALLS.create(other, "routers", "router", "{\"router\": {\"name\": \"own\", "
                + "\"external_gateway_info\": {\"network_id\": \"" + publicNet + "\"}}}");
        // Before a VPN service holds the gateway (RouterInUseByVPNService would come first).
        expect(CALLS.neutron("PUT", "/v2.0/routers/" + router, other, "{\"router\": {\"external_gateway_info\": "
                + "{\"network_id\": \"" + resource("demo's private network").id() + "\"}}}"), 404, "NetworkNotFound");
        String interfaces = "/v2.0/routers/" + router + "/add_router_interface";
        assertThat(CALLS.neutron("PUT", interfaces, other, "{\"subnet_id\": \"" + subnet + "\"}").status())
                .isEqualTo(200);
        String ike = CALLS.create(other, "vpn/ikepolicies", "ikepolicy", "{\"ikepolicy\": {\"name\": \"own\"}}");
        String ipsec = CALLS.create(other, "vpn/ipsecpolicies", "ipsecpolicy",
                "{\"ipsecpolicy\": {\"name\": \"own\"}}");
        String service = CALLS.create(other, "vpn/vpnservices", "vpnservice", "{\"vpnservice\": {\"router_id\": \""
                + router + "\"}}");
        String local = CALLS.create(other, "vpn/endpoint-groups", "endpoint_group", "{\"endpoint_group\": "
                + "{\"type\": \"subnet\", \"endpoints\": [\"" + subnet + "\"]}}");
        String peer = CALLS.create(other, "vpn/endpoint-groups", "endpoint_group", "{\"endpoint_group\": "
                + "{\"type\": \"cidr\", \"endpoints\": [\"10.252.0.0/24\"]}}");

        expect(CALLS.neutron("POST", "/v2.0/subnets", other, "{\"subnet\": {\"network_id\": \""
                + resource("demo's private network").id() + "\", \"ip_version\": 4, \"cidr\": \"10.3.0.0/24\"}}"),
                404, "NetworkNotFound");
        expect(CALLS.neutron("POST", "/v2.0/subnets", other, "{\"subnet\": {\"network_id\": \"" + publicNet
                + "\", \"ip_version\": 4, \"cidr\": \"192.0.3.0/24\"}}"), 404, "HTTPNotFound");
        expect(CALLS.neutron("PUT", interfaces, other, "{\"subnet_id\": \"" + resource("demo's private subnet").id()
                + "\"}"), 404, "SubnetNotFound");
        for (String seen : List.of("admin's external subnet", "admin's shared subnet",
                "demo's subnet on the shared network")) {
            var answer = CALLS.neutron("PUT", interfaces, other, "{\"subnet_id\": \"" + resource(seen).id() + "\"}");
            expect(answer, 400, "BadRequest");
            assertThat(answer.errorMessage()).isEqualTo("Bad router request: Cannot add interface to router because "
                    + "subnet " + resource(seen).id() + " is not owned by project making the request.");
        }
        expect(CALLS.neutron("POST", "/v2.0/vpn/vpnservices", other, "{\"vpnservice\": {\"router_id\": \""
                + resource("demo's router").id() + "\"}}"), 404, "RouterNotFound");
        expect(CALLS.neutron("POST", "/v2.0/vpn/vpnservices", other, "{\"vpnservice\": {\"router_id\": \"" + router
                + "\", \"subnet_id\": \"" + resource("demo's private subnet").id() + "\"}}"), 404, "SubnetNotFound");
        expect(CALLS.neutron("POST", "/v2.0/vpn/endpoint-groups", other, "{\"endpoint_group\": {\"type\": \"subnet\", "
                + "\"endpoints\": [\"" + resource("demo's private subnet").id() + "\"]}}"), 400,
                "NonExistingSubnetInEndpointGroup");

        var own = new LinkedHashMap<String, String>();
        own.put("vpnservice_id", service);
        own.put("ikepolicy_id", ike);
        own.put("ipsecpolicy_id", ipsec);
        own.put("local_ep_group_id", local);
        own.put("peer_ep_group_id", peer);
        var foreign = Map.of("vpnservice_id", List.of("demo's VPN service", "VPNServiceNotFound"),
                "ikepolicy_id", List.of("demo's IKE policy", "IKEPolicyNotFound"),
                "ipsecpolicy_id", List.of("demo's IPsec policy", "IPsecPolicyNotFound"),
                "local_ep_group_id", List.of("demo's local endpoint group", "VPNEndpointGroupNotFound"),
                "peer_ep_group_id", List.of("demo's peer endpoint group", "VPNEndpointGroupNotFound"));
        for (var reference : foreign.entrySet()) {
            var refs = new LinkedHashMap<>(own);
            refs.put(reference.getKey(), resource(reference.getValue().get(0)).id());
            expect(CALLS.neutron("POST", "/v2.0/vpn/ipsec-site-connections", other, connection(refs)), 404,
                    reference.getValue().get(1));
        }
        assertThat(CALLS.neutron("POST", "/v2.0/vpn/ipsec-site-connections", other, connection(own)).status())
                .as("the same connection with the project's own references").isEqualTo(201);
        assertThat(CALLS.neutron("POST", "/v2.0/subnets", other, "{\"subnet\": {\"network_id\": \""
                + resource("admin's shared network").id() + "\", \"ip_version\": 4, \"cidr\": \"10.9.2.0/24\"}}")
                .status()).as("a shared network takes every project's subnets").isEqualTo(201);
    }

    private static String connection(Map<String, String> refs) {
        var fields = new ArrayList<String>();
        refs.forEach((k, v) -> fields.add("\"" + k + "\": \"" + v + "\""));
        return "{\"ipsec_site_connection\": {" + String.join(", ", fields) + ", \"peer_address\": \"198.51.100.9\", "
                + "\"peer_id\": \"198.51.100.9\", \"psk\": \"secret\"}}";
    }

    private static void expect(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.errorType()).isEqualTo(type);
    }

    @Test
    @Order(4)
    void anAdminStillWritesEverything() throws Exception {
        for (Resource r : RESOURCES.values()) {
            if (!r.member().endsWith("policy")) {
                var answer = CALLS.neutron("PUT", r.path(), admin, "{\"" + r.member()
                        + "\": {\"name\": \"by-admin\"}}");
                assertThat(answer.status()).as(r.name() + ": " + answer.raw().body()).isEqualTo(200);
            }
        }
        String privateNet = resource("demo's private network").path();
        String privateSubnet = resource("demo's private subnet").path();
        assertThat(CALLS.neutron("PUT", privateNet, admin, "{\"network\": {\"shared\": true}}").status())
                .isEqualTo(200);
        assertThat(CALLS.neutron("GET", privateSubnet, other, null).status()).as("shared: its subnets show")
                .isEqualTo(200);
        assertThat(CALLS.neutron("PUT", privateNet, admin, "{\"network\": {\"shared\": false}}").status())
                .isEqualTo(200);
        assertThat(CALLS.neutron("GET", privateSubnet, other, null).status()).as("unshared: they hide").isEqualTo(404);

        delete(resource("demo's site connection"));
        for (String policy : List.of("demo's IKE policy", "demo's IPsec policy")) {
            var answer = CALLS.neutron("PUT", resource(policy).path(), admin, "{\"" + resource(policy).member()
                    + "\": {\"name\": \"by-admin\"}}");
            assertThat(answer.status()).as(policy).isEqualTo(200);
        }
        for (String name : List.of("demo's VPN service", "demo's local endpoint group", "demo's peer endpoint group",
                "demo's IKE policy", "demo's IPsec policy")) {
            delete(resource(name));
        }
        var removed = CALLS.neutron("PUT", "/v2.0/routers/" + resource("demo's router").id()
                + "/remove_router_interface", admin, "{\"subnet_id\": \"" + resource("demo's private subnet").id()
                + "\"}");
        assertThat(removed.status()).isEqualTo(200);
        for (String name : List.of("demo's router", "demo's private subnet", "demo's private network",
                "demo's subnet on the shared network")) {
            delete(resource(name));
        }
    }

    private static void delete(Resource r) throws Exception {
        var answer = CALLS.neutron("DELETE", r.path(), admin, null);
        assertThat(answer.status()).as(r.name() + ": " + answer.raw().body()).isEqualTo(204);
        assertThat(CALLS.neutron("GET", r.path(), r.ownerToken(), null).status()).isEqualTo(404);
    }
}
