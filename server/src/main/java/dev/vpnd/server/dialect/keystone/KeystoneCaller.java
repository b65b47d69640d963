package dev.vpnd.server.dialect.keystone;

import dev.vpnd.core.service.IdentityService;
import dev.vpnd.core.service.IdentityService.Session;

/**
 * Whoever holds the token in {@code X-Auth-Token}. Keystone authenticates per action: discovery and
 * sign-in need no token, so the token is checked when an action asks for the session, and only then.
 */
record KeystoneCaller(IdentityService identity, String token) {

    /** The caller's session; Keystone's 401 when the token is missing, unknown or expired. */
    Session session() {
        return identity.validate(token).orElseThrow(PasswordAuth::unauthorized);
    }
}
