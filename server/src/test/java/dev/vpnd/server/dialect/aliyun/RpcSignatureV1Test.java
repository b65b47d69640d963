package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.server.http.FormUrlEncoded;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vectors are requests captured from the SDKs, signed with a fake secret (docs/dialects/aliyun.md, Test vectors). */
class RpcSignatureV1Test {
    private static final String SECRET = "TestAccessKeySecret123";

    /** Old core 4.7.10: spaces as %20, Format=JSON. */
    private static final String OLD_SDK_DESCRIBE = "Tag.1.Key=env&Action=DescribeVpnConnections&PageSize=10"
            + "&Timestamp=2026-11-22T02%3A44%3A37Z&SignatureVersion=1.0&Tag.2.Key=team*&Format=JSON"
            + "&SignatureNonce=7c3c9091c7bac9ce7584734c8d963094&Version=2016-04-28"
            + "&VpnGatewayId=vpn-bp1q8bgx4xnkm2ogj0fiu&PageNumber=1&AccessKeyId=LTAI5tTestAccessKeyId"
            + "&Tag.1.Value=prod%20a&Signature=l3XnjsoZcjL%2BK2Cgtj8QRBzoMvk%3D&SignatureMethod=HMAC-SHA1"
            + "&RegionId=cn-hangzhou&Tag.2.Value=net%2Fops%7E";

    /** New SDK 3.2.24 with signatureAlgorithm v2: spaces as +, Format=json. */
    private static final String NEW_SDK_DESCRIBE = "Tag.1.Key=env&Action=DescribeVpnConnections&PageSize=10"
            + "&Timestamp=2026-11-22T02%3A44%3A41Z&SignatureVersion=1.0&Tag.2.Key=team*&Format=json"
            + "&SignatureNonce=880c9024-60d9-41d9-a366-7592e67d1a8e17953154816681&Version=2016-04-28"
            + "&PageNumber=1&VpnGatewayId=vpn-bp1q8bgx4xnkm2ogj0fiu&AccessKeyId=LTAI5tTestAccessKeyId"
            + "&Tag.1.Value=prod+a&Signature=NJeEdbMSTAG56x%2F87k2j99%2Fngbo%3D&SignatureMethod=HMAC-SHA1"
            + "&RegionId=cn-hangzhou&Tag.2.Value=net%2Fops%7E";

    /** New SDK v2: the empty CustomerGatewayId is sent but not signed. */
    private static final String NEW_SDK_EDGE = "Action=DescribeVpnConnections&CustomerGatewayId=&PageSize=50"
            + "&Timestamp=2026-11-22T02%3A44%3A55Z&SignatureVersion=1.0&Format=json"
            + "&SignatureNonce=9bcbb240-642f-4925-8742-05dcb71f903417953154954261&Version=2016-04-28"
            + "&AccessKeyId=LTAI5tTestAccessKeyId&Signature=Y5j3Z1HB5DlbI%2BWXTVZQsAQ8fd4%3D"
            + "&SignatureMethod=HMAC-SHA1&RegionId=cn-hangzhou"
            + "&VpnConnectionId=vco-%C3%BC+%E6%B5%8B%E8%AF%95%2B%26%3D%25%3A";

    /** Old core: same values, the empty CustomerGatewayId is signed. */
    private static final String OLD_SDK_EDGE = "Action=DescribeVpnConnections&CustomerGatewayId=&PageSize=50"
            + "&Timestamp=2026-11-22T02%3A44%3A57Z&SignatureVersion=1.0&Format=JSON"
            + "&SignatureNonce=12e00207eb8548bbb7e3d509e6a052e2&Version=2016-04-28"
            + "&AccessKeyId=LTAI5tTestAccessKeyId&Signature=15HWF1K2IfuiVBv122OWjwm4%2F28%3D"
            + "&SignatureMethod=HMAC-SHA1&VpnConnectionId=vco-%C3%BC%20%E6%B5%8B%E8%AF%95%2B%26%3D%25%3A"
            + "&RegionId=cn-hangzhou";

    /** New SDK 8.2.5 with v2: TunnelOptionsSpecification travels in the form body and is signed too. */
    private static final String CREATE_QUERY = "LocalSubnet=1.1.1.0%2F24&Action=CreateVpnConnection"
            + "&Timestamp=2026-11-22T02%3A46%3A30Z&Name=dual&SignatureVersion=1.0&RemoteSubnet=2.2.2.0%2F24"
            + "&Format=json&SignatureNonce=f1c7e2bc95adc16dbdbe8ff1355e66c9&Version=2016-04-28"
            + "&VpnGatewayId=vpn-bp1q8bgx4xnkm2ogj0fiu&AccessKeyId=LTAI5tTestAccessKeyId"
            + "&Signature=6bKKVTp2suuGxXG1z0Czo3jEA9k%3D&SignatureMethod=HMAC-SHA1&RegionId=cn-hangzhou";
    private static final String CREATE_BODY = "TunnelOptionsSpecification.1.TunnelIkeConfig.Psk=p+s%2Bk"
            + "&TunnelOptionsSpecification.1.TunnelBgpConfig.LocalAsn=65530"
            + "&TunnelOptionsSpecification.2.Role=slave&TunnelOptionsSpecification.2.CustomerGatewayId=cgw-2"
            + "&TunnelOptionsSpecification.1.CustomerGatewayId=cgw-1"
            + "&TunnelOptionsSpecification.1.TunnelBgpConfig.TunnelCidr=169.254.10.0%2F30"
            + "&TunnelOptionsSpecification.1.Role=master&TunnelOptionsSpecification.1.TunnelIkeConfig.IkeVersion=ikev2"
            + "&TunnelOptionsSpecification.1.EnableDpd=true"
            + "&TunnelOptionsSpecification.1.TunnelIkeConfig.IkeLifetime=86400";

    @Test
    void oldSdkStringToSignMatchesTheSpecExample() {
        Map<String, String> params = FormUrlEncoded.parse(OLD_SDK_DESCRIBE);

        String stringToSign = RpcSignatureV1.stringToSign("POST",
                RpcSignatureV1.canonicalizedQueryString(params, false));

        assertThat(stringToSign).isEqualTo("POST&%2F&AccessKeyId%3DLTAI5tTestAccessKeyId"
                + "%26Action%3DDescribeVpnConnections%26Format%3DJSON%26PageNumber%3D1%26PageSize%3D10"
                + "%26RegionId%3Dcn-hangzhou%26SignatureMethod%3DHMAC-SHA1"
                + "%26SignatureNonce%3D7c3c9091c7bac9ce7584734c8d963094%26SignatureVersion%3D1.0"
                + "%26Tag.1.Key%3Denv%26Tag.1.Value%3Dprod%2520a%26Tag.2.Key%3Dteam%252A"
                + "%26Tag.2.Value%3Dnet%252Fops~%26Timestamp%3D2026-11-22T02%253A44%253A37Z"
                + "%26Version%3D2016-04-28%26VpnGatewayId%3Dvpn-bp1q8bgx4xnkm2ogj0fiu");
        assertThat(RpcSignatureV1.signature(SECRET, stringToSign)).isEqualTo("l3XnjsoZcjL+K2Cgtj8QRBzoMvk=");
    }

    @Test
    void oldSdkDescribeVerifies() {
        Map<String, String> params = FormUrlEncoded.parse(OLD_SDK_DESCRIBE);

        assertThat(params.get("Signature")).isEqualTo("l3XnjsoZcjL+K2Cgtj8QRBzoMvk=");
        assertThat(RpcSignatureV1.verify("POST", params, SECRET, params.get("Signature"))).isTrue();
    }

    @Test
    void newSdkV2DescribeVerifies() {
        Map<String, String> params = FormUrlEncoded.parse(NEW_SDK_DESCRIBE);

        assertThat(sign(params, false)).isEqualTo("NJeEdbMSTAG56x/87k2j99/ngbo=");
        assertThat(RpcSignatureV1.verify("POST", params, SECRET, params.get("Signature"))).isTrue();
    }

    @Test
    void newSdkSkipsEmptyValuesAndEncodesNonAscii() {
        Map<String, String> params = FormUrlEncoded.parse(NEW_SDK_EDGE);

        assertThat(params).containsEntry("CustomerGatewayId", "").containsEntry("VpnConnectionId", "vco-ü 测试+&=%:");
        assertThat(sign(params, true)).isEqualTo("Y5j3Z1HB5DlbI+WXTVZQsAQ8fd4=");
        assertThat(sign(params, false)).isNotEqualTo("Y5j3Z1HB5DlbI+WXTVZQsAQ8fd4=");
        assertThat(RpcSignatureV1.verify("POST", params, SECRET, params.get("Signature"))).isTrue();
    }

    @Test
    void oldSdkIncludesEmptyValuesAndEncodesNonAscii() {
        Map<String, String> params = FormUrlEncoded.parse(OLD_SDK_EDGE);

        assertThat(RpcSignatureV1.canonicalizedQueryString(params, false))
                .contains("&CustomerGatewayId=&")
                .contains("&VpnConnectionId=vco-%C3%BC%20%E6%B5%8B%E8%AF%95%2B%26%3D%25%3A");
        assertThat(sign(params, false)).isEqualTo("15HWF1K2IfuiVBv122OWjwm4/28=");
        assertThat(sign(params, true)).isNotEqualTo("15HWF1K2IfuiVBv122OWjwm4/28=");
        assertThat(RpcSignatureV1.verify("POST", params, SECRET, params.get("Signature"))).isTrue();
    }

    @Test
    void formBodyParametersAreSigned() {
        Map<String, String> params = new LinkedHashMap<>(FormUrlEncoded.parse(CREATE_QUERY));
        params.putAll(FormUrlEncoded.parse(CREATE_BODY));

        assertThat(sign(params, false)).isEqualTo("6bKKVTp2suuGxXG1z0Czo3jEA9k=");
        assertThat(RpcSignatureV1.verify("POST", params, SECRET, params.get("Signature"))).isTrue();
        assertThat(RpcSignatureV1.verify("POST", FormUrlEncoded.parse(CREATE_QUERY), SECRET,
                "6bKKVTp2suuGxXG1z0Czo3jEA9k=")).isFalse();
    }

    @Test
    void signatureParameterIsIgnoredWhereverItIs() {
        Map<String, String> params = FormUrlEncoded.parse(OLD_SDK_DESCRIBE);
        params.put("Signature", "something else");

        assertThat(RpcSignatureV1.verify("POST", params, SECRET, "l3XnjsoZcjL+K2Cgtj8QRBzoMvk=")).isTrue();
        params.remove("Signature");
        assertThat(RpcSignatureV1.verify("POST", params, SECRET, "l3XnjsoZcjL+K2Cgtj8QRBzoMvk=")).isTrue();
    }

    @Test
    void wrongSecretFails() {
        Map<String, String> params = FormUrlEncoded.parse(OLD_SDK_DESCRIBE);

        assertThat(RpcSignatureV1.verify("POST", params, "TestAccessKeySecret124", params.get("Signature")))
                .isFalse();
    }

    @Test
    void tamperedParameterFails() {
        Map<String, String> params = FormUrlEncoded.parse(OLD_SDK_DESCRIBE);
        params.put("PageSize", "100");

        assertThat(RpcSignatureV1.verify("POST", params, SECRET, params.get("Signature"))).isFalse();
    }

    @Test
    void addedEmptyParameterStillVerifies() {
        // A consequence of accepting the new SDK's rule: empty values are unsigned, so the dialect must
        // treat an empty parameter exactly like an absent one (RpcParams.optional does).
        Map<String, String> params = FormUrlEncoded.parse(OLD_SDK_DESCRIBE);
        params.put("CustomerGatewayId", "");

        assertThat(RpcSignatureV1.verify("POST", params, SECRET, params.get("Signature"))).isTrue();
    }

    @Test
    void tamperedMethodFails() {
        Map<String, String> params = FormUrlEncoded.parse(OLD_SDK_DESCRIBE);

        assertThat(RpcSignatureV1.verify("GET", params, SECRET, params.get("Signature"))).isFalse();
    }

    @Test
    void missingOrEmptySignatureFails() {
        Map<String, String> params = FormUrlEncoded.parse(OLD_SDK_DESCRIBE);

        assertThat(RpcSignatureV1.verify("POST", params, SECRET, null)).isFalse();
        assertThat(RpcSignatureV1.verify("POST", params, SECRET, "")).isFalse();
    }

    private static String sign(Map<String, String> params, boolean skipEmptyValues) {
        return RpcSignatureV1.signature(SECRET,
                RpcSignatureV1.stringToSign("POST", RpcSignatureV1.canonicalizedQueryString(params, skipEmptyValues)));
    }
}
