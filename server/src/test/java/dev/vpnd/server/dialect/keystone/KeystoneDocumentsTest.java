package dev.vpnd.server.dialect.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.User;
import dev.vpnd.core.service.IdentityService.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON Keystone answers with, as keystoneauth, the openstack CLI and tempest read it. */
class KeystoneDocumentsTest {
    private static final Instant ISSUED = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final Account PROJECT = new Account("acc-1", "demo", ISSUED);

    private static Session session(boolean admin) {
        var user = new User("usr-1", PROJECT.id(), "alice", null, admin, ISSUED);
        return new Session(user, PROJECT, ISSUED, ISSUED.plusSeconds(3600));
    }

    private static JsonNode token(boolean admin, boolean catalog) {
        return KeystoneDocuments.token(session(admin), "http://h:8803", "http://h:8804", "RegionOne", catalog)
                .path("token");
    }

    @Test
    void theVersionLinksToItselfUnderTheUrlTheClientCalled() {
        var version = KeystoneDocuments.version("https://h:8803");
        assertThat(version.path("id").asText()).isEqualTo("v3.14");
        assertThat(version.at("/links/0/href").asText()).isEqualTo("https://h:8803/v3/");
        assertThat(version.at("/links/0/rel").asText()).isEqualTo("self");
    }

    @Test
    void theVersionListHoldsTheOneVersion() {
        var values = KeystoneDocuments.versions("http://h").at("/versions/values");
        assertThat(values).hasSize(1);
        assertThat(values.get(0)).isEqualTo(KeystoneDocuments.version("http://h"));
    }

    @Test
    void timesHaveMicrosecondsAndAZAsTempestParsesThem() {
        var token = token(false, false);
        assertThat(token.path("issued_at").asText()).isEqualTo("2026-01-02T03:04:05.123456Z");
        assertThat(token.path("expires_at").asText()).isEqualTo("2026-01-02T04:04:05.123456Z");
        assertThat(KeystoneDocuments.format(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo(
                "2026-01-02T03:04:05.000000Z");
    }

    @Test
    void theTokenNamesTheUserAndProjectInTheDefaultDomain() {
        var token = token(false, false);
        assertThat(token.at("/user/id").asText()).isEqualTo("usr-1");
        assertThat(token.at("/user/name").asText()).isEqualTo("alice");
        assertThat(token.at("/user/domain/id").asText()).isEqualTo("default");
        assertThat(token.at("/project/id").asText()).isEqualTo("acc-1");
        assertThat(token.at("/project/domain/name").asText()).isEqualTo("Default");
        assertThat(token.at("/methods/0").asText()).isEqualTo("password");
    }

    @Test
    void rolesAreTheImpliedOnesWithIdsStableAcrossTokens() {
        var admin = token(true, false).path("roles");
        var names = new ArrayList<String>();
        admin.forEach(role -> names.add(role.path("name").asText()));
        assertThat(names).containsExactly("admin", "member", "reader");
        assertThat(token(false, false).path("roles").get(0)).isEqualTo(admin.get(1));
        admin.forEach(role -> assertThat(role.path("id").asText()).matches("[0-9a-f]{32}"));
    }

    @Test
    void eachTokenHasItsOwnAuditId() {
        String first = token(false, false).at("/audit_ids/0").asText();
        assertThat(first).matches("[A-Za-z0-9_-]{22}");
        assertThat(token(false, false).at("/audit_ids/0").asText()).isNotEqualTo(first);
    }

    @Test
    void theCatalogSendsClientsToNeutronAndKeystoneOnEveryInterface() {
        var catalog = token(false, true).path("catalog");
        var services = new ArrayList<String>();
        catalog.forEach(service -> services.add(service.path("type").asText() + " " + service.path("name").asText()));
        assertThat(services).containsExactly("network neutron", "identity keystone");
        for (JsonNode service : catalog) {
            var faces = new ArrayList<String>();
            for (JsonNode endpoint : service.path("endpoints")) {
                faces.add(endpoint.path("interface").asText());
                assertThat(endpoint.path("region").asText()).isEqualTo("RegionOne");
                assertThat(endpoint.path("region_id").asText()).isEqualTo("RegionOne");
            }
            assertThat(faces).containsExactly("public", "internal", "admin");
        }
        assertThat(catalog.at("/0/endpoints/0/url").asText()).isEqualTo("http://h:8804");
        assertThat(catalog.at("/1/endpoints/0/url").asText()).isEqualTo("http://h:8803/v3");
    }

    @Test
    void withoutTheCatalogTheTokenHasNone() {
        assertThat(token(false, false).has("catalog")).isFalse();
    }

    @Test
    void anErrorCarriesItsStatusTitleAndMessage() {
        var error = KeystoneDocuments.error(KeystoneError.NOT_FOUND, "Could not find token: x.").path("error");
        assertThat(List.of(error.path("code").asInt(), error.path("title").asText(), error.path("message").asText()))
                .containsExactly(404, "Not Found", "Could not find token: x.");
    }
}
