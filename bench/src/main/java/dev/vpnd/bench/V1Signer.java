package dev.vpnd.bench;

import dev.vpnd.server.dialect.aliyun.PercentEncoding;
import dev.vpnd.server.dialect.aliyun.RpcSignatureV1;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the query string of a signed RPC call the way the old core SDK (aliyun-java-sdk-core 4.x)
 * sends it (docs/dialects/aliyun.md, Requests): every parameter in the query, {@code Format=JSON},
 * a fresh 32-hex-digit {@code SignatureNonce}, the current {@code Timestamp}, and a signature v1
 * over all of it ("Signature v1"), computed with the server's own {@link RpcSignatureV1}.
 */
final class V1Signer {
    static final String VERSION = "2016-04-28";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String accessKeyId;
    private final String accessKeySecret;
    /** The formatted timestamp of the current second, so formatting costs nothing per request. */
    private volatile Stamp stamp = new Stamp(-1, "");

    private record Stamp(long second, String text) {
    }

    V1Signer(String accessKeyId, String accessKeySecret) {
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
    }

    /** The signed query (without {@code ?}) of a POST / calling {@code action} with {@code apiParams}. */
    String query(String action, Map<String, String> apiParams) {
        var params = new HashMap<String, String>(apiParams.size() + 12);
        params.putAll(apiParams);
        params.put("Action", action);
        params.put("Version", VERSION);
        params.put("Format", "JSON");
        params.put("AccessKeyId", accessKeyId);
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", nonce());
        params.put("Timestamp", timestamp());
        // The canonicalized query string is itself a valid query: pe(k)=pe(v) joined with '&'.
        String canonical = RpcSignatureV1.canonicalizedQueryString(params, false);
        String signature = RpcSignatureV1.signature(accessKeySecret, RpcSignatureV1.stringToSign("POST", canonical));
        return canonical + "&Signature=" + PercentEncoding.encode(signature);
    }

    private String timestamp() {
        long now = System.currentTimeMillis() / 1000;
        Stamp current = stamp;
        if (current.second() != now) {
            current = new Stamp(now, TIMESTAMP.format(Instant.ofEpochSecond(now)));
            stamp = current;
        }
        return current.text();
    }

    /** 32 lowercase hex digits, as the old core sends. */
    private static String nonce() {
        var random = ThreadLocalRandom.current();
        char[] out = new char[32];
        long hi = random.nextLong();
        long lo = random.nextLong();
        for (int i = 0; i < 16; i++) {
            out[i] = HEX[(int) (hi >>> (60 - 4 * i)) & 0xf];
            out[16 + i] = HEX[(int) (lo >>> (60 - 4 * i)) & 0xf];
        }
        return new String(out);
    }
}
