package dev.vpnd.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Tencent calls as the clients send them to a listener at {@code host} ({@code 127.0.0.1:port}), with
 * the demo account's published Tencent key (README; created by {@code serve --demo}):
 *
 * <ul>
 *   <li>API 3.0 as the Java SDK 3.1.1436 sends it by default: a JSON POST to {@code /} signed with
 *       TC3-HMAC-SHA256, the headers of its capture (docs/dialects/tencent.md, "Test vectors");
 *   <li>the legacy v2 API as the Node client qcloudapi-sdk 0.2.1 sends it by default: a form POST to
 *       {@code /v2/index.php}, HmacSHA1 (no {@code SignatureMethod}), region {@code gz}, the common
 *       parameters in its order, a Nonce of 0 to 65535.
 * </ul>
 */
final class TencentCalls {
    static final String SECRET_ID = "AKIDdemoSecretId";
    static final String SECRET_KEY = "demoSecretKey";
    static final String VERSION = "2017-03-12";
    /** The region that vpnd's default table pairs with Alibaba's cn-hangzhou, where the seed is. */
    static final String REGION = "ap-guangzhou";
    /** The same region's short code, as the legacy clients name it. */
    static final String LEGACY_REGION = "gz";
    static final String JSON = "application/json; charset=utf-8";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String LEGACY_PATH = "/v2/index.php";

    private final String host;
    private final Tc3Signer tc3 = new Tc3Signer(SECRET_ID, SECRET_KEY);

    TencentCalls(String host) {
        this.host = host;
    }

    /** An API 3.0 call of {@code action} with this JSON body, signed for {@code timestamp}. */
    HttpCall api3(String action, String body, long timestamp) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new HttpCall("POST", "/", List.of(
                "Authorization: " + tc3.authorization(timestamp, host, JSON, bytes),
                "X-TC-Action: " + action,
                "X-TC-Timestamp: " + timestamp,
                "X-TC-Version: " + VERSION,
                "X-TC-RequestClient: SDK_JAVA_3.1.1436",
                "X-TC-Region: " + REGION,
                "Content-Type: " + JSON), body);
    }

    /** The body the Java SDK writes for DescribeVpnConnections with one gateway filter, Offset 0, Limit 20. */
    static String connectionsOfGateway(String gatewayId) {
        return "{\"Filters\":[{\"Name\":\"vpn-gateway-id\",\"Values\":[\"" + gatewayId + "\"]}],"
                + "\"Offset\":0,\"Limit\":20}";
    }

    /** The body of a DescribeVpnGateways page. */
    static String gatewaysPage(int offset, int limit) {
        return "{\"Offset\":" + offset + ",\"Limit\":" + limit + "}";
    }

    /** A legacy call: {@code data} (the action's parameters, in the caller's order) signed at {@code timestamp}. */
    HttpCall legacy(String action, Map<String, String> data, long timestamp, int nonce) {
        var params = new LinkedHashMap<String, String>();
        params.put("Region", LEGACY_REGION);
        params.put("SecretId", SECRET_ID);
        params.put("Timestamp", String.valueOf(timestamp));
        params.put("Nonce", String.valueOf(nonce));
        params.put("RequestClient", "SDK_NODEJS_0.2.1");
        params.put("Action", action);
        params.putAll(data);
        params.put("Signature", TencentLegacySigner.sign(SECRET_KEY, "HmacSHA1", "POST", host, LEGACY_PATH, params));
        var form = new StringJoiner("&");
        params.forEach((name, value) -> form.add(encode(name) + "=" + encode(value)));
        return new HttpCall("POST", LEGACY_PATH, List.of("Content-Type: " + FORM), form.toString());
    }

    /** As Node's querystring writes the values used here (letters, digits, {@code _.-} and Base64). */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
