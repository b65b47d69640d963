package dev.vpnd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The vector is a DescribeVpnConnections the old core SDK 4.7.10 sent with a fake key (the server's
 * RpcSignatureV1Test holds the same capture; docs/dialects/aliyun.md, "Signature v1").
 */
class V1SignerTest {
    private static final String SECRET = "TestAccessKeySecret123";

    @Test
    void eachStepGivesWhatTheCapturedRequestCarries() {
        Map<String, String> params = new HashMap<>();
        params.put("Tag.1.Key", "env");
        params.put("Action", "DescribeVpnConnections");
        params.put("PageSize", "10");
        params.put("Timestamp", "2026-11-22T02:44:37Z");
        params.put("SignatureVersion", "1.0");
        params.put("Tag.2.Key", "team*");
        params.put("Format", "JSON");
        params.put("SignatureNonce", "7c3c9091c7bac9ce7584734c8d963094");
        params.put("Version", "2016-04-28");
        params.put("VpnGatewayId", "vpn-bp1q8bgx4xnkm2ogj0fiu");
        params.put("PageNumber", "1");
        params.put("AccessKeyId", "LTAI5tTestAccessKeyId");
        params.put("Tag.1.Value", "prod a");
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("RegionId", "cn-hangzhou");
        params.put("Tag.2.Value", "net/ops~");

        String stringToSign = V1Signer.stringToSign("POST", V1Signer.canonicalizedQueryString(params));

        assertThat(stringToSign).isEqualTo("POST&%2F&AccessKeyId%3DLTAI5tTestAccessKeyId"
                + "%26Action%3DDescribeVpnConnections%26Format%3DJSON%26PageNumber%3D1%26PageSize%3D10"
                + "%26RegionId%3Dcn-hangzhou%26SignatureMethod%3DHMAC-SHA1"
                + "%26SignatureNonce%3D7c3c9091c7bac9ce7584734c8d963094%26SignatureVersion%3D1.0"
                + "%26Tag.1.Key%3Denv%26Tag.1.Value%3Dprod%2520a%26Tag.2.Key%3Dteam%252A"
                + "%26Tag.2.Value%3Dnet%252Fops~%26Timestamp%3D2026-11-22T02%253A44%253A37Z"
                + "%26Version%3D2016-04-28%26VpnGatewayId%3Dvpn-bp1q8bgx4xnkm2ogj0fiu");
        assertThat(V1Signer.signature(SECRET, stringToSign)).isEqualTo("l3XnjsoZcjL+K2Cgtj8QRBzoMvk=");
    }

    @Test
    void percentEncodingKeepsOnlyTheUnreserved() {
        assertThat(V1Signer.percentEncode("a b*~/ü")).isEqualTo("a%20b%2A~%2F%C3%BC");
    }
}
