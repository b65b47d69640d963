package dev.vpnd.server.conformance.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.RunningVpnd;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keystone and Neutron over real HTTP, without the OpenStack tools: token issue and validation as
 * keystoneauth and tempest need them, and Neutron answers compared with the reference's captures.
 */
class OpenStackHttpTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    private static Answer call(String method, String url, String token, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("X-Auth-Token", token);
        }
        var response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()),
                response);
    }

    private static String keystone() {
        return VPND.endpoints().get("keystone");
    }

    private static String neutron() {
        return VPND.endpoints().get("neutron");
    }

    private static Answer token(String user, String password, String project) throws Exception {
        return call("POST", keystone() + "/v3/auth/tokens", null, """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"domain": {"name": "Default"},
                "name": "%s", "password": "%s"}}}, "scope": {"project": {"domain": {"name": "Default"}, "name": "%s"}}}}
                """.formatted(user, password, project));
    }

    private static String demoToken() throws Exception {
        return token("demo", "demo", "demo").raw().headers().firstValue("X-Subject-Token").orElseThrow();
    }

    @Test
    void discoveryAndTokens() throws Exception {
        var version = call("GET", keystone() + "/v3", null, null);
        assertThat(version.status()).isEqualTo(200);
        assertThat(version.body().at("/version/links/0/href").asText()).isEqualTo(keystone() + "/v3/");

        var issued = token("demo", "demo", "demo");
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.raw().headers().firstValue("X-Subject-Token").orElseThrow();
        JsonNode body = issued.body().get("token");
        assertThat(body.path("expires_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(body.at("/project/name").asText()).isEqualTo("demo");
        assertThat(body.at("/user/domain/name").asText()).isEqualTo("Default");
        assertThat(body.path("roles").findValuesAsText("name")).containsExactly("member", "reader");
        JsonNode network = body.path("catalog").get(0);
        assertThat(network.path("type").asText()).isEqualTo("network");
        assertThat(network.at("/endpoints/0/interface").asText()).isEqualTo("public");
        assertThat(network.at("/endpoints/0/region").asText()).isEqualTo("RegionOne");
        assertThat(network.at("/endpoints/0/url").asText()).isEqualTo(neutron());

        var admin = token("admin", "admin", "admin");
        assertThat(admin.body().at("/token/roles").findValuesAsText("name")).contains("admin");

        var validate = HTTP.send(HttpRequest.newBuilder(URI.create(keystone() + "/v3/auth/tokens"))
                .header("X-Auth-Token", token).header("X-Subject-Token", token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(validate.statusCode()).isEqualTo(200);
        var unknown = HTTP.send(HttpRequest.newBuilder(URI.create(keystone() + "/v3/auth/tokens"))
                .header("X-Auth-Token", token).header("X-Subject-Token", "nope").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);

        var wrong = token("demo", "wrong", "demo");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().at("/error/title").asText()).isEqualTo("Unauthorized");
        assertThat(token("demo", "demo", "admin").status()).as("another user's project").isEqualTo(401);
    }

    @Test
    void projectAndUserIdsAreKeystonesHexAndTakenInEitherForm() throws Exception {
        JsonNode body = token("demo", "demo", "demo").body().get("token");
        String projectId = body.at("/project/id").asText();
        String userId = body.at("/user/id").asText();
        assertThat(projectId).matches("[0-9a-f]{32}");
        assertThat(userId).matches("[0-9a-f]{32}");
        String dashed = VPND.services().accounts().list().stream().filter(a -> a.name().equals("demo"))
                .findFirst().orElseThrow().id();
        assertThat(dashed.replace("-", "")).isEqualTo(projectId);

        for (String project : new String[] {projectId, dashed}) {
            var byIds = call("POST", keystone() + "/v3/auth/tokens", null, """
                    {"auth": {"identity": {"methods": ["password"], "password": {"user": {"id": "%s",
                    "password": "demo"}}}, "scope": {"project": {"id": "%s"}}}}""".formatted(userId, project));
            assertThat(byIds.status()).as(project).isEqualTo(201);
            assertThat(byIds.body().at("/token/project/id").asText()).isEqualTo(projectId);
        }

        String token = demoToken();
        String admin = token("admin", "admin", "admin").raw().headers().firstValue("X-Subject-Token").orElseThrow();
        var made = call("POST", neutron() + "/v2.0/vpn/ikepolicies", admin,
                "{\"ikepolicy\": {\"name\": \"for-demo\", \"tenant_id\": \"" + projectId + "\"}}");
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.body().at("/ikepolicy/tenant_id").asText()).isEqualTo(projectId);
        assertThat(made.body().at("/ikepolicy/project_id").asText()).isEqualTo(projectId);
        var seen = call("GET", neutron() + "/v2.0/vpn/ikepolicies?name=for-demo", token, null);
        assertThat(seen.body().path("ikepolicies")).as("made by the admin for demo's project, by its hex id")
                .hasSize(1);
        for (String project : new String[] {projectId, dashed}) {
            var filtered = call("GET", neutron() + "/v2.0/vpn/ikepolicies?name=for-demo&tenant_id=" + project, admin,
                    null);
            assertThat(filtered.body().path("ikepolicies")).as(project).hasSize(1);
            var byProject = call("GET", neutron() + "/v2.0/vpn/ikepolicies?name=for-demo&project_id=" + project,
                    admin, null);
            assertThat(byProject.body().path("ikepolicies")).as(project).hasSize(1);
        }
    }

    @Test
    void neutronNeedsAValidToken() throws Exception {
        var answer = call("GET", neutron() + "/v2.0/vpn/ikepolicies", "bogus", null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().at("/error/code").asInt()).isEqualTo(401);
    }

    @Test
    void policiesAsTheReferenceAnswers() throws Exception {
        String token = demoToken();
        var created = call("POST", neutron() + "/v2.0/vpn/ikepolicies", token,
                "{\"ikepolicy\": {\"name\": \"cap-ike\"}}");
        assertThat(created.status()).isEqualTo(201);
        // 08_ikepolicy_create: every default, in the reference's order and spacing.
        String id = created.body().at("/ikepolicy/id").asText();
        String project = created.body().at("/ikepolicy/tenant_id").asText();
        assertThat(created.raw().body()).isEqualTo("{\"ikepolicy\": {\"id\": \"" + id + "\", \"tenant_id\": \""
                + project + "\", \"name\": \"cap-ike\", \"description\": \"\", \"auth_algorithm\": \"sha1\", "
                + "\"encryption_algorithm\": \"aes-128\", \"phase1_negotiation_mode\": \"main\", \"lifetime\": "
                + "{\"units\": \"seconds\", \"value\": 3600}, \"ike_version\": \"v1\", \"pfs\": \"group5\", "
                + "\"project_id\": \"" + project + "\"}}");

        // 89/91: lifetime.value is echoed as sent on create, an integer on later reads.
        var life = call("POST", neutron() + "/v2.0/vpn/ipsecpolicies", token,
                "{\"ipsecpolicy\": {\"name\": \"cap-life\", "
                        + "\"lifetime\": {\"units\": \"seconds\", \"value\": \"2000\"}}}");
        assertThat(life.body().at("/ipsecpolicy/lifetime/value").isTextual()).isTrue();
        var shown = call("GET", neutron() + "/v2.0/vpn/ipsecpolicies/" + life.body().at("/ipsecpolicy/id").asText(),
                token, null);
        assertThat(shown.body().at("/ipsecpolicy/lifetime/value").asInt()).isEqualTo(2000);

        var missing = call("GET", neutron() + "/v2.0/vpn/ikepolicies/11111111-2222-3333-4444-555555555555", token,
                null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.raw().body()).isEqualTo("{\"NeutronError\": {\"type\": \"IKEPolicyNotFound\", \"message\": "
                + "\"IKEPolicy 11111111-2222-3333-4444-555555555555 could not be found\", \"detail\": \"\"}}");

        var badLimit = call("GET", neutron() + "/v2.0/vpn/ikepolicies?limit=-1", token, null);
        assertThat(badLimit.body().at("/NeutronError/message").asText())
                .isEqualTo("Bad limit request: Limit must be an integer 0 or greater and not '-1'.");
        var sortless = call("GET", neutron() + "/v2.0/vpn/ikepolicies?sort_key=name", token, null);
        assertThat(sortless.body().at("/NeutronError/message").asText())
                .isEqualTo("The number of sort_keys and sort_dirs must be same");
        var unknownAttribute = call("POST", neutron() + "/v2.0/vpn/ikepolicies", token,
                "{\"ikepolicy\": {\"foo\": 1}}");
        assertThat(unknownAttribute.body().at("/NeutronError/message").asText())
                .isEqualTo("Unrecognized attribute(s) 'foo'");
        var lowLifetime = call("POST", neutron() + "/v2.0/vpn/ikepolicies", token,
                "{\"ikepolicy\": {\"lifetime\": {\"value\": 59}}}");
        assertThat(lowLifetime.body().at("/NeutronError/message").asText())
                .isEqualTo("Invalid input for lifetime. Reason: '59' is too small - must be at least '60'.");

        call("POST", neutron() + "/v2.0/vpn/ikepolicies", token, "{\"ikepolicy\": {\"name\": \"cap-ike2\"}}");
        var page = call("GET", neutron() + "/v2.0/vpn/ikepolicies?limit=1&fields=id&fields=name", token, null);
        assertThat(page.body().path("ikepolicies")).hasSize(1);
        assertThat(page.body().at("/ikepolicies/0").size()).isEqualTo(2);
        assertThat(page.body().at("/ikepolicies_links/0/rel").asText()).isEqualTo("next");
        assertThat(page.body().at("/ikepolicies_links/0/href").asText()).isEqualTo(neutron()
                + "/v2.0/vpn/ikepolicies?limit=1&fields=id&fields=name&marker="
                + page.body().at("/ikepolicies/0/id").asText());
        var emptyFields = call("GET", neutron() + "/v2.0/vpn/ikepolicies?name=cap-ike2&fields=", token, null);
        assertThat(emptyFields.body().at("/ikepolicies/0/lifetime/value").asInt())
                .as("an empty fields value asks for whole documents, as Neutron drops it").isEqualTo(3600);
        assertThat(call("GET", neutron() + "/v2.0/vpn/ikepolicies/" + page.body().at("/ikepolicies/0/id").asText()
                + "?fields=", token, null).body().path("ikepolicy").has("encryption_algorithm")).isTrue();
        var byName = call("GET", neutron() + "/v2.0/vpn/ikepolicies?name=cap-ike&name=cap-ike2&fields=name", token,
                null);
        assertThat(byName.body().path("ikepolicies").findValuesAsText("name"))
                .containsExactlyInAnyOrder("cap-ike", "cap-ike2");

        assertThat(call("DELETE", neutron() + "/v2.0/vpn/ikepolicies/" + id, token, null).status()).isEqualTo(204);
        assertThat(call("DELETE", neutron() + "/v2.0/vpn/ikepolicies/" + id, token, null).status()).isEqualTo(404);
        var otherProject = call("GET", neutron() + "/v2.0/vpn/ipsecpolicies", token("admin", "admin", "admin")
                .raw().headers().firstValue("X-Subject-Token").orElseThrow(), null);
        assertThat(otherProject.body().path("ipsecpolicies")).as("an admin sees every project").isNotEmpty();
    }
}
