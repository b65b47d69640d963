package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.server.http.FormUrlEncoded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.dialect.aliyun.AcsSignatureV3.Algorithm;
import dev.vpnd.server.dialect.aliyun.AcsSignatureV3.Authorization;
import dev.vpnd.server.security.CanonicalRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors are requests captured from the SDKs, signed with a fake secret (docs/dialects/aliyun.md, Test vectors). */
class AcsSignatureV3Test {
    private static final String SECRET = "TestAccessKeySecret123";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String DESCRIBE_QUERY = "Tag.1.Key=env&Tag.2.Key=team*&PageSize=10&PageNumber=1"
            + "&VpnGatewayId=vpn-bp1q8bgx4xnkm2ogj0fiu&Tag.1.Value=prod+a&RegionId=cn-hangzhou"
            + "&Tag.2.Value=net%2Fops%7E";

    /** New SDK 3.2.24 on tea-openapi 0.2.8. */
    private static final Captured NEW_SDK_DESCRIBE = new Captured(DESCRIBE_QUERY, Map.of(
            "host", "127.0.0.1:18081",
            "x-acs-action", "DescribeVpnConnections",
            "x-acs-date", "2026-11-22T02:44:33Z",
            "x-acs-version", "2016-04-28",
            "x-acs-content-sha256", EMPTY_SHA256,
            "x-acs-signature-nonce", "44e02e72-86e1-405b-937d-254e968c70bd17953154733691",
            "user-agent", "AlibabaCloud (Linux; amd64) Java/17.0.15+6-Debian-1deb12u1 tea-util/0.2.6 TeaDSL/1",
            "accept", "application/json"),
            "", "ACS3-HMAC-SHA256 Credential=LTAI5tTestAccessKeyId,SignedHeaders=host;x-acs-action;"
            + "x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
            + "Signature=3062ef5636447d85d9e1f655289e27ba0fdf37c5997b8eb9f2a4b3c05463f348");

    /** New SDK 8.2.5 also signs x-acs-credentials-provider. */
    private static final Captured SDK_8_DESCRIBE = new Captured(DESCRIBE_QUERY, Map.of(
            "host", "127.0.0.1:18081",
            "x-acs-action", "DescribeVpnConnections",
            "x-acs-credentials-provider", "static_ak",
            "x-acs-date", "2026-11-22T02:46:23Z",
            "x-acs-version", "2016-04-28",
            "x-acs-content-sha256", EMPTY_SHA256,
            "x-acs-signature-nonce", "787cb3fe0c3942f9c6614d5493364d1d"),
            "", "ACS3-HMAC-SHA256 Credential=LTAI5tTestAccessKeyId,SignedHeaders=host;x-acs-action;"
            + "x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,"
            + "Signature=0f9e83d1f911ab4affec323befb60e625994c55dd487fc7f26302f7d767c6184");

    private static final String TUNNEL_OPTIONS_BODY = "TunnelOptionsSpecification.1.TunnelIkeConfig.Psk=p+s%2Bk"
            + "&TunnelOptionsSpecification.1.TunnelBgpConfig.LocalAsn=65530"
            + "&TunnelOptionsSpecification.2.Role=slave&TunnelOptionsSpecification.2.CustomerGatewayId=cgw-2"
            + "&TunnelOptionsSpecification.1.CustomerGatewayId=cgw-1"
            + "&TunnelOptionsSpecification.1.TunnelBgpConfig.TunnelCidr=169.254.10.0%2F30"
            + "&TunnelOptionsSpecification.1.Role=master&TunnelOptionsSpecification.1.TunnelIkeConfig.IkeVersion=ikev2"
            + "&TunnelOptionsSpecification.1.EnableDpd=true"
            + "&TunnelOptionsSpecification.1.TunnelIkeConfig.IkeLifetime=86400";
    private static final String TUNNEL_OPTIONS_BODY_SHA256 =
            "705538710f63eafb67c095cbe5743c6700da314ebde430be522c66d8cf377d79";

    /** New SDK 8.2.5 CreateVpnConnection, tunnel options in a form body, content-type signed. */
    private static final Captured SDK_8_CREATE_WITH_BODY = new Captured(
            "LocalSubnet=1.1.1.0%2F24&RemoteSubnet=2.2.2.0%2F24&VpnGatewayId=vpn-bp1q8bgx4xnkm2ogj0fiu"
            + "&RegionId=cn-hangzhou&Name=dual", Map.of(
            "host", "127.0.0.1:18081",
            "x-acs-action", "CreateVpnConnection",
            "x-acs-credentials-provider", "static_ak",
            "x-acs-date", "2026-11-22T02:46:29Z",
            "x-acs-version", "2016-04-28",
            "x-acs-content-sha256", TUNNEL_OPTIONS_BODY_SHA256,
            "x-acs-signature-nonce", "1d3db01e9e83d3d5645541ef82eb98d5",
            "content-type", FORM,
            "content-length", "546"),
            TUNNEL_OPTIONS_BODY, "ACS3-HMAC-SHA256 Credential=LTAI5tTestAccessKeyId,SignedHeaders=content-type;"
            + "host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;"
            + "x-acs-signature-nonce;x-acs-version,"
            + "Signature=388def8132ac347821d3cb87e201778264cccd74000136bac8e5a616191d289b");

    /** Old core opting into V3; fields in another order, host unsigned, content-type signed. */
    private static final Captured OLD_SDK_DESCRIBE = new Captured(
            "Tag.1.Key=env&Action=DescribeVpnConnections&Format=JSON&Version=2016-04-28"
            + "&VpnGatewayId=vpn-bp1q8bgx4xnkm2ogj0fiu&Tag.1.Value=prod%20a", Map.of(
            "x-acs-action", "DescribeVpnConnections",
            "x-acs-date", "2026-11-22T02:44:53Z",
            "x-acs-version", "2016-04-28",
            "x-acs-content-sha256", EMPTY_SHA256,
            "x-acs-signature-nonce", "0d11346ad247be46f9de9dc392999eb6",
            "content-type", FORM,
            "host", "127.0.0.1:18081",
            "x-sdk-client", "Java/2.0.0"),
            "", "ACS3-HMAC-SHA256 Credential=LTAI5tTestAccessKeyId,"
            + "Signature=e449e3f769c25ad8c92671cbc1b0c98100c95f5b6f0a7ff09f1fce32b6a65e73,"
            + "SignedHeaders=content-type;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;"
            + "x-acs-version");

    @Test
    void canonicalRequestMatchesTheSpecExample() {
        Captured c = NEW_SDK_DESCRIBE;
        Authorization auth = c.authorization();

        String canonicalRequest = CanonicalRequest.of("POST", CanonicalRequest.uri("/"),
                AcsSignatureV3.canonicalQueryString(c.query()),
                AcsSignatureV3.canonicalHeaders(auth.signedHeaders(), c.headers()::get),
                String.join(";", auth.signedHeaders()),
                AcsSignatureV3.hashedPayload(Algorithm.HMAC_SHA256, c.bodyBytes()));

        assertThat(canonicalRequest).isEqualTo("""
                POST
                /
                PageNumber=1&PageSize=10&RegionId=cn-hangzhou&Tag.1.Key=env&Tag.1.Value=prod%20a\
                &Tag.2.Key=team%2A&Tag.2.Value=net%2Fops~&VpnGatewayId=vpn-bp1q8bgx4xnkm2ogj0fiu
                host:127.0.0.1:18081
                x-acs-action:DescribeVpnConnections
                x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-acs-date:2026-11-22T02:44:33Z
                x-acs-signature-nonce:44e02e72-86e1-405b-937d-254e968c70bd17953154733691
                x-acs-version:2016-04-28

                host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
        String stringToSign = AcsSignatureV3.stringToSign(Algorithm.HMAC_SHA256, canonicalRequest);
        assertThat(stringToSign)
                .isEqualTo("ACS3-HMAC-SHA256\n6dff124ba9a7df7993bfdd87d8faff029f08a0e22d301538873f18afabe57751");
        assertThat(AcsSignatureV3.signature(Algorithm.HMAC_SHA256, SECRET, stringToSign))
                .isEqualTo("3062ef5636447d85d9e1f655289e27ba0fdf37c5997b8eb9f2a4b3c05463f348");
    }

    @Test
    void newSdkDescribeVerifies() {
        assertThat(NEW_SDK_DESCRIBE.verify(SECRET)).isTrue();
    }

    @Test
    void sdk8DescribeWithSignedCredentialsProviderVerifies() {
        assertThat(SDK_8_DESCRIBE.authorization().signedHeaders()).contains("x-acs-credentials-provider");
        assertThat(SDK_8_DESCRIBE.verify(SECRET)).isTrue();
    }

    @Test
    void sdk8CreateWithFormBodyVerifies() {
        assertThat(AcsSignatureV3.hashedPayload(Algorithm.HMAC_SHA256, SDK_8_CREATE_WITH_BODY.bodyBytes()))
                .isEqualTo(TUNNEL_OPTIONS_BODY_SHA256);
        assertThat(SDK_8_CREATE_WITH_BODY.bodyBytes()).hasSize(546);
        assertThat(SDK_8_CREATE_WITH_BODY.authorization().signedHeaders()).startsWith("content-type");
        assertThat(SDK_8_CREATE_WITH_BODY.verify(SECRET)).isTrue();
    }

    @Test
    void oldSdkV3WithFieldsInAnotherOrderVerifies() {
        Authorization auth = OLD_SDK_DESCRIBE.authorization();

        assertThat(auth.accessKeyId()).isEqualTo("LTAI5tTestAccessKeyId");
        assertThat(auth.signature()).isEqualTo("e449e3f769c25ad8c92671cbc1b0c98100c95f5b6f0a7ff09f1fce32b6a65e73");
        assertThat(auth.signedHeaders()).doesNotContain("host").contains("content-type");
        assertThat(OLD_SDK_DESCRIBE.verify(SECRET)).isTrue();
    }

    @Test
    void wrongSecretFails() {
        assertThat(NEW_SDK_DESCRIBE.verify("TestAccessKeySecret124")).isFalse();
        assertThat(SDK_8_CREATE_WITH_BODY.verify("TestAccessKeySecret124")).isFalse();
    }

    @Test
    void tamperedQueryParameterFails() {
        Map<String, String> query = NEW_SDK_DESCRIBE.query();
        query.put("PageSize", "100");

        assertThat(AcsSignatureV3.verify("POST", "/", query, NEW_SDK_DESCRIBE.headers()::get,
                NEW_SDK_DESCRIBE.bodyBytes(), NEW_SDK_DESCRIBE.authorization(), SECRET)).isFalse();
    }

    @Test
    void tamperedBodyFailsEvenWithTheOriginalContentSha256Header() {
        Captured c = SDK_8_CREATE_WITH_BODY;
        byte[] tampered = c.body().replace("Psk=p+s%2Bk", "Psk=attacker").getBytes(StandardCharsets.UTF_8);

        assertThat(AcsSignatureV3.verify("POST", "/", c.query(), c.headers()::get, tampered, c.authorization(),
                SECRET)).isFalse();
    }

    @Test
    void tamperedSignedHeaderFails() {
        Captured c = SDK_8_DESCRIBE;
        Map<String, String> headers = new HashMap<>(c.headers());
        headers.put("x-acs-date", "2026-11-23T02:46:23Z");

        assertThat(AcsSignatureV3.verify("POST", "/", c.query(), headers::get, c.bodyBytes(), c.authorization(),
                SECRET)).isFalse();
    }

    @Test
    void unsignedHeadersDoNotMatter() {
        Captured c = OLD_SDK_DESCRIBE;
        Map<String, String> headers = new HashMap<>(c.headers());
        headers.put("host", "elsewhere:443");
        headers.remove("x-sdk-client");

        assertThat(AcsSignatureV3.verify("POST", "", c.query(), headers::get, c.bodyBytes(), c.authorization(),
                SECRET)).isTrue();
    }

    @Test
    void missingSignedHeaderCountsAsEmpty() {
        assertThat(AcsSignatureV3.canonicalHeaders(List.of("content-type", "x-acs-date"),
                Map.of("x-acs-date", "  2026-11-22T02:44:53Z ")::get))
                .isEqualTo("content-type:\nx-acs-date:2026-11-22T02:44:53Z\n");
        Map<String, String> headers = new HashMap<>(OLD_SDK_DESCRIBE.headers());
        headers.remove("content-type");
        assertThat(AcsSignatureV3.verify("POST", "/", OLD_SDK_DESCRIBE.query(), headers::get,
                OLD_SDK_DESCRIBE.bodyBytes(), OLD_SDK_DESCRIBE.authorization(), SECRET)).isFalse();
    }

    @Test
    void emptyQueryValueGivesNameAndEquals() {
        assertThat(AcsSignatureV3.canonicalQueryString(FormUrlEncoded.parse("b=&a=x y&c")))
                .isEqualTo("a=x%20y&b=&c=");
        assertThat(AcsSignatureV3.canonicalQueryString(Map.of())).isEmpty();
    }

    @Test
    void emptyPathIsRoot() {
        assertThat(CanonicalRequest.uri("")).isEqualTo("/");
        assertThat(CanonicalRequest.uri(null)).isEqualTo("/");
        assertThat(CanonicalRequest.uri("/")).isEqualTo("/");
    }

    @Test
    void sm3IsTheStandardsDigestAndNamesItsScheme() {
        // GB/T 32905-2016, example 1: SM3("abc").
        assertThat(Algorithm.HMAC_SM3.hashHex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(AcsSignatureV3.stringToSign(Algorithm.HMAC_SM3, "abc")).isEqualTo(
                "ACS3-HMAC-SM3\n66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(AcsSignatureV3.parseAuthorization("ACS3-HMAC-SM3 Credential=AK,SignedHeaders=host,Signature=ab"))
                .contains(new Authorization(Algorithm.HMAC_SM3, "AK", List.of("host"), "ab"));
        assertThat(Algorithm.HMAC_SM3.hmacHex("k".getBytes(StandardCharsets.UTF_8), "abc"))
                .hasSize(64).isNotEqualTo(Algorithm.HMAC_SHA256.hmacHex("k".getBytes(StandardCharsets.UTF_8), "abc"));
    }

    @Test
    void authorizationAcceptsSpacesAfterCommas() {
        assertThat(AcsSignatureV3.parseAuthorization(
                "ACS3-HMAC-SHA256 Credential=AK, SignedHeaders=host;x-acs-date,  Signature=abc"))
                .contains(new Authorization(Algorithm.HMAC_SHA256, "AK", List.of("host", "x-acs-date"), "abc"));
    }

    @Test
    void authorizationFieldsInAnyOrder() {
        assertThat(AcsSignatureV3.parseAuthorization("ACS3-HMAC-SHA256 SignedHeaders=host,Signature=abc,Credential=AK"))
                .contains(new Authorization(Algorithm.HMAC_SHA256, "AK", List.of("host"), "abc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "ACS3-HMAC-SHA256",
        "ACS3-HMAC-SHA256 ",
        "acs LTAI5tTestAccessKeyId:signature",
        "ACS3-HMAC-SHA1 Credential=AK,SignedHeaders=host,Signature=abc",
        "ACS3-HMAC-SHA2567 Credential=AK,SignedHeaders=host,Signature=abc",
        "Bearer token",
        "ACS3-HMAC-SHA256 SignedHeaders=host,Signature=abc",
        "ACS3-HMAC-SHA256 Credential=AK,Signature=abc",
        "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host",
        "ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=abc",
        "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=",
        "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;;x-acs-date,Signature=abc",
        "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=,Signature=abc",
        "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=abc,Signature=def",
    })
    void authorizationRejected(String header) {
        assertThat(AcsSignatureV3.parseAuthorization(header)).isEmpty();
    }

    @Test
    void nullAuthorizationRejected() {
        assertThat(AcsSignatureV3.parseAuthorization(null)).isEmpty();
    }

    /** One captured request: raw query and body as on the wire, lowercase header names. */
    private record Captured(String rawQuery, Map<String, String> headers, String body, String authorizationHeader) {
        Map<String, String> query() {
            return FormUrlEncoded.parse(rawQuery);
        }

        byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }

        Authorization authorization() {
            return AcsSignatureV3.parseAuthorization(authorizationHeader).orElseThrow();
        }

        boolean verify(String secret) {
            return AcsSignatureV3.verify("POST", "/", query(), headers::get, bodyBytes(), authorization(), secret);
        }
    }
}
