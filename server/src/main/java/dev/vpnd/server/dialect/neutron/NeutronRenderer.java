package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.http.WireResponse;
import java.util.Map;

/**
 * Neutron's answers, as neutron-server writes them: JSON with the request id in
 * {@code X-Openstack-Request-Id}; errors as {@code {"NeutronError": {"type", "message", "detail": ""}}},
 * except the 401, which keystonemiddleware answers in Keystone's form before Neutron sees the request.
 */
final class NeutronRenderer {
    private static final String JSON = "application/json";
    private static final String REQUEST_ID = "X-Openstack-Request-Id";

    private NeutronRenderer() {
    }

    /** A JSON answer, spaced or compact as the kind's reference writes it ({@link NeutronJson}). */
    static WireResponse json(int status, JsonNode body, boolean spaced, String requestId) {
        return new WireResponse(status, JSON, NeutronJson.write(body, spaced), Map.of(REQUEST_ID, requestId));
    }

    /** A delete's 204: as the reference, no body and no Content-Type. */
    static WireResponse noContent(String requestId) {
        return new WireResponse(204, null, new byte[0], Map.of(REQUEST_ID, requestId));
    }

    /** {@code GET /}: the version document, which the reference's version app answers without a request id. */
    static WireResponse versions(String baseUrl) {
        ObjectNode root = NeutronJson.NODES.objectNode();
        var version = root.putArray("versions").addObject();
        version.put("id", "v2.0");
        version.put("status", "CURRENT");
        version.putArray("links").addObject().put("href", baseUrl + "/v2.0/").put("rel", "self");
        return new WireResponse(200, JSON, NeutronJson.write(root, true), Map.of());
    }

    static WireResponse error(WireFault fault, String requestId) {
        if (fault.error() == NeutronError.UNAUTHORIZED) {
            return unauthorized(fault.getMessage(), fault.headers());
        }
        return error(fault.status(), fault.code(), fault.getMessage(), requestId);
    }

    /** An error of the given status and type: the HTTP layer's own (413, 414, 431, ...) among them. */
    static WireResponse error(int status, String type, String message, String requestId) {
        ObjectNode root = NeutronJson.NODES.objectNode();
        root.putObject("NeutronError").put("type", type).put("message", message).put("detail", "");
        return json(status, root, true, requestId);
    }

    /**
     * keystonemiddleware's answer to a missing, unknown or expired token: no request id, and where to
     * sign in ({@link NeutronError#unauthorized}).
     */
    private static WireResponse unauthorized(String message, Map<String, String> headers) {
        ObjectNode root = NeutronJson.NODES.objectNode();
        root.putObject("error").put("code", NeutronError.UNAUTHORIZED.status()).put("title", "Unauthorized")
                .put("message", message);
        return new WireResponse(NeutronError.UNAUTHORIZED.status(), JSON, NeutronJson.write(root, true), headers);
    }
}
