package dev.vpnd.server.dialect.tencent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.server.http.FormUrlEncoded;
import dev.vpnd.server.http.WireRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One API 3.0 request, however it arrived (docs/dialects/tencent.md, Requests): TC3-signed with the
 * common parameters in {@code X-TC-*} headers and the action's parameters as a JSON body (or, for
 * GET, a flattened query); or signed the legacy way with everything, common parameters included, as
 * form fields of the query or body. {@code fields} are the decoded form fields the legacy signature
 * covers (empty for TC3).
 *
 * <p>The action's parameters are turned into a tree only by {@link #params}, once the caller is
 * authenticated: the signature is checked on the flat fields (legacy) or the raw body (TC3), so an
 * unsigned request costs no more than its own size.
 */
record Api3Call(boolean tc3, String action, String version, String region, String timestamp,
        Map<String, String> fields) {

    /** Common parameters of the legacy-signed form, which are not the action's own. */
    static final Set<String> COMMON = Set.of("Action", "Version", "Region", "Timestamp", "Nonce", "SecretId",
            "Signature", "SignatureMethod", "RequestClient", "Token", "Language");
    /** No real parameter nests deeper than four objects and lists. */
    private static final int MAX_JSON_DEPTH = 16;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .build());

    static Api3Call parse(WireRequest request) {
        if (signedTc3(request)) {
            return new Api3Call(true, request.header("x-tc-action"), request.header("x-tc-version"),
                    request.header("x-tc-region"), request.header("x-tc-timestamp"), Map.of());
        }
        var fields = formFields(request);
        return new Api3Call(false, fields.get("Action"), fields.get("Version"), fields.get("Region"),
                fields.get("Timestamp"), fields);
    }

    /**
     * The action's own parameters as one JSON object: the TC3 body (or flattened query), or the
     * legacy-signed fields less the common ones. Call it only after authenticating.
     */
    ObjectNode params(WireRequest request) {
        if (tc3) {
            return tc3Params(request);
        }
        var own = new LinkedHashMap<String, String>();
        fields.forEach((name, value) -> {
            if (!COMMON.contains(name)) {
                own.put(name, value);
            }
        });
        return FlatParameters.toTree(own);
    }

    /**
     * The action {@link #parse} finds, decoding nothing else: the X-TC-Action header of a TC3 call
     * (which its signature covers), else the {@code Action} field of an urlencoded body, else the
     * query's, as {@link #formFields} lets the body's fields replace the query's. Null when it names
     * none, and for a multipart body, which is not worth judging.
     */
    static String actionOf(WireRequest request) {
        if (signedTc3(request)) {
            return request.header("x-tc-action");
        }
        String fromQuery = FormUrlEncoded.value(request.rawQuery(), "Action");
        if (request.method().equals("GET") || request.body().length == 0) {
            return fromQuery;
        }
        String contentType = request.header("content-type");
        if (MultipartForm.boundary(contentType).isPresent()) {
            return null;
        }
        if (contentType == null
                || contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            String fromBody = FormUrlEncoded.value(new String(request.body(), StandardCharsets.UTF_8), "Action");
            return fromBody != null ? fromBody : fromQuery;
        }
        return fromQuery;
    }

    private static boolean signedTc3(WireRequest request) {
        String authorization = request.header("authorization");
        return authorization != null && authorization.startsWith(Tc3Signature.ALGORITHM);
    }

    private static ObjectNode tc3Params(WireRequest request) {
        String contentType = request.header("content-type");
        boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
        if (!json || request.method().equals("GET")) {
            return FlatParameters.toTree(formFields(request));
        }
        if (request.body().length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            var tree = JSON.readTree(request.body());
            if (tree instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // answered below
        }
        throw TencentError.INVALID_PARAMETER.fault("the request body, which must be a JSON object");
    }

    /** The query's fields, then, for a form POST, the body's (urlencoded or multipart). */
    static Map<String, String> formFields(WireRequest request) {
        Map<String, String> fields = new HashMap<>();
        try {
            fields.putAll(FormUrlEncoded.parse(request.rawQuery()));
            if (!request.method().equals("GET") && request.body().length > 0) {
                String contentType = request.header("content-type");
                var boundary = MultipartForm.boundary(contentType);
                if (boundary.isPresent()) {
                    fields.putAll(MultipartForm.parse(request.body(), boundary.get()));
                } else if (contentType == null
                        || contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                    fields.putAll(FormUrlEncoded.parse(new String(request.body(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IllegalArgumentException e) {
            throw TencentError.INVALID_PARAMETER.fault("the request encoding: " + e.getMessage());
        }
        return fields;
    }
}
