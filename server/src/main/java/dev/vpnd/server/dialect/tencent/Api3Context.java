package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.Services;
import java.time.Instant;

/**
 * What an API 3.0 action sees: its parameters, the caller's account and region, the services, the
 * time, and whether the caller's key hides pre-shared keys.
 */
record Api3Context(Api3Params params, Scope scope, Services services, Instant now, boolean hidesSecrets) {

    /** The connection as the caller may read it: without pre-shared keys for a key that hides them. */
    VpnConnection shown(VpnConnection c) {
        return hidesSecrets ? c.withoutSecrets() : c;
    }

    /** The serial a Tencent id of {@code type} names; a wrong prefix or length is {@code Malformed}. */
    long serialOf(ResourceType type, String wireId) {
        return TencentIds.decode(type, wireId).orElseThrow(() -> TencentError.MALFORMED.fault(wireId));
    }

    long requiredSerial(String param, ResourceType type) {
        return serialOf(type, params.requiredText(param));
    }
}
