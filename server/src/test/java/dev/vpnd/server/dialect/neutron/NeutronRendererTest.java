package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forms neutron-server answers in: NeutronError bodies, keystonemiddleware's 401, a bare 204. */
class NeutronRendererTest {

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void anErrorIsANeutronErrorWithItsStatusAndTheRequestId() {
        var answer = NeutronRenderer.error(NeutronError.IKE_POLICY_NOT_FOUND.fault("i1"), "req-1");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(text(answer.body())).isEqualTo("{\"NeutronError\": {\"type\": \"IKEPolicyNotFound\", "
                + "\"message\": \"IKEPolicy i1 could not be found\", \"detail\": \"\"}}");
        assertThat(answer.headers()).containsEntry("X-Openstack-Request-Id", "req-1");
    }

    @Test
    void aBadTokenIsKeystonemiddlewaresAnswerWithoutARequestId() {
        var answer = NeutronRenderer.error(NeutronError.unauthorized("http://h:8803"), "req-1");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(text(answer.body())).isEqualTo("{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", "
                + "\"message\": \"The request you have made requires authentication.\"}}");
        assertThat(answer.headers()).containsExactly(Map.entry("WWW-Authenticate", "Keystone uri=\"http://h:8803\""));
    }

    @Test
    void theHttpLayersOwnStatusKeepsItsStatus() {
        var answer = NeutronRenderer.error(413, "HTTPBadRequest", "body too large", "req-1");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(text(answer.body())).contains("\"type\": \"HTTPBadRequest\"", "\"message\": \"body too large\"");
    }

    @Test
    void aDeleteIsA204WithoutBodyOrContentType() {
        var answer = NeutronRenderer.noContent("req-1");
        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
        assertThat(answer.contentType()).isNull();
    }

    @Test
    void theVersionDocumentLinksToV2AndHasNoRequestId() {
        var answer = NeutronRenderer.versions("https://h:9696");
        assertThat(text(answer.body())).isEqualTo("{\"versions\": [{\"id\": \"v2.0\", \"status\": \"CURRENT\", "
                + "\"links\": [{\"href\": \"https://h:9696/v2.0/\", \"rel\": \"self\"}]}]}");
        assertThat(answer.headers()).isEmpty();
    }
}
