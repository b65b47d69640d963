package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.service.Services;
import java.time.Instant;

/**
 * What a legacy v2 action sees: its fields, the caller's account and region (the scope holds the
 * region's id, {@code regionName} its API 3.0 name), the services, the time, and whether the
 * caller's key hides pre-shared keys.
 */
record LegacyContext(LegacyParams params, Scope scope, String regionName, Services services, Instant now,
        boolean hidesSecrets) {

    /** The same call as an API 3.0 context without parameters, for the lookups both APIs share. */
    Api3Context api3() {
        return new Api3Context(Api3Params.empty(), scope, services, now, hidesSecrets);
    }

    /** The connection as the caller may read it: without pre-shared keys for a key that hides them. */
    VpnConnection shown(VpnConnection c) {
        return hidesSecrets ? c.withoutSecrets() : c;
    }
}
