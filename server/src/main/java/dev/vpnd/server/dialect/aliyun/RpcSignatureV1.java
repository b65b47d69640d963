package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.server.security.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Alibaba Cloud's RPC signature, version 1.0 (HMAC-SHA1): always used by the old core SDK
 * ({@code aliyun-java-sdk-core}) and by the new Tea SDK configured with
 * {@code signatureAlgorithm("v2")}. One function per step of the recipe in docs/dialects/aliyun.md,
 * "Signature v1"; requests captured from the SDKs are the test vectors.
 */
public final class RpcSignatureV1 {
    static final String SIGNATURE_PARAMETER = "Signature";
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
        List<String> names = new ArrayList<>(params.keySet());
        names.sort(null);
        StringBuilder canonical = new StringBuilder(names.size() * 32);
        for (String name : names) {
            String value = params.get(name);
            if (name.equals(SIGNATURE_PARAMETER) || (skipEmptyValues && value.isEmpty())) {
                continue;
            }
            if (!canonical.isEmpty()) {
                canonical.append('&');
            }
            canonical.append(PercentEncoding.encode(name)).append('=').append(PercentEncoding.encode(value));
        }
        return canonical.toString();
    }

    /** Step 4: {@code METHOD&%2F&pe(canonicalizedQueryString)}. */
    public static String stringToSign(String httpMethod, String canonicalizedQueryString) {
        return httpMethod + '&' + ENCODED_ROOT_PATH + '&' + PercentEncoding.encode(canonicalizedQueryString);
    }

    /** Step 5: Base64 of HMAC-SHA1 keyed by the secret followed by {@code &}. */
    public static String signature(String accessKeySecret, String stringToSign) {
        return Base64.getEncoder().encodeToString(
                Digests.hmac("HmacSHA1", (accessKeySecret + '&').getBytes(StandardCharsets.UTF_8), stringToSign));
    }

    /**
     * Whether {@code givenSignature} signs {@code params} (query and form body merged, decoded; a
     * {@code Signature} entry is ignored). Both SDK generations are accepted: the signature may
     * cover empty-valued parameters (old core) or not (new SDK).
     */
    static boolean verify(String httpMethod, Map<String, String> params, String accessKeySecret,
            String givenSignature) {
        if (givenSignature == null || givenSignature.isEmpty()) {
            return false;
        }
        byte[] given = givenSignature.getBytes(StandardCharsets.UTF_8);
        if (matches(httpMethod, params, false, accessKeySecret, given)) {
            return true;
        }
        boolean hasEmptyValue = params.entrySet().stream()
                .anyMatch(e -> e.getValue().isEmpty() && !e.getKey().equals(SIGNATURE_PARAMETER));
        return hasEmptyValue && matches(httpMethod, params, true, accessKeySecret, given);
    }

    private static boolean matches(String httpMethod, Map<String, String> params, boolean skipEmptyValues,
            String accessKeySecret, byte[] given) {
        String expected = signature(accessKeySecret,
                stringToSign(httpMethod, canonicalizedQueryString(params, skipEmptyValues)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given);
    }
}
