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
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Alibaba Cloud's ACS3 signature ("v3"): the default of the new Tea SDK, and of the old core SDK
 * when a request opts in with {@code setSysSignatureVersion(V3)}, with SHA-256 or, where the SDK is
 * told so, SM3 ({@link Algorithm}). One function per step of the recipe in docs/dialects/aliyun.md,
 * "Signature v3" (the canonical request's frame is {@link CanonicalRequest}, shared with Tencent's
 * TC3); requests captured from the SDKs are the test vectors.
 */
final class AcsSignatureV3 {
    static final String ALGORITHM = "ACS3-HMAC-SHA256";
    /** What every ACS3 algorithm's name starts with: a header so named is a v3 signature. */
    static final String SCHEME_PREFIX = "ACS3-";
    private static final HexFormat HEX = HexFormat.of();
    private static final Set<String> AUTHORIZATION_FIELDS = Set.of("Credential", "SignedHeaders", "Signature");

    private AcsSignatureV3() {
    }

    /**
     * The hash and HMAC an ACS3 signature is made with: the payload and the canonical request are
     * hashed with it, and the string to sign keyed with the bare secret.
     */
    enum Algorithm {
        HMAC_SHA256(ALGORITHM),
        HMAC_SM3("ACS3-HMAC-SM3");

        final String scheme;

        Algorithm(String scheme) {
            this.scheme = scheme;
        }

        /** The algorithm an Authorization header's scheme names, if vpnd knows it. */
        static Optional<Algorithm> of(String headerValue) {
            if (headerValue == null) {
                return Optional.empty();
            }
            for (Algorithm algorithm : values()) {
                if (headerValue.startsWith(algorithm.scheme + " ")) {
                    return Optional.of(algorithm);
                }
            }
            return Optional.empty();
        }

        /** Lowercase hex digest of {@code input}. */
        String hashHex(byte[] input) {
            return switch (this) {
                case HMAC_SHA256 -> CanonicalRequest.sha256Hex(input);
                case HMAC_SM3 -> {
                    var digest = new SM3Digest();
                    digest.update(input, 0, input.length);
                    byte[] out = new byte[digest.getDigestSize()];
                    digest.doFinal(out, 0);
                    yield HEX.formatHex(out);
                }
            };
        }

        /** Lowercase hex HMAC of {@code data} keyed by {@code key}. */
        String hmacHex(byte[] key, String data) {
            return switch (this) {
                case HMAC_SHA256 -> HEX.formatHex(Digests.hmac("HmacSHA256", key, data));
                case HMAC_SM3 -> {
                    var mac = new HMac(new SM3Digest());
                    mac.init(new KeyParameter(key));
                    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
                    mac.update(bytes, 0, bytes.length);
                    byte[] out = new byte[mac.getMacSize()];
                    mac.doFinal(out, 0);
                    yield HEX.formatHex(out);
                }
            };
        }
    }

    /** The fields of an {@code Authorization: ACS3-HMAC-... ...} header, header names as sent. */
    public record Authorization(Algorithm algorithm, String accessKeyId, List<String> signedHeaders,
            String signature) {
        public Authorization {
            signedHeaders = List.copyOf(signedHeaders);
        }
    }

    /**
     * Reads {@code ACS3-HMAC-SHA256 Credential=..,SignedHeaders=a;b,Signature=..} (or another
     * {@link Algorithm}'s). The fields may come in any order, because the old core writes Credential,
     * Signature, SignedHeaders.
     *
     * @return empty when the scheme is not a known ACS3 one, or a field is missing, empty or repeated
     */
    static Optional<Authorization> parseAuthorization(String headerValue) {
        Algorithm algorithm = Algorithm.of(headerValue).orElse(null);
        if (algorithm == null) {
            return Optional.empty();
        }
        var fields = AuthorizationFields.parse(headerValue, algorithm.scheme, AUTHORIZATION_FIELDS).orElse(null);
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
        return Optional.of(new Authorization(algorithm, credential, names, signature));
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

    /** Lowercase hex digest of the body bytes as received. */
    static String hashedPayload(Algorithm algorithm, byte[] body) {
        return algorithm.hashHex(body);
    }

    static String stringToSign(Algorithm algorithm, String canonicalRequest) {
        return algorithm.scheme + '\n' + algorithm.hashHex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Lowercase hex HMAC keyed by the bare secret (no {@code &}, unlike v1). */
    static String signature(Algorithm algorithm, String accessKeySecret, String stringToSign) {
        return algorithm.hmacHex(accessKeySecret.getBytes(StandardCharsets.UTF_8), stringToSign);
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
                String.join(";", auth.signedHeaders()), hashedPayload(auth.algorithm(), body));
        String expected = signature(auth.algorithm(), accessKeySecret,
                stringToSign(auth.algorithm(), canonicalRequest));
        return Digests.sameText(expected, auth.signature());
    }
}
