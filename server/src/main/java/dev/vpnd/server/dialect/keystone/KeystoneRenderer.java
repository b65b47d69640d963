package dev.vpnd.server.dialect.keystone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.http.WireResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keystone's answers: JSON always, errors included; a 401 says where to authenticate, as Keystone's
 * {@code WWW-Authenticate: Keystone uri="<its root URL>"}.
 */
final class KeystoneRenderer {
    static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KeystoneRenderer() {
    }

    static WireResponse error(WireFault fault, Optional<String> identityUrl) {
        var headers = new LinkedHashMap<>(fault.headers());
        if (fault.status() == KeystoneError.UNAUTHORIZED.status && identityUrl.isPresent()) {
            headers.put("WWW-Authenticate", challenge(identityUrl.get()));
        }
        var error = KeystoneError.ofStatus(fault.status());
        return json(error.status, KeystoneDocuments.error(error, fault.getMessage()), headers);
    }

    /** The challenge naming Keystone's root URL, as Keystone and keystonemiddleware send it. */
    static String challenge(String identityUrl) {
        return "Keystone uri=\"" + identityUrl + "\"";
    }

    static WireResponse json(int status, JsonNode body, Map<String, String> headers) {
        try {
            return new WireResponse(status, JSON, MAPPER.writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static WireResponse empty(int status, Map<String, String> headers) {
        return new WireResponse(status, JSON, new byte[0], headers);
    }
}
