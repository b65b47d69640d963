package dev.vpnd.server.dialect.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.dialect.tencent.LegacySignature.NameOrder;
import dev.vpnd.server.dialect.tencent.LegacySignature.SignatureMethod;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors are requests captured from the SDKs with a fake key pair (docs/dialects/tencent.md, Test vectors). */
class LegacySignatureTest {
    private static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    private static final String LOCAL = "127.0.0.1:18080";

    /** Node qcloudapi-sdk 0.2.1 defaults, POST form to /v2/index.php, HmacSHA1 (no SignatureMethod). */
    private static final String NODE_POST = "Region=gz&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
            + "&Timestamp=1795315441&Nonce=25523&RequestClient=SDK_NODEJS_0.2.1&Action=DescribeVpnConn"
            + "&vpcId=vpc-0a36uwkr&offset=0&limit=20&orderField=createTime&orderDirection=desc"
            + "&Signature=7hc1QhF1JyJJ4uHyodYboQfKrcI%3D";

    /** Node, GET query, HmacSHA256. */
    private static final String NODE_GET_SHA256 = "Region=gz&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
            + "&Timestamp=1795315441&Nonce=44225&RequestClient=SDK_NODEJS_0.2.1&Action=DescribeVpnConn"
            + "&vpcId=vpc-0a36uwkr&offset=0&limit=20&orderField=createTime&orderDirection=desc"
            + "&SignatureMethod=HmacSHA256&Signature=2g4HO5V3nyxl3bobPWg3%2Fcj%2FoxjWLUTiJFqL%2BwZct3A%3D";

    /** Legacy qcloud-java-sdk 2.0.7, GET over TLS to 127.0.0.1:18443, HmacSHA1. */
    private static final String JAVA_V2_GET = "Action=DescribeVpnConn&Nonce=906950517&Region=gz"
            + "&RequestClient=SDK_JAVA_2.0.7&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
            + "&Signature=beAvG%2BOa0oAfrpUQCRsCYwL5l%2B0%3D&Timestamp=1795315463&limit=20&offset=0"
            + "&orderDirection=desc&orderField=createTime&vpcId=vpc-0a36uwkr";

    /** API 3.0 Java SDK 3.1.1436 with ClientProfile("HmacSHA256"), POST form to /. */
    private static final String JAVA_API3_POST = "Nonce=1638548481&Action=DescribeVpnConnections"
            + "&Version=2017-03-12&Filters.0.Values.0=vpngw-p4lmqawn&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
            + "&Filters.0.Name=vpn-gateway-id&RequestClient=SDK_JAVA_3.1.1436&Region=ap-guangzhou"
            + "&SignatureMethod=HmacSHA256&Limit=20&Timestamp=1795315419&Offset=0"
            + "&Signature=M7fJAviy69pwt02DJcf0TFr2RoMiAvjFmtgxuGgSn%2Bw%3D";

    @Test
    void nodePostSha1MatchesTheDocumentedSourceString() {
        Map<String, String> params = form(NODE_POST);

        String source = LegacySignature.sourceString("POST", LOCAL, LegacySignature.V2_PATH,
                LegacySignature.requestString(LegacySignature.sortedParameters(params, NameOrder.SENT_NAME)));

        assertThat(source).isEqualTo("POST127.0.0.1:18080/v2/index.php?Action=DescribeVpnConn&Nonce=25523"
                + "&Region=gz&RequestClient=SDK_NODEJS_0.2.1&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
                + "&Timestamp=1795315441&limit=20&offset=0&orderDirection=desc&orderField=createTime"
                + "&vpcId=vpc-0a36uwkr");
        assertThat(LegacySignature.signature(SECRET_KEY, SignatureMethod.HMAC_SHA1, source))
                .isEqualTo("7hc1QhF1JyJJ4uHyodYboQfKrcI=");
        assertThat(verify("POST", LOCAL, LegacySignature.V2_PATH, params)).isTrue();
    }

    @Test
    void nodeGetSha256MatchesTheDocumentedSourceString() {
        Map<String, String> params = form(NODE_GET_SHA256);

        String source = LegacySignature.expectedSourceString("GET", LOCAL, LegacySignature.V2_PATH, params);

        assertThat(source).isEqualTo("GET127.0.0.1:18080/v2/index.php?Action=DescribeVpnConn&Nonce=44225"
                + "&Region=gz&RequestClient=SDK_NODEJS_0.2.1&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
                + "&SignatureMethod=HmacSHA256&Timestamp=1795315441&limit=20&offset=0&orderDirection=desc"
                + "&orderField=createTime&vpcId=vpc-0a36uwkr");
        assertThat(LegacySignature.signature(SECRET_KEY, SignatureMethod.HMAC_SHA256, source))
                .isEqualTo("2g4HO5V3nyxl3bobPWg3/cj/oxjWLUTiJFqL+wZct3A=");
        assertThat(verify("GET", LOCAL, LegacySignature.V2_PATH, params)).isTrue();
    }

    @Test
    void legacyJavaGetSha1Verifies() {
        Map<String, String> params = form(JAVA_V2_GET);

        assertThat(params).containsEntry("Signature", "beAvG+Oa0oAfrpUQCRsCYwL5l+0=");
        assertThat(verify("GET", "127.0.0.1:18443", LegacySignature.V2_PATH, params)).isTrue();
        assertThat(verify("GET", LOCAL, LegacySignature.V2_PATH, params)).isFalse();
    }

    @Test
    void api3SdkInHmacSha256ModeSignsTheRootPath() {
        Map<String, String> params = form(JAVA_API3_POST);

        String source = LegacySignature.expectedSourceString("POST", LOCAL, LegacySignature.API3_PATH, params);

        assertThat(source).isEqualTo("POST127.0.0.1:18080/?Action=DescribeVpnConnections"
                + "&Filters.0.Name=vpn-gateway-id&Filters.0.Values.0=vpngw-p4lmqawn&Limit=20&Nonce=1638548481"
                + "&Offset=0&Region=ap-guangzhou&RequestClient=SDK_JAVA_3.1.1436"
                + "&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&SignatureMethod=HmacSHA256&Timestamp=1795315419"
                + "&Version=2017-03-12");
        assertThat(LegacySignature.signature(SECRET_KEY, SignatureMethod.HMAC_SHA256, source))
                .isEqualTo("M7fJAviy69pwt02DJcf0TFr2RoMiAvjFmtgxuGgSn+w=");
        assertThat(verify("POST", LOCAL, LegacySignature.API3_PATH, params)).isTrue();
        assertThat(verify("POST", LOCAL, LegacySignature.V2_PATH, params)).isFalse();
    }

    @Test
    void valuesAreSignedDecodedAndUnderscoresBecomeDots() {
        // Signed raw: "...&some.key=x&userGwCidrBlock.0=10.0.0.0/8&...&vpnConnName=my vpn/1 é+&=", sent as
        // some_key, %20, %2F, %C3%A9, %2B, %26, %3D.
        Map<String, String> params = form("Action=DescribeVpnConn&some_key=x&userGwCidrBlock.0=10.0.0.0%2F8"
                + "&vpcId=vpc-0a36uwkr&vpnConnName=my%20vpn%2F1%20%C3%A9%2B%26%3D");

        String source = LegacySignature.expectedSourceString("POST", LOCAL, LegacySignature.V2_PATH, params);

        assertThat(source).isEqualTo("POST127.0.0.1:18080/v2/index.php?Action=DescribeVpnConn&some.key=x"
                + "&userGwCidrBlock.0=10.0.0.0/8&vpcId=vpc-0a36uwkr&vpnConnName=my vpn/1 é+&=");
    }

    @Test
    void nodeSpacesAndJavaPlusesDecodeToTheSameSignature() {
        // Node writes a space as %20, the legacy Java SDK (URLEncoder) as +.
        Map<String, String> node = form("Action=DescribeVpnConn&vpnConnName=my%20vpn");
        Map<String, String> java = form("Action=DescribeVpnConn&vpnConnName=my+vpn");

        assertThat(LegacySignature.expectedSourceString("GET", LOCAL, LegacySignature.V2_PATH, node))
                .isEqualTo(LegacySignature.expectedSourceString("GET", LOCAL, LegacySignature.V2_PATH, java))
                .endsWith("vpnConnName=my vpn");
    }

    @Test
    void sortIsOrdinalUppercaseFirst() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("limit", "20");
        params.put("Nonce", "1");
        params.put("Action", "A");
        params.put("Region", "gz");

        assertThat(LegacySignature.requestString(LegacySignature.sortedParameters(params, NameOrder.SENT_NAME)))
                .isEqualTo("Action=A&Nonce=1&Region=gz&limit=20");
    }

    @Test
    void pythonOrderWithUnderscoresAlsoVerifies() {
        // "someKey" sorts before "some_key" ('K' < '_') but after "some.key" ('.' < 'K').
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "DescribeVpnConn");
        params.put("some_key", "1");
        params.put("someKey", "2");
        String sentOrder = LegacySignature.requestString(LegacySignature.sortedParameters(params, NameOrder.SENT_NAME));
        String signedOrder = LegacySignature.requestString(
                LegacySignature.sortedParameters(params, NameOrder.SIGNED_NAME));
        assertThat(sentOrder).isEqualTo("Action=DescribeVpnConn&someKey=2&some.key=1");
        assertThat(signedOrder).isEqualTo("Action=DescribeVpnConn&some.key=1&someKey=2");

        for (String requestString : new String[] {sentOrder, signedOrder}) {
            String signature = LegacySignature.signature(SECRET_KEY, SignatureMethod.HMAC_SHA1,
                    LegacySignature.sourceString("POST", LOCAL, LegacySignature.API3_PATH, requestString));
            assertThat(LegacySignature.verify("POST", LOCAL, LegacySignature.API3_PATH, params, SECRET_KEY, null,
                    signature)).isTrue();
        }
    }

    @Test
    void underscoreAndDotSpellingsSignAlike() {
        // A consequence of the recipe the dialect must know: the signature does not tell some_key from some.key.
        Map<String, String> params = form("Action=DescribeVpnConn&some_key=x&Signature=ignored");
        Map<String, String> dotted = form("Action=DescribeVpnConn&some.key=x");

        assertThat(LegacySignature.expectedSourceString("GET", LOCAL, LegacySignature.V2_PATH, params))
                .isEqualTo(LegacySignature.expectedSourceString("GET", LOCAL, LegacySignature.V2_PATH, dotted));
    }

    @Test
    void wrongKeyFails() {
        Map<String, String> params = form(NODE_POST);

        assertThat(LegacySignature.verify("POST", LOCAL, LegacySignature.V2_PATH, params,
                "Gu5t9xGARNpq86cd98joQYCN3EXAMPLF", null, params.get("Signature"))).isFalse();
    }

    @Test
    void tamperedParameterFails() {
        Map<String, String> params = form(NODE_POST);
        params.put("limit", "50");
        assertThat(verify("POST", LOCAL, LegacySignature.V2_PATH, params)).isFalse();

        Map<String, String> added = form(NODE_POST);
        added.put("vpnConnName", "");
        assertThat(verify("POST", LOCAL, LegacySignature.V2_PATH, added)).isFalse();

        Map<String, String> removed = form(JAVA_API3_POST);
        removed.remove("Filters.0.Values.0");
        assertThat(verify("POST", LOCAL, LegacySignature.API3_PATH, removed)).isFalse();
    }

    @Test
    void otherMethodOrHostFails() {
        Map<String, String> params = form(NODE_POST);

        assertThat(verify("GET", LOCAL, LegacySignature.V2_PATH, params)).isFalse();
        assertThat(verify("post", LOCAL, LegacySignature.V2_PATH, params)).isFalse();
        assertThat(verify("POST", "127.0.0.1", LegacySignature.V2_PATH, params)).isFalse();
        assertThat(verify("POST", "vpc.api.qcloud.com", LegacySignature.V2_PATH, params)).isFalse();
    }

    @Test
    void signatureMethodChoosesTheMac() {
        Map<String, String> sha256 = form(NODE_GET_SHA256);
        String given = sha256.get("Signature");

        assertThat(LegacySignature.verify("GET", LOCAL, LegacySignature.V2_PATH, sha256, SECRET_KEY, "HmacSHA256",
                given)).isTrue();
        // The parameter is signed, so claiming SHA1 for a SHA256 request (or the reverse) cannot verify.
        assertThat(LegacySignature.verify("GET", LOCAL, LegacySignature.V2_PATH, sha256, SECRET_KEY, "HmacSHA1",
                given)).isFalse();
        assertThat(LegacySignature.verify("GET", LOCAL, LegacySignature.V2_PATH, sha256, SECRET_KEY, null,
                given)).isFalse();
        Map<String, String> sha1 = form(NODE_POST);
        assertThat(LegacySignature.verify("POST", LOCAL, LegacySignature.V2_PATH, sha1, SECRET_KEY, "HmacSHA256",
                sha1.get("Signature"))).isFalse();
    }

    @Test
    void explicitHmacSha1IsAccepted() {
        Map<String, String> params = form(NODE_POST);
        params.put("SignatureMethod", "HmacSHA1");
        String signature = LegacySignature.signature(SECRET_KEY, SignatureMethod.HMAC_SHA1,
                LegacySignature.expectedSourceString("POST", LOCAL, LegacySignature.V2_PATH, params));

        assertThat(LegacySignature.verify("POST", LOCAL, LegacySignature.V2_PATH, params, SECRET_KEY, "HmacSHA1",
                signature)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HmacMD5", "hmacsha256", "HMAC-SHA1", "SHA256", "TC3-HMAC-SHA256"})
    void unknownSignatureMethodFails(String method) {
        Map<String, String> params = form(NODE_GET_SHA256);
        params.put("SignatureMethod", method);

        assertThat(LegacySignature.SignatureMethod.fromParameter(method)).isEmpty();
        assertThat(LegacySignature.verify("GET", LOCAL, LegacySignature.V2_PATH, params, SECRET_KEY, method,
                params.get("Signature"))).isFalse();
    }

    @Test
    void absentOrEmptySignatureMethodIsSha1() {
        assertThat(SignatureMethod.fromParameter(null)).contains(SignatureMethod.HMAC_SHA1);
        assertThat(SignatureMethod.fromParameter("")).contains(SignatureMethod.HMAC_SHA1);
        assertThat(SignatureMethod.fromParameter("HmacSHA256")).contains(SignatureMethod.HMAC_SHA256);
    }

    @Test
    void signatureParameterIsIgnoredWhereverItIs() {
        Map<String, String> params = form(NODE_POST);
        params.put("Signature", "something else");
        assertThat(LegacySignature.verify("POST", LOCAL, LegacySignature.V2_PATH, params, SECRET_KEY, null,
                "7hc1QhF1JyJJ4uHyodYboQfKrcI=")).isTrue();

        params.remove("Signature");
        assertThat(LegacySignature.verify("POST", LOCAL, LegacySignature.V2_PATH, params, SECRET_KEY, null,
                "7hc1QhF1JyJJ4uHyodYboQfKrcI=")).isTrue();
    }

    @Test
    void missingOrAlteredSignatureFails() {
        Map<String, String> params = form(NODE_POST);

        assertThat(LegacySignature.verify("POST", LOCAL, LegacySignature.V2_PATH, params, SECRET_KEY, null, null))
                .isFalse();
        assertThat(LegacySignature.verify("POST", LOCAL, LegacySignature.V2_PATH, params, SECRET_KEY, null, ""))
                .isFalse();
        // Still URL-encoded, as a server that forgot to decode would pass it.
        assertThat(LegacySignature.verify("POST", LOCAL, LegacySignature.V2_PATH, params, SECRET_KEY, null,
                "7hc1QhF1JyJJ4uHyodYboQfKrcI%3D")).isFalse();
    }

    private static boolean verify(String method, String host, String path, Map<String, String> params) {
        return LegacySignature.verify(method, host, path, params, SECRET_KEY, params.get("SignatureMethod"),
                params.get("Signature"));
    }

    /** Form decoding for the test's inputs only: the dialect decodes requests itself. */
    private static Map<String, String> form(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
