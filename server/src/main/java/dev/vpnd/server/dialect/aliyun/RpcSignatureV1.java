package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.server.security.BoundedEcho;
import dev.vpnd.server.security.Digests;
import dev.vpnd.server.security.MacWriter;
import dev.vpnd.server.security.TextSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Alibaba Cloud's RPC signature, version 1.0 (HMAC-SHA1): always used by the old core SDK
 * ({@code aliyun-java-sdk-core}) and by the new Tea SDK configured with
 * {@code signatureAlgorithm("v2")}. One function per step of the recipe in docs/dialects/aliyun.md,
 * "Signature v1"; requests captured from the SDKs are the test vectors.
 *
 * <p>Verifying streams the string to sign into the MAC: percent-encoded twice, it is up to fifteen
 * characters for each character of the request, and a request is checked before anything is known
 * of its sender (docs/security.md, "Work before the signature is checked").
 */
public final class RpcSignatureV1 {
    static final String SIGNATURE_PARAMETER = "Signature";
    private static final String ALGORITHM = "HmacSHA1";
    /** {@code pe("/")}: RPC calls always go to the root path. */
    private static final String ENCODED_ROOT_PATH = "%2F";

    private RpcSignatureV1() {
    }

    /**
     * Steps 1 to 3: every query and form-body parameter, decoded, except {@code Signature}, sorted by
     * name in UTF-16 order and joined as {@code pe(k)=pe(v)} with {@code &}.
     *
     * @param skipEmptyValues true for the new SDK, whose {@code openapiutil.getRPCSignature} leaves
     *     out parameters with an empty value although it still sends them; the old core signs them
     */
    public static String canonicalizedQueryString(Map<String, String> params, boolean skipEmptyValues) {
        var canonical = new StringBuilder(params.size() * 32);
        writeCanonicalizedQueryString(params, skipEmptyValues, TextSink.of(canonical));
        return canonical.toString();
    }

    private static void writeCanonicalizedQueryString(Map<String, String> params, boolean skipEmptyValues,
            TextSink out) {
        List<String> names = new ArrayList<>(params.keySet());
        names.sort(null);
        boolean first = true;
        for (String name : names) {
            String value = params.get(name);
            if (name.equals(SIGNATURE_PARAMETER) || (skipEmptyValues && value.isEmpty())) {
                continue;
            }
            if (!first) {
                out.append('&');
            }
            first = false;
            PercentEncoding.encode(name, out);
            out.append('=');
            PercentEncoding.encode(value, out);
        }
    }

    /** Step 4: {@code METHOD&%2F&pe(canonicalizedQueryString)}. */
    public static String stringToSign(String httpMethod, String canonicalizedQueryString) {
        return httpMethod + '&' + ENCODED_ROOT_PATH + '&' + PercentEncoding.encode(canonicalizedQueryString);
    }

    private static void writeStringToSign(String httpMethod, Map<String, String> params, boolean skipEmptyValues,
            TextSink out) {
        out.append(httpMethod).append('&').append(ENCODED_ROOT_PATH).append('&');
        writeCanonicalizedQueryString(params, skipEmptyValues, PercentEncoding.encoding(out));
    }

    /** Step 5: Base64 of HMAC-SHA1 keyed by the secret followed by {@code &}. */
    public static String signature(String accessKeySecret, String stringToSign) {
        return Base64.getEncoder().encodeToString(Digests.hmac(ALGORITHM, key(accessKeySecret), stringToSign));
    }

    /**
     * Whether {@code givenSignature} signs {@code params} (query and form body merged, decoded; a
     * {@code Signature} entry is ignored). Both SDK generations are accepted: the signature may
     * cover empty-valued parameters (old core) or not (new SDK); the second is tried only when the
     * first fails and some value is empty.
     */
    static boolean verify(String httpMethod, Map<String, String> params, String accessKeySecret,
            String givenSignature) {
        if (givenSignature == null || givenSignature.isEmpty()) {
            return false;
        }
        if (matches(httpMethod, params, false, accessKeySecret, givenSignature)) {
            return true;
        }
        boolean hasEmptyValue = params.entrySet().stream()
                .anyMatch(e -> e.getValue().isEmpty() && !e.getKey().equals(SIGNATURE_PARAMETER));
        return hasEmptyValue && matches(httpMethod, params, true, accessKeySecret, givenSignature);
    }

    /**
     * The start of the string to sign for {@code params} as the old core signs it, for the message of
     * a mismatch: no more of it is built than the message repeats.
     */
    static BoundedEcho.Text echoStringToSign(String httpMethod, Map<String, String> params) {
        var echo = new BoundedEcho.Writer();
        writeStringToSign(httpMethod, params, false, echo);
        return echo.toEcho();
    }

    private static boolean matches(String httpMethod, Map<String, String> params, boolean skipEmptyValues,
            String accessKeySecret, String givenSignature) {
        var mac = MacWriter.of(ALGORITHM, key(accessKeySecret));
        writeStringToSign(httpMethod, params, skipEmptyValues, mac);
        return Digests.sameText(Base64.getEncoder().encodeToString(mac.finish()), givenSignature);
    }

    private static byte[] key(String accessKeySecret) {
        return (accessKeySecret + '&').getBytes(StandardCharsets.UTF_8);
    }
}
