package dev.vpnd.server.conformance.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.RunningVpnd;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Huawei Cloud's page "Querying IPsec VPN Connections" (docs/dialects/openstack.md, Huawei Cloud's fields)
 * as a contract for {@code GET /v2.0/vpn/ipsec-site-connections}: every field of its response table in
 * vpnd's answer, and {@code fields} (repeatable) selecting each of them.
 *
 * <p>The page says {@code project_id}, {@code peer_id}, {@code dpd} and {@code local_id} are not
 * supported as {@code fields} values on Huawei. vpnd speaks Neutron, where they are attributes like any
 * other (the reference answers {@code ?fields=peer_id} with just that attribute, and the neutron and
 * openstack CLIs send such {@code -F}/{@code --column} lists), so vpnd answers them as Neutron does:
 * a superset that Huawei's clients, which never ask for them, cannot notice, while refusing or ignoring
 * them would break Neutron's clients. Names that are not attributes, such as dpd's own
 * {@code interval}, {@code timeout} and {@code action}, select nothing, as in Neutron.
 */
class HuaweiSiteConnectionsContractTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Table 2 of the page, top-level parameters, in the page's order. */
    static final List<String> TABLE = List.of("peer_cidrs", "mtu", "peer_ep_group_id", "ikepolicy_id", "dpd",
            "route_mode", "peer_address", "peer_id", "id", "description", "project_id", "vpnservice_id",
            "local_ep_group_id", "status", "psk", "initiator", "name", "admin_state_up", "tenant_id",
            "ipsecpolicy_id", "auth_mode");
    /** Table 2's parameters that are dpd's members. */
    static final List<String> DPD = List.of("interval", "timeout", "action");
    /** The page's note: not supported as {@code fields} values on Huawei. */
    static final List<String> NOT_FIELDS_ON_HUAWEI = List.of("project_id", "peer_id", "dpd", "local_id");

    private static String token;

    @BeforeAll
    static void topology() throws Exception {
        String admin = token("admin", "admin", "admin");
        token = token("demo", "demo", "demo");
        String publicNet = create(admin, "networks", "{\"network\": {\"name\": \"public\", \"router:external\": true, "
                + "\"provider:network_type\": \"flat\", \"provider:physical_network\": \"public\"}}");
        create(admin, "subnets", "{\"subnet\": {\"network_id\": \"" + publicNet + "\", \"ip_version\": 4, "
                + "\"cidr\": \"192.0.2.0/24\"}}");
        String net = create(token, "networks", "{\"network\": {\"name\": \"private\"}}");
        String subnet = create(token, "subnets", "{\"subnet\": {\"network_id\": \"" + net + "\", \"ip_version\": 4, "
                + "\"cidr\": \"10.250.0.0/24\"}}");
        String router = create(token, "routers", "{\"router\": {\"name\": \"r\", \"external_gateway_info\": "
                + "{\"network_id\": \"" + publicNet + "\"}}}");
        assertThat(call("PUT", "/v2.0/routers/" + router + "/add_router_interface", "{\"subnet_id\": \"" + subnet
                + "\"}").statusCode()).isEqualTo(200);
        String ike = create(token, "vpn/ikepolicies", "{\"ikepolicy\": {\"name\": \"ike\"}}");
        String ipsec = create(token, "vpn/ipsecpolicies", "{\"ipsecpolicy\": {\"name\": \"ipsec\"}}");
        String service = create(token, "vpn/vpnservices", "{\"vpnservice\": {\"name\": \"vpn\", \"router_id\": \""
                + router + "\"}}");
        String local = create(token, "vpn/endpoint-groups", "{\"endpoint_group\": {\"type\": \"subnet\", "
                + "\"endpoints\": [\"" + subnet + "\"]}}");
        String peer = create(token, "vpn/endpoint-groups", "{\"endpoint_group\": {\"type\": \"cidr\", "
                + "\"endpoints\": [\"10.251.0.0/24\"]}}");
        String refs = "\"vpnservice_id\": \"" + service + "\", \"ikepolicy_id\": \"" + ike
                + "\", \"ipsecpolicy_id\": \"" + ipsec + "\", \"local_ep_group_id\": \"" + local
                + "\", \"peer_ep_group_id\": \"" + peer + "\"";
        create(token, "vpn/ipsec-site-connections", "{\"ipsec_site_connection\": {" + refs
                + ", \"name\": \"vpnconnection1\", \"peer_address\": \"172.24.4.226\", \"peer_id\": \"172.24.4.226\", "
                + "\"psk\": \"secret\"}}");
        create(token, "vpn/ipsec-site-connections", "{\"ipsec_site_connection\": {" + refs
                + ", \"name\": \"vpnconnection2\", \"peer_address\": \"172.24.4.227\", "
                + "\"peer_id\": \"peer@example.com\", \"local_id\": \"me@example.com\", \"psk\": \"s2\", "
                + "\"dpd\": {\"action\": \"restart\", \"interval\": 10, \"timeout\": 40}, \"mtu\": 1400, "
                + "\"initiator\": \"response-only\"}}");
    }

    @Test
    void everyFieldOfTheTableIsInTheList() throws Exception {
        JsonNode items = list("");
        assertThat(items).hasSize(2);
        for (JsonNode item : items) {
            assertThat(names(item)).containsAll(TABLE);
            assertThat(names(item.get("dpd"))).containsExactly("action", "interval", "timeout");
            // The types of the table, and the defaults it states.
            assertThat(item.get("peer_cidrs").isArray()).isTrue();
            assertThat(item.get("mtu").isInt()).isTrue();
            assertThat(item.get("admin_state_up").isBoolean()).isTrue();
            assertThat(item.get("route_mode").asText()).isEqualTo("static");
            assertThat(item.get("auth_mode").asText()).isEqualTo("psk");
            assertThat(item.get("status").asText()).isIn("ACTIVE", "DOWN", "BUILD", "ERROR", "PENDING_CREATE",
                    "PENDING_UPDATE", "PENDING_DELETE");
            assertThat(item.get("project_id")).isEqualTo(item.get("tenant_id"));
            for (String member : DPD) {
                assertThat(item.get("dpd").get(member).isValueNode()).as(member).isTrue();
            }
        }
        JsonNode defaults = items.findParents("name").stream()
                .filter(i -> i.get("name").asText().equals("vpnconnection1"))
                .findFirst().orElseThrow();
        assertThat(defaults.get("dpd").get("interval").asInt()).isEqualTo(30);
        assertThat(defaults.get("dpd").get("timeout").asInt()).isEqualTo(120);
        assertThat(defaults.get("dpd").get("action").asText()).isEqualTo("hold");
        assertThat(defaults.get("mtu").asInt()).isEqualTo(1500);
        assertThat(defaults.get("initiator").asText()).isEqualTo("bi-directional");
        assertThat(defaults.get("peer_cidrs")).isEmpty();
    }

    @Test
    void fieldsSelectsEachFieldOfTheTable() throws Exception {
        JsonNode full = list("");
        for (String field : TABLE) {
            JsonNode items = list("?fields=" + field);
            assertThat(items).as(field).hasSize(full.size());
            for (int i = 0; i < items.size(); i++) {
                assertThat(names(items.get(i))).as(field).containsExactly(field);
                assertThat(items.get(i).get(field)).as(field).isEqualTo(full.get(i).get(field));
            }
        }
    }

    @Test
    void fieldsIsRepeatableWithEveryFieldOfTheTable() throws Exception {
        JsonNode full = list("");
        var query = new StringBuilder();
        for (String field : TABLE) {
            query.append(query.isEmpty() ? "?" : "&").append("fields=").append(field);
        }
        JsonNode items = list(query.toString());
        for (int i = 0; i < items.size(); i++) {
            // Everything but local_id, the one attribute not in the table; in the attribute order, not the query's.
            var expected = new ArrayList<>(names(full.get(i)));
            expected.remove("local_id");
            assertThat(names(items.get(i))).containsExactlyElementsOf(expected);
        }
        JsonNode two = list("?fields=name&fields=dpd");
        assertThat(names(two.get(0))).containsExactly("name", "dpd");
    }

    /** See the class comment: answered as Neutron answers them, although Huawei does not support them. */
    @Test
    void fieldsNotSupportedOnHuaweiAreAnsweredAsNeutronDoes() throws Exception {
        JsonNode full = list("");
        for (String field : NOT_FIELDS_ON_HUAWEI) {
            JsonNode items = list("?fields=" + field);
            for (int i = 0; i < items.size(); i++) {
                assertThat(names(items.get(i))).as(field).containsExactly(field);
                assertThat(items.get(i).get(field)).as(field).isEqualTo(full.get(i).get(field));
            }
        }
        JsonNode all = list("?fields=project_id&fields=peer_id&fields=dpd&fields=local_id");
        assertThat(names(all.get(0))).containsExactly("peer_id", "local_id", "dpd", "project_id");
    }

    /** dpd's members are not attributes: as Neutron, such names select nothing (and are not an error). */
    @Test
    void dpdMembersAreNotFields() throws Exception {
        for (String member : DPD) {
            JsonNode items = list("?fields=" + member);
            assertThat(items).hasSize(2);
            items.forEach(item -> assertThat(item.isEmpty()).as(member).isTrue());
        }
        JsonNode items = list("?fields=id&fields=interval");
        assertThat(names(items.get(0))).containsExactly("id");
    }

    private static JsonNode list(String query) throws Exception {
        var response = call("GET", "/v2.0/vpn/ipsec-site-connections" + query, null);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return JSON.readTree(response.body()).get("ipsec_site_connections");
    }

    private static List<String> names(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String create(String as, String collection, String body) throws Exception {
        var response = send(as, "POST", "/v2.0/" + collection, body);
        assertThat(response.statusCode()).as(collection + " " + response.body()).isEqualTo(201);
        JsonNode root = JSON.readTree(response.body());
        return root.get(root.fieldNames().next()).get("id").asText();
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        return send(token, method, path, body);
    }

    private static HttpResponse<String> send(String as, String method, String path, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(VPND.endpoints().get("neutron") + path))
                .header("Accept", "application/json").header("X-Auth-Token", as)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String user, String password, String project) throws Exception {
        URI tokens = URI.create(VPND.endpoints().get("keystone") + "/v3/auth/tokens");
        var response = HTTP.send(HttpRequest.newBuilder(tokens)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"auth": {"identity": {"methods": ["password"],
                        "password": {"user": {"domain": {"name": "Default"}, "name": "%s", "password": "%s"}}},
                        "scope": {"project": {"domain": {"name": "Default"}, "name": "%s"}}}}
                        """.formatted(user, password, project))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return response.headers().firstValue("X-Subject-Token").orElseThrow();
    }
}
