package dev.vpnd.server.dialect.aliyun;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's ACS3-HMAC-SHA256 signature ("v3"): the default of the new Tea SDK, and of the old
 * core SDK when a request opts in with {@code setSysSignatureVersion(V3)}. One function per step of
 * alibaba-wire.md §4.2, whose captured requests (§3.2, §3.3, §3.6) are the test vectors.
 */
final class AcsSignatureV3 {
    static final String ALGORITHM = "ACS3-HMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();

    private AcsSignatureV3() {
    }

    /** The fields of an {@code Authorization: ACS3-HMAC-SHA256 ...} header, header names as sent. */
    public record Authorization(String accessKeyId, List<String> signedHeaders, String signature) {
        public Authorization {
            signedHeaders = List.copyOf(signedHeaders);
        }
    }

    /**
     * Reads {@code ACS3-HMAC-SHA256 Credential=..,SignedHeaders=a;b,Signature=..}. The fields may come
     * in any order, because the old core writes Credential, Signature, SignedHeaders (§3.6).
     *
     * @return empty when the scheme is not ACS3, or a field is missing, empty or repeated
     */
    static Optional<Authorization> parseAuthorization(String headerValue) {
        if (headerValue == null || !headerValue.startsWith(ALGORITHM + ' ')) {
            return Optional.empty();
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String field : headerValue.substring(ALGORITHM.length() + 1).split(",", -1)) {
            String f = field.strip();
            int eq = f.indexOf('=');
            String value = eq < 0 ? "" : f.substring(eq + 1);
            switch (eq < 0 ? f : f.substring(0, eq)) {
                case "Credential" -> {
                    if (credential != null) {
                        return Optional.empty();
                    }
                    credential = value;
                }
                case "SignedHeaders" -> {
                    if (signedHeaders != null) {
                        return Optional.empty();
                    }
                    signedHeaders = value;
                }
                case "Signature" -> {
                    if (signature != null) {
                        return Optional.empty();
                    }
                    signature = value;
                }
                default -> {
                    // Unknown fields are not signed and change nothing; ignoring them tolerates future SDKs.
                }
            }
        }
        if (credential == null || credential.isEmpty() || signature == null || signature.isEmpty()
                || signedHeaders == null) {
            return Optional.empty();
        }
        List<String> names = List.of(signedHeaders.split(";", -1));
        if (names.contains("")) {
            return Optional.empty();
        }
        return Optional.of(new Authorization(credential, names, signature));
    }

    /** The path, or {@code /} for an empty one; RPC calls always use {@code /}. */
    static String canonicalUri(String path) {
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** Decoded parameters re-encoded as {@code pe(k)=pe(v)}, sorted by name, joined with {@code &}. */
    static String canonicalQueryString(Map<String, String> query) {
        List<String> names = new ArrayList<>(query.keySet());
        names.sort(null);
        StringBuilder canonical = new StringBuilder(names.size() * 32);
        for (String name : names) {
            if (!canonical.isEmpty()) {
                canonical.append('&');
            }
            canonical.append(PercentEncoding.encode(name)).append('=')
                    .append(PercentEncoding.encode(query.get(name)));
        }
        return canonical.toString();
    }

    /**
     * {@code name:trim(value)\n} for each signed header, in the order the client listed them. A signed
     * header that did not arrive counts as empty, so the signature decides rather than this code.
     */
    static String canonicalHeaders(List<String> signedHeaders,
            Function<String, String> headerValueByLowercaseName) {
        StringBuilder canonical = new StringBuilder(signedHeaders.size() * 48);
        for (String name : signedHeaders) {
            String value = headerValueByLowercaseName.apply(name.toLowerCase(Locale.ROOT));
            canonical.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
        }
        return canonical.toString();
    }

    /** Lowercase hex SHA-256 of the body bytes as received. */
    static String hashedPayload(byte[] body) {
        return HEX.formatHex(sha256(body));
    }

    /**
     * The six parts joined by newlines. {@code canonicalHeaders} already ends in a newline, so the
     * result contains an empty line before the signed-header list.
     */
    static String canonicalRequest(String method, String canonicalUri, String canonicalQuery,
            String canonicalHeaders, String signedHeaders, String hashedPayload) {
        return method + '\n' + canonicalUri + '\n' + canonicalQuery + '\n' + canonicalHeaders + '\n'
                + signedHeaders + '\n' + hashedPayload;
    }

    static String stringToSign(String canonicalRequest) {
        return ALGORITHM + '\n' + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /** Lowercase hex HMAC-SHA256 keyed by the bare secret (no {@code &}, unlike v1). */
    static String signature(String accessKeySecret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(accessKeySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is a required JDK algorithm", e);
        }
    }

    /**
     * Whether {@code auth} signs this request. The payload hash is taken over {@code body} itself, not
     * read from {@code x-acs-content-sha256}, so a body changed in transit fails even when that header
     * was left alone.
     *
     * @param query the decoded query parameters (not the form body: v3 signs the body by its hash)
     */
    static boolean verify(String method, String path, Map<String, String> query,
            Function<String, String> headerValueByLowercaseName, byte[] body, Authorization auth,
            String accessKeySecret) {
        String canonicalRequest = canonicalRequest(method, canonicalUri(path), canonicalQueryString(query),
                canonicalHeaders(auth.signedHeaders(), headerValueByLowercaseName),
                String.join(";", auth.signedHeaders()), hashedPayload(body));
        String expected = signature(accessKeySecret, stringToSign(canonicalRequest));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                auth.signature().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
