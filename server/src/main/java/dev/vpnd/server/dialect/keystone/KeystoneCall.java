package dev.vpnd.server.dialect.keystone;

import dev.vpnd.server.http.WireRequest;
import java.util.Map;

/**
 * A Keystone request as routed: the resource its path names and the method. The action is the two
 * together ({@code Tokens.POST}); a path that names no resource is 404 before anything else.
 * {@code identityUrl} is Keystone's root as the client addressed it, which a 401 names.
 */
record KeystoneCall(String resource, String method, String identityUrl) {
    private static final Map<String, String> RESOURCES = Map.of(
            "/", "Versions",
            "/v3", "Version",
            "/v3/", "Version",
            "/v3/auth/tokens", "Tokens");

    static KeystoneCall parse(WireRequest request) {
        String resource = RESOURCES.get(request.path());
        if (resource == null) {
            throw KeystoneError.NOT_FOUND.fault();
        }
        return new KeystoneCall(resource, request.method(), request.origin());
    }

    String action() {
        return resource + "." + method;
    }
}
