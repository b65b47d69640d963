package dev.vpnd.server.dialect.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.dialect.tencent.Tc3Signature.Authorization;
import dev.vpnd.server.security.CanonicalRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors are requests captured from the SDKs with a fake key pair (docs/dialects/tencent.md, Test vectors). */
class Tc3SignatureTest {
    private static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    private static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String FORM = "application/x-www-form-urlencoded";

    /** Java SDK 3.1.1436, POST, endpoint 127.0.0.1:18080, so service "127". */
    private static final Captured JAVA_POST = new Captured("POST", "", Map.of(
            "host", "127.0.0.1:18080",
            "authorization", "TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/2026-11-22/127/tc3_request, "
                    + "SignedHeaders=content-type;host, "
                    + "Signature=698bd52c33168dbd0c6d26ca5a995da46e6f96c9f84cfd5bbbe873efc3188043",
            "x-tc-action", "DescribeVpnConnections",
            "x-tc-timestamp", "1795315401",
            "x-tc-version", "2017-03-12",
            "x-tc-requestclient", "SDK_JAVA_3.1.1436",
            "x-tc-region", "ap-guangzhou",
            "content-type", JSON,
            "content-length", "89"),
            "{\"Filters\":[{\"Name\":\"vpn-gateway-id\",\"Values\":[\"vpngw-p4lmqawn\"]}],\"Offset\":0,\"Limit\":20}");

    /**
     * TC3 with GET: the query is signed raw and unsorted. The capture kept only the first eight hex
     * digits of the signature and not the timestamp; 1795315419 is the timestamp (the one of the
     * HmacSHA256 capture made in the same run) whose signature begins with those digits, and the rest
     * of the signature was computed from it.
     */
    private static final String GET_QUERY = "Filters.0.Values.0=my+vpn%2F1&Filters.0.Name=vpn-connection-name"
            + "&Limit=20&Offset=0";
    private static final String GET_SIGNATURE_PREFIX = "3023c5c5";
    private static final Captured JAVA_GET = new Captured("GET", GET_QUERY, Map.of(
            "content-type", FORM,
            "host", "127.0.0.1:18080",
            "authorization", "TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/2026-11-22/127/tc3_request, "
                    + "SignedHeaders=content-type;host, "
                    + "Signature=3023c5c54601c2ad6dd950c8d13163d0cc1e30b5f962540dbd99bd98b4f3fd0b",
            "x-tc-action", "DescribeVpnConnections",
            "x-tc-timestamp", "1795315419",
            "x-tc-version", "2017-03-12",
            "x-tc-region", "ap-guangzhou"),
            "");

    @Test
    void authorizationOfTheCapturedRequestParses() {
        assertThat(JAVA_POST.authorization()).isEqualTo(new Authorization(SECRET_ID, "2026-11-22", "127",
                List.of("content-type", "host"), "698bd52c33168dbd0c6d26ca5a995da46e6f96c9f84cfd5bbbe873efc3188043"));
        assertThat(JAVA_POST.authorization().credentialScope()).isEqualTo("2026-11-22/127/tc3_request");
    }

    @Test
    void eachStepMatchesTheCapturedPost() {
        Captured c = JAVA_POST;
        Authorization auth = c.authorization();

        String hashedPayload = Tc3Signature.hashedRequestPayload(c.bodyBytes(), null);
        assertThat(hashedPayload).isEqualTo("cb361dfdc64471f1e77ce82f9f5e2726cfc442e17b5913ef31c667ec928f1b25");
        String canonicalRequest = CanonicalRequest.of("POST", CanonicalRequest.uri("/"),
                Tc3Signature.canonicalQueryString(null),
                Tc3Signature.canonicalHeaders(auth.signedHeaders(), c.headers()::get, "127.0.0.1:18080"),
                "content-type;host", hashedPayload);
        assertThat(canonicalRequest).isEqualTo("""
                POST
                /

                content-type:application/json; charset=utf-8
                host:127.0.0.1:18080

                content-type;host
                cb361dfdc64471f1e77ce82f9f5e2726cfc442e17b5913ef31c667ec928f1b25""");
        String hashedCanonicalRequest = Tc3Signature.hashedCanonicalRequest(canonicalRequest);
        assertThat(hashedCanonicalRequest)
                .isEqualTo("3ca63eb01a86fa593e12edb3a7b62713501f169bec22453df781498ff0836ce1");
        assertThat(Tc3Signature.date(1795315401L)).isEqualTo("2026-11-22");
        String stringToSign = Tc3Signature.stringToSign("1795315401",
                Tc3Signature.credentialScope("2026-11-22", "127"), hashedCanonicalRequest);
        assertThat(stringToSign).isEqualTo("""
                TC3-HMAC-SHA256
                1795315401
                2026-11-22/127/tc3_request
                3ca63eb01a86fa593e12edb3a7b62713501f169bec22453df781498ff0836ce1""");
        byte[] secretSigning = Tc3Signature.secretSigning(
                Tc3Signature.secretService(Tc3Signature.secretDate(SECRET_KEY, "2026-11-22"), "127"));
        assertThat(Tc3Signature.signature(secretSigning, stringToSign))
                .isEqualTo("698bd52c33168dbd0c6d26ca5a995da46e6f96c9f84cfd5bbbe873efc3188043");
    }

    @Test
    void capturedPostVerifies() {
        assertThat(JAVA_POST.verify(SECRET_KEY)).isTrue();
        assertThat(Tc3Signature.expectedStringToSign("POST", "/", "", JAVA_POST.headers()::get,
                JAVA_POST.bodyBytes(), "1795315401", JAVA_POST.authorization()))
                .endsWith("\n3ca63eb01a86fa593e12edb3a7b62713501f169bec22453df781498ff0836ce1");
    }

    @Test
    void capturedGetSignsTheRawUnsortedQuery() {
        Captured c = JAVA_GET;
        Authorization auth = c.authorization();
        String canonicalRequest = CanonicalRequest.of("GET", "/",
                Tc3Signature.canonicalQueryString(GET_QUERY),
                Tc3Signature.canonicalHeaders(auth.signedHeaders(), c.headers()::get, "127.0.0.1:18080"),
                "content-type;host", Tc3Signature.hashedRequestPayload(new byte[0], null));

        assertThat(canonicalRequest).isEqualTo("""
                GET
                /
                Filters.0.Values.0=my+vpn%2F1&Filters.0.Name=vpn-connection-name&Limit=20&Offset=0
                content-type:application/x-www-form-urlencoded
                host:127.0.0.1:18080

                content-type;host
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
        String signature = Tc3Signature.signature(
                Tc3Signature.secretSigning(Tc3Signature.secretService(Tc3Signature.secretDate(SECRET_KEY,
                        "2026-11-22"), "127")),
                Tc3Signature.stringToSign("1795315419", auth.credentialScope(),
                        Tc3Signature.hashedCanonicalRequest(canonicalRequest)));
        assertThat(signature).startsWith(GET_SIGNATURE_PREFIX).isEqualTo(auth.signature());
        assertThat(c.verify(SECRET_KEY)).isTrue();
    }

    @Test
    void sortedOrReencodedGetQueryFails() {
        Captured c = JAVA_GET;
        String sorted = "Filters.0.Name=vpn-connection-name&Filters.0.Values.0=my+vpn%2F1&Limit=20&Offset=0";
        String reencoded = GET_QUERY.replace("my+vpn%2F1", "my%20vpn%2F1");

        assertThat(c.withQuery(sorted).verify(SECRET_KEY)).isFalse();
        assertThat(c.withQuery(reencoded).verify(SECRET_KEY)).isFalse();
    }

    @Test
    void wrongKeyFails() {
        assertThat(JAVA_POST.verify("Gu5t9xGARNpq86cd98joQYCN3EXAMPLF")).isFalse();
        assertThat(JAVA_GET.verify("Gu5t9xGARNpq86cd98joQYCN3EXAMPLF")).isFalse();
    }

    @Test
    void tamperedBodyFails() {
        assertThat(JAVA_POST.withBody(JAVA_POST.body().replace("\"Limit\":20", "\"Limit\":100"))
                .verify(SECRET_KEY)).isFalse();
        assertThat(JAVA_POST.withBody(JAVA_POST.body() + " ").verify(SECRET_KEY)).isFalse();
    }

    @Test
    void tamperedQueryParameterFails() {
        assertThat(JAVA_GET.withQuery(GET_QUERY.replace("Limit=20", "Limit=100")).verify(SECRET_KEY)).isFalse();
    }

    @Test
    void queryAddedToASignedPostFails() {
        assertThat(JAVA_POST.withQuery("Limit=100").verify(SECRET_KEY)).isFalse();
    }

    @Test
    void wrongDateInScopeFails() {
        // A scope date other than the one signed ...
        Captured nextDay = JAVA_POST.withAuthorization(JAVA_POST.header("authorization")
                .replace("/2026-11-22/", "/2026-11-23/"));
        assertThat(nextDay.verify(SECRET_KEY)).isFalse();
        // ... and a signature honestly computed over a scope date other than the timestamp's UTC day.
        Captured c = JAVA_POST;
        Authorization auth = c.authorization();
        Authorization shifted = new Authorization(SECRET_ID, "2026-11-23", "127", auth.signedHeaders(),
                signedWith(c, "2026-11-23", "127", "127.0.0.1:18080"));
        assertThat(Tc3Signature.verify("POST", "/", "", c.headers()::get, c.bodyBytes(), "1795315401", shifted,
                SECRET_KEY)).isFalse();
        assertThat(Tc3Signature.dateMatches("1795315401", "2026-11-22")).isTrue();
        assertThat(Tc3Signature.dateMatches("1795315401", "2026-11-23")).isFalse();
    }

    @Test
    void dateIsTheUtcDay() {
        assertThat(Tc3Signature.date(1795305599L)).isEqualTo("2026-11-21");
        assertThat(Tc3Signature.date(1795305600L)).isEqualTo("2026-11-22");
        assertThat(Tc3Signature.date(1795391999L)).isEqualTo("2026-11-22");
        assertThat(Tc3Signature.date(1795392000L)).isEqualTo("2026-11-23");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1795315401", "+1795315401", "1795315401.0", " 1795315401", "1e9",
        "1795315401000000"})
    void timestampThatIsNoUnixTimeFails(String timestamp) {
        assertThat(Tc3Signature.dateMatches(timestamp, "2026-11-22")).isFalse();
        assertThat(Tc3Signature.verify("POST", "/", "", JAVA_POST.headers()::get, JAVA_POST.bodyBytes(), timestamp,
                JAVA_POST.authorization(), SECRET_KEY)).isFalse();
    }

    @Test
    void tamperedTimestampFails() {
        assertThat(Tc3Signature.verify("POST", "/", "", JAVA_POST.headers()::get, JAVA_POST.bodyBytes(),
                "1795315402", JAVA_POST.authorization(), SECRET_KEY)).isFalse();
    }

    @Test
    void otherServiceInScopeFails() {
        assertThat(JAVA_POST.withAuthorization(JAVA_POST.header("authorization").replace("/127/", "/vpc/"))
                .verify(SECRET_KEY)).isFalse();
    }

    @Test
    void otherHostOrMethodFails() {
        assertThat(JAVA_POST.withHeader("host", "127.0.0.1:18081").verify(SECRET_KEY)).isFalse();
        assertThat(JAVA_POST.withHeader("host", "127.0.0.1").verify(SECRET_KEY)).isFalse();
        assertThat(Tc3Signature.verify("PUT", "/", "", JAVA_POST.headers()::get, JAVA_POST.bodyBytes(),
                "1795315401", JAVA_POST.authorization(), SECRET_KEY)).isFalse();
    }

    @Test
    void missingHostFails() {
        Map<String, String> headers = new HashMap<>(JAVA_POST.headers());
        headers.remove("host");

        assertThat(Tc3Signature.verify("POST", "/", "", headers::get, JAVA_POST.bodyBytes(), "1795315401",
                JAVA_POST.authorization(), SECRET_KEY)).isFalse();
    }

    @Test
    void tamperedSignedContentTypeFails() {
        assertThat(JAVA_POST.withHeader("content-type", "application/json").verify(SECRET_KEY)).isFalse();
    }

    @Test
    void unsignedHeadersDoNotMatter() {
        assertThat(JAVA_POST.withHeader("x-tc-region", "ap-shanghai").withHeader("x-tc-traceid", "x")
                .verify(SECRET_KEY)).isTrue();
    }

    @Test
    void contentSha256HeaderDoesNotReplaceHashingTheBody() {
        // A client-supplied digest is ignored: only the literal UNSIGNED-PAYLOAD changes what is hashed.
        Captured c = JAVA_POST.withHeader("x-tc-content-sha256",
                "cb361dfdc64471f1e77ce82f9f5e2726cfc442e17b5913ef31c667ec928f1b25");
        assertThat(c.verify(SECRET_KEY)).isTrue();
        assertThat(c.withBody("{}").verify(SECRET_KEY)).isFalse();
        assertThat(JAVA_POST.withHeader("x-tc-content-sha256", "UNSIGNED-PAYLOAD").verify(SECRET_KEY)).isFalse();
    }

    // The cases below have no captured vector; they are signed here with the step
    // functions above (already checked against the captures) to pin the verifier's choices.

    @Test
    void nodeSdkSignsTheHostWithoutItsPort() {
        // Node sends Host: 127.0.0.1:18080 but signs host:127.0.0.1, content-type without charset.
        Captured node = JAVA_POST.withHeader("content-type", "application/json")
                .withHeader("x-tc-traceid", "4e0c0a0d-7f8c-4a5e-9a43-3f9d7a0b5c11");
        node = node.withAuthorization(authorizationHeader("127", signedWith(node, "2026-11-22", "127", "127.0.0.1")));

        assertThat(node.verify(SECRET_KEY)).isTrue();
        assertThat(node.withHeader("host", "127.0.0.1:18081").verify(SECRET_KEY)).isTrue();
        assertThat(node.withHeader("host", "127.0.0.2:18080").verify(SECRET_KEY)).isFalse();
    }

    @Test
    void proxiedJavaSdkSignsServiceVpcAndThePublicHost() {
        // The Java SDK through a proxy, and the Python/Go SDKs: service "vpc", Host: vpc.tencentcloudapi.com.
        Captured proxied = JAVA_POST.withHeader("host", "vpc.tencentcloudapi.com");
        proxied = proxied.withAuthorization(authorizationHeader("vpc",
                signedWith(proxied, "2026-11-22", "vpc", "vpc.tencentcloudapi.com")));

        assertThat(proxied.authorization().service()).isEqualTo("vpc");
        assertThat(proxied.verify(SECRET_KEY)).isTrue();
        assertThat(proxied.withHeader("host", "127.0.0.1:18080").verify(SECRET_KEY)).isFalse();
    }

    @Test
    void serviceWithAColonFromALocalhostEndpoint() {
        // Endpoint localhost:18080 has no dot, so the Java SDK's service is "localhost:18080".
        Captured local = JAVA_POST.withHeader("host", "localhost:18080");
        local = local.withAuthorization(authorizationHeader("localhost:18080",
                signedWith(local, "2026-11-22", "localhost:18080", "localhost:18080")));

        assertThat(local.authorization().service()).isEqualTo("localhost:18080");
        assertThat(local.verify(SECRET_KEY)).isTrue();
    }

    @Test
    void unsignedPayloadHashesTheLiteral() {
        Captured unsigned = JAVA_POST.withHeader("x-tc-content-sha256", "UNSIGNED-PAYLOAD");
        unsigned = unsigned.withAuthorization(authorizationHeader("127",
                signedWith(unsigned, "2026-11-22", "127", "127.0.0.1:18080")));

        assertThat(Tc3Signature.hashedRequestPayload(new byte[] {1, 2}, "UNSIGNED-PAYLOAD"))
                .isEqualTo(Tc3Signature.hashedRequestPayload("UNSIGNED-PAYLOAD".getBytes(StandardCharsets.US_ASCII),
                        null));
        assertThat(unsigned.verify(SECRET_KEY)).isTrue();
        // The body is what the client chose not to sign ...
        assertThat(unsigned.withBody("{\"Limit\":100}").verify(SECRET_KEY)).isTrue();
        // ... but dropping the header does not turn the request into a signed one.
        Map<String, String> headers = new HashMap<>(unsigned.headers());
        headers.remove("x-tc-content-sha256");
        assertThat(new Captured("POST", "", headers, unsigned.body()).verify(SECRET_KEY)).isFalse();
    }

    @Test
    void moreSignedHeadersAreLowercasedAndTrimmed() {
        Map<String, String> headers = new HashMap<>(JAVA_POST.headers());
        headers.put("x-tc-action", "  DescribeVpnConnections ");

        assertThat(Tc3Signature.canonicalHeaders(List.of("content-type", "host", "x-tc-action"), headers::get,
                "127.0.0.1:18080")).isEqualTo("""
                content-type:application/json; charset=utf-8
                host:127.0.0.1:18080
                x-tc-action:describevpnconnections
                """);
        assertThat(Tc3Signature.canonicalHeaders(List.of("content-type", "host", "x-tc-token"), headers::get,
                "Example.COM")).endsWith("host:example.com\nx-tc-token:\n");
    }

    @Test
    void signedHostCandidates() {
        assertThat(Tc3Signature.signedHosts("127.0.0.1:18080")).containsExactly("127.0.0.1:18080", "127.0.0.1");
        assertThat(Tc3Signature.signedHosts("vpc.tencentcloudapi.com")).containsExactly("vpc.tencentcloudapi.com");
        assertThat(Tc3Signature.signedHosts("[::1]:18080")).containsExactly("[::1]:18080", "[::1]");
        assertThat(Tc3Signature.signedHosts("[::1]")).containsExactly("[::1]");
        assertThat(Tc3Signature.signedHosts("::1")).containsExactly("::1");
        assertThat(Tc3Signature.signedHosts("host:")).containsExactly("host:");
        assertThat(Tc3Signature.signedHosts("host:80a")).containsExactly("host:80a");
        assertThat(Tc3Signature.signedHosts(":80")).containsExactly(":80");
    }

    @Test
    void authorizationFieldsInAnyOrderAndWithoutSpaces() {
        String signature = "698bd52c33168dbd0c6d26ca5a995da46e6f96c9f84cfd5bbbe873efc3188043";
        assertThat(Tc3Signature.parseAuthorization("TC3-HMAC-SHA256 Signature=" + signature
                + ",SignedHeaders=host;content-type;x-tc-action,Credential=AKID/2026-11-22/vpc/tc3_request"))
                .contains(new Authorization("AKID", "2026-11-22", "vpc", List.of("host", "content-type", "x-tc-action"),
                        signature));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "TC3-HMAC-SHA256",
        "TC3-HMAC-SHA256 ",
        "tc3-hmac-sha256 Credential=AKID/2026-11-22/vpc/tc3_request, SignedHeaders=content-type;host, Signature=SIG",
        "TC3-HMAC-SHA1 Credential=AKID/2026-11-22/vpc/tc3_request, SignedHeaders=content-type;host, Signature=SIG",
        "TC3-HMAC-SHA256 SignedHeaders=content-type;host, Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22/vpc/tc3_request, Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22/vpc/tc3_request, SignedHeaders=content-type;host",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22/vpc/tc3_request, SignedHeaders=content-type;host, Signature=",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22/vpc/tc3_request, SignedHeaders=content-type;host, Signature=SIG,"
                + " Signature=SIG",
        "TC3-HMAC-SHA256 Credential=/2026-11-22/vpc/tc3_request, SignedHeaders=content-type;host, Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/20261122/vpc/tc3_request, SignedHeaders=content-type;host, Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/2026-02-30/vpc/tc3_request, SignedHeaders=content-type;host, Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/+2026-11-22/vpc/tc3_request, SignedHeaders=content-type;host, Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22//tc3_request, SignedHeaders=content-type;host, Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22/vpc/aws4_request, SignedHeaders=content-type;host, Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22/vpc, SignedHeaders=content-type;host, Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22/v/pc/tc3_request, SignedHeaders=content-type;host, Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22/vpc/tc3_request, SignedHeaders=content-type, Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22/vpc/tc3_request, SignedHeaders=host, Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22/vpc/tc3_request, SignedHeaders=Content-Type;Host, Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22/vpc/tc3_request, SignedHeaders=content-type;;host, Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22/vpc/tc3_request, SignedHeaders=content-type;host;host,"
                + " Signature=SIG",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22/vpc/tc3_request, SignedHeaders=content-type;host,"
                + " Signature=698BD52C33168DBD0C6D26CA5A995DA46E6F96C9F84CFD5BBBE873EFC3188043",
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-22/vpc/tc3_request, SignedHeaders=content-type;host,"
                + " Signature=698bd52c33168dbd0c6d26ca5a995da46e6f96c9f84cfd5bbbe873efc318804",
    })
    void authorizationRejected(String header) {
        assertThat(Tc3Signature.parseAuthorization(header.replace("SIG",
                "698bd52c33168dbd0c6d26ca5a995da46e6f96c9f84cfd5bbbe873efc3188043"))).isEmpty();
    }

    @Test
    void nullAuthorizationRejected() {
        assertThat(Tc3Signature.parseAuthorization(null)).isEmpty();
    }

    private static String signedWith(Captured c, String date, String service, String signedHost) {
        List<String> signedHeaders = List.of("content-type", "host");
        String canonicalRequest = CanonicalRequest.of(c.method(), "/", c.rawQuery(),
                Tc3Signature.canonicalHeaders(signedHeaders, c.headers()::get, signedHost), "content-type;host",
                Tc3Signature.hashedRequestPayload(c.bodyBytes(), c.header("x-tc-content-sha256")));
        return Tc3Signature.signature(
                Tc3Signature.secretSigning(Tc3Signature.secretService(Tc3Signature.secretDate(SECRET_KEY, date),
                        service)),
                Tc3Signature.stringToSign(c.header("x-tc-timestamp"), Tc3Signature.credentialScope(date, service),
                        Tc3Signature.hashedCanonicalRequest(canonicalRequest)));
    }

    private static String authorizationHeader(String service, String signature) {
        return "TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/2026-11-22/" + service + "/tc3_request, "
                + "SignedHeaders=content-type;host, Signature=" + signature;
    }

    /** One request: method, raw query, lowercase header names, body as sent. */
    private record Captured(String method, String rawQuery, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }

        byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }

        Authorization authorization() {
            return Tc3Signature.parseAuthorization(header("authorization")).orElseThrow();
        }

        Captured withHeader(String name, String value) {
            Map<String, String> changed = new HashMap<>(headers);
            changed.put(name, value);
            return new Captured(method, rawQuery, changed, body);
        }

        Captured withAuthorization(String value) {
            return withHeader("authorization", value);
        }

        Captured withQuery(String query) {
            return new Captured(method, query, headers, body);
        }

        Captured withBody(String newBody) {
            return new Captured(method, rawQuery, headers, newBody);
        }

        boolean verify(String secretKey) {
            return Tc3Signature.verify(method, "/", rawQuery, headers::get, bodyBytes(), header("x-tc-timestamp"),
                    authorization(), secretKey);
        }
    }
}
