package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.server.security.AuthorizationFields;
import dev.vpnd.server.security.CanonicalRequest;
import dev.vpnd.server.security.Digests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Alibaba Cloud's ACS3-HMAC-SHA256 signature ("v3"): the default of the new Tea SDK, and of the old
 * core SDK when a request opts in with {@code setSysSignatureVersion(V3)}. One function per step of
 * the recipe in docs/dialects/aliyun.md, "Signature v3" (the canonical request's frame is
 * {@link CanonicalRequest}, shared with Tencent's TC3); requests captured from the SDKs are the
 * test vectors.
 */
final class AcsSignatureV3 {
    static final String ALGORITHM = "ACS3-HMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();
    private static final Set<String> AUTHORIZATION_FIELDS = Set.of("Credential", "SignedHeaders", "Signature");

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
     * in any order, because the old core writes Credential, Signature, SignedHeaders.
     *
     * @return empty when the scheme is not ACS3, or a field is missing, empty or repeated
     */
    static Optional<Authorization> parseAuthorization(String headerValue) {
        var fields = AuthorizationFields.parse(headerValue, ALGORITHM, AUTHORIZATION_FIELDS).orElse(null);
        if (fields == null) {
            return Optional.empty();
        }
        String credential = fields.get("Credential");
        String signedHeaders = fields.get("SignedHeaders");
        String signature = fields.get("Signature");
        if (credential.isEmpty() || signature.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = List.of(signedHeaders.split(";", -1));
        if (names.contains("")) {
            return Optional.empty();
        }
        return Optional.of(new Authorization(credential, names, signature));
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
        return CanonicalRequest.sha256Hex(body);
    }

    static String stringToSign(String canonicalRequest) {
        return ALGORITHM + '\n' + CanonicalRequest.sha256Hex(canonicalRequest);
    }

    /** Lowercase hex HMAC-SHA256 keyed by the bare secret (no {@code &}, unlike v1). */
    static String signature(String accessKeySecret, String stringToSign) {
        return HEX.formatHex(Digests.hmac("HmacSHA256", accessKeySecret.getBytes(StandardCharsets.UTF_8),
                stringToSign));
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
        String canonicalRequest = CanonicalRequest.of(method, CanonicalRequest.uri(path), canonicalQueryString(query),
                canonicalHeaders(auth.signedHeaders(), headerValueByLowercaseName),
                String.join(";", auth.signedHeaders()), hashedPayload(body));
        String expected = signature(accessKeySecret, stringToSign(canonicalRequest));
        return Digests.sameText(expected, auth.signature());
    }
}
