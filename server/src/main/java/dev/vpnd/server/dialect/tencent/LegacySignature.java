package dev.vpnd.server.dialect.tencent;

import dev.vpnd.server.security.BoundedEcho;
import dev.vpnd.server.security.Digests;
import dev.vpnd.server.security.MacWriter;
import dev.vpnd.server.security.TextSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tencent Cloud's parameter signature, HmacSHA1 or HmacSHA256 ("Signature v1"). One recipe serves
 * two endpoints that differ only in the path they sign: the legacy v2 API at {@code /v2/index.php}
 * ({@code qcloudapi-sdk} for Node, {@code qcloud-java-sdk}) and API 3.0 at {@code /} when the 3.0
 * SDK is built with {@code new ClientProfile("HmacSHA1" | "HmacSHA256", ...)}. One function per
 * step of Tencent's document (sort the parameters, concatenate the request string, concatenate the
 * signature original string, generate the signature; docs/dialects/tencent.md, "Legacy signature"),
 * whose test vectors are requests captured from the SDKs.
 *
 * <p>Unlike the Alibaba Cloud recipe nothing is percent-encoded: names and values enter the string
 * as decoded, so {@code a=b&c} inside a value stays as it is. Names have {@code _} written as
 * {@code .}; the parameter is signed under the dotted name but still arrives under its own.
 */
final class LegacySignature {
    static final String SIGNATURE_PARAMETER = "Signature";
    static final String SIGNATURE_METHOD_PARAMETER = "SignatureMethod";
    /** The path the v2 SDKs sign and post to. */
    static final String V2_PATH = "/v2/index.php";
    /** The path the API 3.0 SDK signs in HmacSHA1/HmacSHA256 mode. */
    static final String API3_PATH = "/";

    private LegacySignature() {
    }

    /** The values of the {@code SignatureMethod} parameter, which are also the JDK's MAC names. */
    enum SignatureMethod {
        HMAC_SHA1("HmacSHA1"),
        HMAC_SHA256("HmacSHA256");

        private final String parameterValue;

        SignatureMethod(String parameterValue) {
            this.parameterValue = parameterValue;
        }

        String parameterValue() {
            return parameterValue;
        }

        /**
         * The method a {@code SignatureMethod} parameter names. Absent (or empty) means HmacSHA1: the
         * Node v2 SDK sends no parameter for its default {@code sha1}.
         *
         * @return empty for any other spelling, which Tencent does not accept either
         */
        static Optional<SignatureMethod> fromParameter(String value) {
            if (value == null || value.isEmpty()) {
                return Optional.of(HMAC_SHA1);
            }
            for (SignatureMethod method : values()) {
                if (method.parameterValue.equals(value)) {
                    return Optional.of(method);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Which name the parameters are sorted by. The Node and both Java SDKs sort by the name as sent
     * and then write {@code _} as {@code .}; the Python 3.0 SDK (by its source) does the replacement
     * first. The orders differ only when a name contains {@code _}.
     */
    enum NameOrder {
        SENT_NAME,
        SIGNED_NAME
    }

    /**
     * Step 1: every parameter but {@code Signature}, sorted by name in ordinal (UTF-16, hence ASCII:
     * upper case before lower case) order. In the {@link NameOrder#SIGNED_NAME} order the entries
     * carry the signed names, each made once rather than at every comparison.
     *
     * @param params the decoded query or form parameters
     */
    static List<Map.Entry<String, String>> sortedParameters(Map<String, String> params, NameOrder order) {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(params.size());
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (!param.getKey().equals(SIGNATURE_PARAMETER)) {
                String name = order == NameOrder.SENT_NAME ? param.getKey() : signedName(param.getKey());
                sorted.add(Map.entry(name, param.getValue()));
            }
        }
        sorted.sort(Map.Entry.comparingByKey());
        return sorted;
    }

    /** Step 2: {@code name=value} joined with {@code &}, names with {@code _} as {@code .}, values raw. */
    static String requestString(List<Map.Entry<String, String>> sortedParameters) {
        StringBuilder request = new StringBuilder(sortedParameters.size() * 32);
        writeRequestString(sortedParameters, TextSink.of(request));
        return request.toString();
    }

    private static void writeRequestString(List<Map.Entry<String, String>> sortedParameters, TextSink out) {
        boolean first = true;
        for (Map.Entry<String, String> param : sortedParameters) {
            if (!first) {
                out.append('&');
            }
            first = false;
            out.append(signedName(param.getKey())).append('=').append(param.getValue());
        }
    }

    /**
     * Step 3, the "signature original string" ({@code srcStr}): {@code METHOD + host + path + "?" +
     * requestString}, e.g. {@code POST127.0.0.1:18080/v2/index.php?Action=...}. The host is the string
     * the client was configured with, port included, which is the Host header when the client is
     * aimed straight at this server.
     */
    static String sourceString(String method, String host, String path, String requestString) {
        return method + host + path + '?' + requestString;
    }

    private static void writeSourceString(String method, String host, String path,
            List<Map.Entry<String, String>> sortedParameters, TextSink out) {
        out.append(method).append(host).append(path).append('?');
        writeRequestString(sortedParameters, out);
    }

    /** Step 4: Base64 of the HMAC of the UTF-8 source string, keyed by the secret key. */
    static String signature(String secretKey, SignatureMethod method, String sourceString) {
        return Base64.getEncoder().encodeToString(
                Digests.hmac(method.parameterValue(), secretKey.getBytes(StandardCharsets.UTF_8), sourceString));
    }

    /** Whether {@code givenSignature} signs these parameters for this method, one host and path. */
    static boolean verify(String method, String host, String path, Map<String, String> params, String secretKey,
            String signatureMethod, String givenSignature) {
        return verify(method, List.of(host), path, params, secretKey, signatureMethod, givenSignature);
    }

    /**
     * Whether {@code givenSignature} signs these parameters for this method, one of {@code hosts}
     * and path. Both parameter orders are tried when a name contains {@code _}; otherwise they are
     * the same string. Each candidate source string is streamed into the MAC, never built, and the
     * first that matches ends the search (docs/security.md, "Work before the signature is checked").
     *
     * @param hosts the candidate signed hosts, in the order to try them: the caller's are the Host
     *     header, then configured public names such as {@code vpc.api.qcloud.com}
     * @param path {@link #V2_PATH} or {@link #API3_PATH}
     * @param params the decoded parameters; a {@code Signature} entry is ignored
     * @param signatureMethod the value of the (signed) {@code SignatureMethod} parameter, or null
     * @return false also for an unknown {@code signatureMethod} and a missing or empty signature
     */
    static boolean verify(String method, List<String> hosts, String path, Map<String, String> params,
            String secretKey, String signatureMethod, String givenSignature) {
        Optional<SignatureMethod> algorithm = SignatureMethod.fromParameter(signatureMethod);
        if (algorithm.isEmpty() || givenSignature == null || givenSignature.isEmpty()) {
            return false;
        }
        List<NameOrder> orders = params.keySet().stream().anyMatch(name -> name.indexOf('_') >= 0)
                ? List.of(NameOrder.SENT_NAME, NameOrder.SIGNED_NAME)
                : List.of(NameOrder.SENT_NAME);
        byte[] key = secretKey.getBytes(StandardCharsets.UTF_8);
        for (NameOrder order : orders) {
            List<Map.Entry<String, String>> sorted = sortedParameters(params, order);
            for (String host : hosts) {
                var mac = MacWriter.of(algorithm.get().parameterValue(), key);
                writeSourceString(method, host, path, sorted, mac);
                if (Digests.sameText(Base64.getEncoder().encodeToString(mac.finish()), givenSignature)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The name of a parameter that makes the request string split two ways, or null. Values enter
     * the string raw, so {@code Nonce=5&Offset=0} signs the same as {@code Nonce="5&Offset=0"} alone:
     * a name holding {@code &} or {@code =}, or a value holding {@code &} followed by
     * {@code name=} with a non-empty name before the next {@code &}, could have been signed as
     * other parameters. A value such as {@code a&=b} or {@code x&y} cannot (no pair has an empty
     * name or lacks {@code =}), so the SDKs' free-text values, {@code &} included, still pass.
     */
    static String ambiguouslySplit(Map<String, String> params) {
        for (Map.Entry<String, String> param : params.entrySet()) {
            String name = param.getKey();
            if (name.equals(SIGNATURE_PARAMETER)) {
                continue;
            }
            if (name.indexOf('&') >= 0 || name.indexOf('=') >= 0) {
                return name;
            }
            String value = param.getValue();
            for (int amp = value.indexOf('&'); amp >= 0; amp = value.indexOf('&', amp + 1)) {
                int next = value.indexOf('&', amp + 1);
                int eq = value.indexOf('=', amp + 1);
                if (eq > amp + 1 && (next < 0 || eq < next)) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The source string for the sent-name order, for the message of a signature failure. */
    static String expectedSourceString(String method, String host, String path, Map<String, String> params) {
        return sourceString(method, host, path, requestString(sortedParameters(params, NameOrder.SENT_NAME)));
    }

    /**
     * {@code prefix} and the start of the source string for the sent-name order, for the message of a
     * signature failure: no more of it is built than the message repeats.
     */
    static BoundedEcho.Text echoSourceString(String prefix, String method, String host, String path,
            Map<String, String> params) {
        var echo = new BoundedEcho.Writer();
        echo.append(prefix);
        writeSourceString(method, host, path, sortedParameters(params, NameOrder.SENT_NAME), echo);
        return echo.toEcho();
    }

    private static String signedName(String name) {
        return name.replace('_', '.');
    }
}
