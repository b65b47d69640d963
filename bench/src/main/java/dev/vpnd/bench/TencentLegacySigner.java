package dev.vpnd.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tencent Cloud's legacy parameter signature (HmacSHA1 or HmacSHA256) as the v2 clients compute it,
 * written apart from the server's verifier: one method per step of Tencent's document
 * (docs/dialects/tencent.md, "Legacy signature"). Nothing is percent-encoded; names have {@code _}
 * written as {@code .}; the host is the one the client was configured with, port included.
 */
final class TencentLegacySigner {
    private TencentLegacySigner() {
    }

    /** Step 1: every parameter but {@code Signature}, sorted by name in ordinal order (upper case first). */
    static List<Map.Entry<String, String>> sortedParameters(Map<String, String> params) {
        var sorted = new ArrayList<Map.Entry<String, String>>(params.size());
        for (var param : params.entrySet()) {
            if (!param.getKey().equals("Signature")) {
                sorted.add(Map.entry(param.getKey(), param.getValue()));
            }
        }
        sorted.sort(Map.Entry.comparingByKey());
        return sorted;
    }

    /** Step 2: {@code name=value} joined by {@code &}, {@code _} in names as {@code .}, values raw. */
    static String requestString(List<Map.Entry<String, String>> sortedParameters) {
        var out = new StringBuilder(sortedParameters.size() * 24);
        for (var param : sortedParameters) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(param.getKey().replace('_', '.')).append('=').append(param.getValue());
        }
        return out.toString();
    }

    /** Step 3: {@code METHOD + host + path + "?" + request string}. */
    static String sourceString(String method, String host, String path, String requestString) {
        return method + host + path + '?' + requestString;
    }

    /** Step 4: Base64 of the HMAC ({@code HmacSHA1} or {@code HmacSHA256}) of the source string. */
    static String signature(String secretKey, String macName, String sourceString) {
        try {
            var mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), macName));
            return Base64.getEncoder().encodeToString(mac.doFinal(sourceString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("no MAC " + macName, e);
        }
    }

    /** All four steps: the {@code Signature} of {@code params} sent with {@code method} to {@code host + path}. */
    static String sign(String secretKey, String macName, String method, String host, String path,
            Map<String, String> params) {
        return signature(secretKey, macName, sourceString(method, host, path, requestString(sortedParameters(params))));
    }
}
