package dev.vpnd.server.dialect.tencent;

import dev.vpnd.server.security.AuthorizationFields;
import dev.vpnd.server.security.CanonicalRequest;
import dev.vpnd.server.security.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Tencent Cloud's TC3-HMAC-SHA256 signature ("Signature v3"), which every API 3.0 SDK uses by
 * default. One function per step of Tencent's document: CanonicalRequest, StringToSign,
 * SecretDate / SecretService / SecretSigning, Signature (docs/dialects/tencent.md, "TC3
 * signature"). Requests captured from the SDKs are the test vectors.
 *
 * <p>Two inputs are taken from the request rather than from configuration, because the SDKs
 * disagree about them when pointed at a custom endpoint (docs/dialects/tencent.md, the table of
 * signed service and host): the date and the service come from the {@code Credential=} scope as
 * received (Java and Node sign service {@code 127} for endpoint {@code 127.0.0.1:18080}, Python and
 * Go sign {@code vpc}), and the signed host is the {@code Host} header as received, then the same
 * without its port (the Node SDK signs {@code URL.hostname}, the Java SDK the endpoint string with
 * its port). Both are key-derivation inputs, so taking them from the request grants nothing the
 * secret key does not.
 */
final class Tc3Signature {
    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final String TERMINATION = "tc3_request";
    /** The value of {@code X-TC-Content-SHA256} that asks for the literal to be hashed instead of the body. */
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    /** Tencent requires both in SignedHeaders; every SDK signs exactly these two. */
    private static final List<String> REQUIRED_SIGNED_HEADERS = List.of("content-type", "host");
    private static final HexFormat HEX = HexFormat.of();
    private static final Set<String> AUTHORIZATION_FIELDS = Set.of("Credential", "SignedHeaders", "Signature");

    private Tc3Signature() {
    }

    /**
     * The fields of {@code Authorization: TC3-HMAC-SHA256 Credential=<secretId>/<date>/<service>/tc3_request,
     * SignedHeaders=<a;b>, Signature=<hex>}, as received.
     */
    record Authorization(String secretId, String date, String service, List<String> signedHeaders,
            String signature) {
        Authorization {
            signedHeaders = List.copyOf(signedHeaders);
        }

        String credentialScope() {
            return Tc3Signature.credentialScope(date, service);
        }
    }

    /**
     * Reads the Authorization header. Fields may come in any order with or without a space after the
     * comma; unknown fields are ignored.
     *
     * @return empty when the scheme is not TC3-HMAC-SHA256, a field is missing, empty or repeated, the
     *     credential is not {@code id/yyyy-MM-dd/service/tc3_request}, SignedHeaders is not a list of
     *     distinct lowercase names including content-type and host, or the signature is not 64
     *     lowercase hex digits
     */
    static Optional<Authorization> parseAuthorization(String headerValue) {
        var fields = AuthorizationFields.parse(headerValue, ALGORITHM, AUTHORIZATION_FIELDS).orElse(null);
        if (fields == null) {
            return Optional.empty();
        }
        String credential = fields.get("Credential");
        String signedHeaders = fields.get("SignedHeaders");
        String signature = fields.get("Signature");
        if (!isLowerHex64(signature)) {
            return Optional.empty();
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 4 || scope[0].isEmpty() || !isDate(scope[1]) || scope[2].isEmpty()
                || !scope[3].equals(TERMINATION)) {
            return Optional.empty();
        }
        List<String> names = List.of(signedHeaders.split(";", -1));
        Set<String> distinct = new HashSet<>();
        for (String name : names) {
            if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT)) || !distinct.add(name)) {
                return Optional.empty();
            }
        }
        if (!distinct.containsAll(REQUIRED_SIGNED_HEADERS)) {
            return Optional.empty();
        }
        return Optional.of(new Authorization(scope[0], scope[1], scope[2], names, signature));
    }

    /**
     * CanonicalQueryString: the raw query exactly as received, neither decoded nor sorted, because the
     * Java SDK signs its GET query in HashMap order (docs/dialects/tencent.md, Requests). Tencent's
     * document says a POST signs "" here; no SDK puts a query on a POST, so for them the raw query
     * is "" as well, and using it keeps a query appended to a signed POST from verifying.
     */
    static String canonicalQueryString(String rawQuery) {
        return rawQuery == null ? "" : rawQuery;
    }

    /**
     * CanonicalHeaders: {@code name:lowercase(trim(value))\n} for each signed header, in the order the
     * client listed them, with {@code signedHost} as the value of {@code host}. The spec lowercases the
     * values; every SDK value is lowercase already, so this changes nothing for them. A signed header
     * that did not arrive counts as empty, so the signature decides rather than this code.
     */
    static String canonicalHeaders(List<String> signedHeaders,
            Function<String, String> headerValueByLowercaseName, String signedHost) {
        StringBuilder canonical = new StringBuilder(signedHeaders.size() * 48);
        for (String name : signedHeaders) {
            String value = name.equals("host") ? signedHost : headerValueByLowercaseName.apply(name);
            canonical.append(name).append(':')
                    .append(value == null ? "" : value.trim().toLowerCase(Locale.ROOT)).append('\n');
        }
        return canonical.toString();
    }

    /**
     * HashedRequestPayload: lowercase hex SHA-256 of the body bytes as received, before any JSON
     * parsing, or of the literal {@code UNSIGNED-PAYLOAD} when {@code X-TC-Content-SHA256} says so
     * ({@code ClientProfile.setUnsignedPayload(true)}). Any other value of that header is ignored: the
     * body itself is hashed, so a body changed in transit fails.
     */
    static String hashedRequestPayload(byte[] body, String contentSha256Header) {
        byte[] payload = UNSIGNED_PAYLOAD.equals(contentSha256Header)
                ? UNSIGNED_PAYLOAD.getBytes(StandardCharsets.US_ASCII)
                : body;
        return CanonicalRequest.sha256Hex(payload);
    }

    /** HashedCanonicalRequest: hex SHA-256 of the canonical request (step 1, {@link CanonicalRequest}). */
    static String hashedCanonicalRequest(String canonicalRequest) {
        return CanonicalRequest.sha256Hex(canonicalRequest);
    }

    /** Date: the UTC calendar day of the request timestamp (Unix seconds), {@code yyyy-MM-dd}. */
    static String date(long timestamp) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC).toString();
    }

    /** CredentialScope: {@code date/service/tc3_request}. */
    static String credentialScope(String date, String service) {
        return date + '/' + service + '/' + TERMINATION;
    }

    /** Step 2: {@code TC3-HMAC-SHA256\ntimestamp\ncredentialScope\nhashedCanonicalRequest}. */
    static String stringToSign(String timestamp, String credentialScope, String hashedCanonicalRequest) {
        return ALGORITHM + '\n' + timestamp + '\n' + credentialScope + '\n' + hashedCanonicalRequest;
    }

    /** Step 3a: SecretDate = HMAC-SHA256(key "TC3" + SecretKey, date). */
    static byte[] secretDate(String secretKey, String date) {
        return hmacSha256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    }

    /** Step 3b: SecretService = HMAC-SHA256(SecretDate, service). */
    static byte[] secretService(byte[] secretDate, String service) {
        return hmacSha256(secretDate, service);
    }

    /** Step 3c: SecretSigning = HMAC-SHA256(SecretService, "tc3_request"). */
    static byte[] secretSigning(byte[] secretService) {
        return hmacSha256(secretService, TERMINATION);
    }

    /** Step 3d: lowercase hex HMAC-SHA256(SecretSigning, StringToSign). */
    static String signature(byte[] secretSigning, String stringToSign) {
        return HEX.formatHex(hmacSha256(secretSigning, stringToSign));
    }

    /**
     * The hosts a client may have signed, in the order to try them: the Host header as received (Java,
     * Python and Go SDKs, and the proxy set-up, sign the endpoint string, port included), then the same
     * without a trailing {@code :port} (the Node SDK signs {@code new URL(url).hostname}). An IPv6
     * literal keeps its brackets, as {@code URL.hostname} does.
     */
    static List<String> signedHosts(String hostHeader) {
        List<String> hosts = new ArrayList<>(2);
        hosts.add(hostHeader);
        int colon = hostHeader.lastIndexOf(':');
        if (colon > 0 && colon < hostHeader.length() - 1
                && hostHeader.chars().skip(colon + 1).allMatch(c -> c >= '0' && c <= '9')) {
            // "[::1]:18080" loses ":18080"; a bare "::1" or "a:b:1" is not host:port and stays whole.
            boolean hostPart = hostHeader.startsWith("[")
                    ? hostHeader.charAt(colon - 1) == ']'
                    : hostHeader.indexOf(':') == colon;
            if (hostPart) {
                hosts.add(hostHeader.substring(0, colon));
            }
        }
        return List.copyOf(hosts);
    }

    /**
     * Whether {@code auth} signs this request with {@code secretKey}. False also when the timestamp is
     * not a decimal Unix time or its UTC day differs from the date in the credential scope (the SDKs
     * derive both from the same clock reading), and when there is no Host header.
     *
     * @param path the request path; for an absolute-form target (a client using a proxy) its path part
     * @param rawQuery the query string as received, without {@code ?}, or null
     * @param headerValueByLowercaseName header lookup; {@code host}, signed headers and
     *     {@code x-tc-content-sha256} are read through it
     * @param timestamp the {@code X-TC-Timestamp} header as received
     */
    static boolean verify(String method, String path, String rawQuery,
            Function<String, String> headerValueByLowercaseName, byte[] body, String timestamp,
            Authorization auth, String secretKey) {
        String host = headerValueByLowercaseName.apply("host");
        if (host == null || host.isEmpty() || !dateMatches(timestamp, auth.date())) {
            return false;
        }
        byte[] secretSigning = secretSigning(secretService(secretDate(secretKey, auth.date()), auth.service()));
        String hashedPayload = hashedRequestPayload(body, headerValueByLowercaseName.apply("x-tc-content-sha256"));
        byte[] given = auth.signature().getBytes(StandardCharsets.US_ASCII);
        // The first host that verifies ends the search: which form a client signed is no secret.
        for (String signedHost : signedHosts(host)) {
            String canonicalRequest = CanonicalRequest.of(method, CanonicalRequest.uri(path),
                    canonicalQueryString(rawQuery),
                    canonicalHeaders(auth.signedHeaders(), headerValueByLowercaseName, signedHost),
                    String.join(";", auth.signedHeaders()), hashedPayload);
            String expected = signature(secretSigning,
                    stringToSign(timestamp, auth.credentialScope(), hashedCanonicalRequest(canonicalRequest)));
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The string to sign this server computes with the Host header as received, for the message of an
     * {@code AuthFailure.SignatureFailure} so that a client can see which line diverged.
     */
    static String expectedStringToSign(String method, String path, String rawQuery,
            Function<String, String> headerValueByLowercaseName, byte[] body, String timestamp,
            Authorization auth) {
        String canonicalRequest = CanonicalRequest.of(method, CanonicalRequest.uri(path),
                canonicalQueryString(rawQuery),
                canonicalHeaders(auth.signedHeaders(), headerValueByLowercaseName,
                        headerValueByLowercaseName.apply("host")),
                String.join(";", auth.signedHeaders()),
                hashedRequestPayload(body, headerValueByLowercaseName.apply("x-tc-content-sha256")));
        return stringToSign(timestamp, auth.credentialScope(), hashedCanonicalRequest(canonicalRequest));
    }

    /**
     * Whether {@code timestamp} is 1 to 12 decimal digits (Unix seconds until the year 33658; a longer
     * one is no clock reading) whose UTC day is {@code date}.
     */
    static boolean dateMatches(String timestamp, String date) {
        if (timestamp == null || timestamp.isEmpty() || timestamp.length() > 12
                || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return date(Long.parseLong(timestamp)).equals(date);
    }

    private static boolean isDate(String text) {
        if (text.length() != 10) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isLowerHex64(String s) {
        return s.length() == 64 && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    private static byte[] hmacSha256(byte[] key, String data) {
        return Digests.hmac("HmacSHA256", key, data);
    }
}
