package dev.vpnd.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds the query string of a signed RPC call the way the old core SDK (aliyun-java-sdk-core 4.x)
 * sends it (docs/dialects/aliyun.md, Requests): every parameter in the query, {@code Format=JSON},
 * a fresh 32-hex-digit {@code SignatureNonce}, the current {@code Timestamp}, and a signature v1
 * over all of it ("Signature v1"), computed here, apart from the server's verifier, one method per
 * step of Alibaba's document: percent-encode, canonicalize, the string to sign, the HMAC-SHA1.
 */
final class V1Signer {
    static final String VERSION = "2016-04-28";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
    /** What the old core SDK 4.x sends besides the signed query, as captured (docs/dialects/aliyun.md). */
    static final String USER_AGENT =
            "AlibabaCloud (Linux; amd64) Java/" + Runtime.version() + " Core/4.7.10 HTTPClient/JettyHttpClient";

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
        String canonical = canonicalizedQueryString(params);
        String signature = signature(accessKeySecret, stringToSign("POST", canonical));
        return canonical + "&Signature=" + percentEncode(signature);
    }

    /** The POST the old core SDK sends for {@code action}: every parameter in the signed query, no body. */
    HttpCall call(String action, Map<String, String> apiParams) {
        return new HttpCall("POST", "/?" + query(action, apiParams), List.of(
                "User-Agent: " + USER_AGENT,
                "Accept-Encoding: identity",
                "x-sdk-invoke-type: normal",
                "Accept: application/json",
                "x-acs-action: " + action,
                "x-sdk-client: Java/2.0.0",
                "x-acs-version: " + VERSION,
                "Content-Type: application/x-www-form-urlencoded"), "");
    }

    /**
     * Step 1, percent-encoding: UTF-8 bytes, every byte but the unreserved {@code A-Z a-z 0-9 - _ . ~}
     * written {@code %XX} in upper case (so a space is {@code %20}, {@code *} is {@code %2A}).
     */
    static String percentEncode(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(UPPER_HEX[c >>> 4]).append(UPPER_HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** Step 2: the parameters sorted by name, {@code pe(name)=pe(value)} joined by {@code &}. */
    static String canonicalizedQueryString(Map<String, String> params) {
        var out = new StringBuilder(params.size() * 32);
        for (var param : new TreeMap<>(params).entrySet()) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(percentEncode(param.getKey())).append('=').append(percentEncode(param.getValue()));
        }
        return out.toString();
    }

    /** Step 3: {@code METHOD&pe("/")&pe(canonicalized query string)}. */
    static String stringToSign(String method, String canonicalizedQueryString) {
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalizedQueryString);
    }

    /** Step 4: Base64 of HMAC-SHA1 keyed with the secret and {@code &}. */
    static String signature(String accessKeySecret, String stringToSign) {
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
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
