package dev.vpnd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The vector is the request the Java SDK 3.1.1436 sent to a loopback server with a fake key pair
 * (docs/dialects/tencent.md, "Test vectors"; the server's Tc3SignatureTest holds the same capture).
 */
class Tc3SignerTest {
    private static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    private static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    private static final String HOST = "127.0.0.1:18080";
    private static final String JSON = "application/json; charset=utf-8";
    private static final byte[] BODY = ("{\"Filters\":[{\"Name\":\"vpn-gateway-id\",\"Values\":[\"vpngw-p4lmqawn\"]}],"
            + "\"Offset\":0,\"Limit\":20}").getBytes(StandardCharsets.UTF_8);
    private static final long TIMESTAMP = 1795315401L;

    @Test
    void eachStepGivesWhatTheCapturedRequestCarries() {
        String canonical = Tc3Signer.canonicalRequest("POST", "/", "", JSON, HOST, BODY);
        assertThat(canonical).isEqualTo("""
                POST
                /

                content-type:application/json; charset=utf-8
                host:127.0.0.1:18080

                content-type;host
                cb361dfdc64471f1e77ce82f9f5e2726cfc442e17b5913ef31c667ec928f1b25""");
        assertThat(Tc3Signer.service(HOST)).isEqualTo("127");
        assertThat(Tc3Signer.date(TIMESTAMP)).isEqualTo("2026-11-22");
        String toSign = Tc3Signer.stringToSign(TIMESTAMP, Tc3Signer.credentialScope("2026-11-22", "127"), canonical);
        assertThat(toSign).isEqualTo("""
                TC3-HMAC-SHA256
                1795315401
                2026-11-22/127/tc3_request
                3ca63eb01a86fa593e12edb3a7b62713501f169bec22453df781498ff0836ce1""");
        assertThat(Tc3Signer.signature(Tc3Signer.secretSigning(SECRET_KEY, "2026-11-22", "127"), toSign))
                .isEqualTo("698bd52c33168dbd0c6d26ca5a995da46e6f96c9f84cfd5bbbe873efc3188043");
    }

    @Test
    void authorizationIsTheCapturedHeader() {
        assertThat(new Tc3Signer(SECRET_ID, SECRET_KEY).authorization(TIMESTAMP, HOST, JSON, BODY))
                .isEqualTo("TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/2026-11-22/127/tc3_request, "
                        + "SignedHeaders=content-type;host, "
                        + "Signature=698bd52c33168dbd0c6d26ca5a995da46e6f96c9f84cfd5bbbe873efc3188043");
    }

    @Test
    void aDotlessEndpointIsItsOwnService() {
        assertThat(Tc3Signer.service("localhost:18080")).isEqualTo("localhost:18080");
    }
}
