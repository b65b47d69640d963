package dev.vpnd.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tencent Cloud's TC3-HMAC-SHA256 signature as the API 3.0 Java SDK computes it for a JSON POST,
 * written apart from the server's verifier so that the bench checks it rather than agreeing with
 * it: one method per step of Tencent's document (docs/dialects/tencent.md, "TC3 signature"). The
 * SDK signs exactly {@code content-type;host}, the host being the endpoint string with its port,
 * and takes the service from the endpoint's first dot-separated label ({@code 127} for
 * {@code 127.0.0.1:8802}).
 */
final class Tc3Signer {
    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final String SIGNED_HEADERS = "content-type;host";
    private static final HexFormat HEX = HexFormat.of();

    private final String secretId;
    private final String secretKey;

    Tc3Signer(String secretId, String secretKey) {
        this.secretId = secretId;
        this.secretKey = secretKey;
    }

    /** The service the Java SDK signs for an endpoint: its first dot-separated label. */
    static String service(String endpoint) {
        int dot = endpoint.indexOf('.');
        return dot < 0 ? endpoint : endpoint.substring(0, dot);
    }

    /** Step 1: method, URI, query, canonical headers, signed headers and hashed payload, one per line. */
    static String canonicalRequest(String method, String uri, String query, String contentType, String host,
            byte[] body) {
        return method + '\n' + uri + '\n' + query + '\n'
                + "content-type:" + contentType.trim().toLowerCase(Locale.ROOT) + '\n'
                + "host:" + host.trim().toLowerCase(Locale.ROOT) + '\n' + '\n'
                + SIGNED_HEADERS + '\n' + sha256Hex(body);
    }

    /** The UTC day of a Unix timestamp, the date of the credential scope. */
    static String date(long timestamp) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC).toString();
    }

    /** CredentialScope: {@code date/service/tc3_request}. */
    static String credentialScope(String date, String service) {
        return date + '/' + service + "/tc3_request";
    }

    /** Step 2: algorithm, timestamp, credential scope, hex SHA-256 of the canonical request. */
    static String stringToSign(long timestamp, String credentialScope, String canonicalRequest) {
        return ALGORITHM + '\n' + timestamp + '\n' + credentialScope + '\n'
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Step 3: SecretDate, SecretService, SecretSigning, each an HMAC-SHA256 keyed by the one before. */
    static byte[] secretSigning(String secretKey, String date, String service) {
        byte[] secretDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = hmac(secretDate, service);
        return hmac(secretService, "tc3_request");
    }

    /** Step 4: lowercase hex HMAC-SHA256 of the string to sign, keyed by SecretSigning. */
    static String signature(byte[] secretSigning, String stringToSign) {
        return HEX.formatHex(hmac(secretSigning, stringToSign));
    }

    /** The {@code Authorization} header of a POST to {@code /} with this body, at {@code timestamp}. */
    String authorization(long timestamp, String host, String contentType, byte[] body) {
        String date = date(timestamp);
        String service = service(host);
        String scope = credentialScope(date, service);
        String toSign = stringToSign(timestamp, scope, canonicalRequest("POST", "/", "", contentType, host, body));
        return ALGORITHM + " Credential=" + secretId + '/' + scope + ", SignedHeaders=" + SIGNED_HEADERS
                + ", Signature=" + signature(secretSigning(secretKey, date, service), toSign);
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
