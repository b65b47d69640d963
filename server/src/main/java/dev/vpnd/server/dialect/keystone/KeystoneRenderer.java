package dev.vpnd.server.dialect.keystone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.http.WireResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keystone's answers: JSON always, errors included; a 401 says where to authenticate. */
final class KeystoneRenderer {
    static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KeystoneRenderer() {
    }

    static WireResponse error(WireFault fault) {
        var headers = new LinkedHashMap<>(fault.headers());
        if (fault.status() == KeystoneError.UNAUTHORIZED.status) {
            headers.put("WWW-Authenticate", "Keystone uri=\"/v3\"");
        }
        var error = KeystoneError.ofStatus(fault.status());
        return json(error.status, KeystoneDocuments.error(error, fault.getMessage()), headers);
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
