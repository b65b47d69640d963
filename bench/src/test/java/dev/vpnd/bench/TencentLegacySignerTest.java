package dev.vpnd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Vectors are requests the Node client qcloudapi-sdk 0.2.1 sent to a loopback server with a fake key
 * pair (docs/dialects/tencent.md, "Test vectors"; the server's LegacySignatureTest holds the same).
 */
class TencentLegacySignerTest {
    private static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    private static final String HOST = "127.0.0.1:18080";

    private static Map<String, String> nodeParams(String nonce) {
        var params = new LinkedHashMap<String, String>();
        params.put("Region", "gz");
        params.put("SecretId", "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE");
        params.put("Timestamp", "1795315441");
        params.put("Nonce", nonce);
        params.put("RequestClient", "SDK_NODEJS_0.2.1");
        params.put("Action", "DescribeVpnConn");
        params.put("vpcId", "vpc-0a36uwkr");
        params.put("offset", "0");
        params.put("limit", "20");
        params.put("orderField", "createTime");
        params.put("orderDirection", "desc");
        return params;
    }

    @Test
    void nodePostWithHmacSha1() {
        var params = nodeParams("25523");
        params.put("Signature", "ignored: step 1 leaves it out");

        String source = TencentLegacySigner.sourceString("POST", HOST, "/v2/index.php",
                TencentLegacySigner.requestString(TencentLegacySigner.sortedParameters(params)));

        assertThat(source).isEqualTo("POST127.0.0.1:18080/v2/index.php?Action=DescribeVpnConn&Nonce=25523"
                + "&Region=gz&RequestClient=SDK_NODEJS_0.2.1&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
                + "&Timestamp=1795315441&limit=20&offset=0&orderDirection=desc&orderField=createTime"
                + "&vpcId=vpc-0a36uwkr");
        assertThat(TencentLegacySigner.signature(SECRET_KEY, "HmacSHA1", source))
                .isEqualTo("7hc1QhF1JyJJ4uHyodYboQfKrcI=");
    }

    @Test
    void nodeGetWithHmacSha256() {
        var params = nodeParams("44225");
        params.put("SignatureMethod", "HmacSHA256");

        assertThat(TencentLegacySigner.sign(SECRET_KEY, "HmacSHA256", "GET", HOST, "/v2/index.php", params))
                .isEqualTo("2g4HO5V3nyxl3bobPWg3/cj/oxjWLUTiJFqL+wZct3A=");
    }

    @Test
    void underscoresAreSignedAsDots() {
        var sorted = TencentLegacySigner.sortedParameters(Map.of("a_b", "1", "B", "x&y"));

        assertThat(TencentLegacySigner.requestString(sorted)).isEqualTo("B=x&y&a.b=1");
    }
}
