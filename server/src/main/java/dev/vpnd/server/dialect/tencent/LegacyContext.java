package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.Scope;
import dev.vpnd.server.Services;
import java.time.Instant;

/** What a legacy v2 action sees: its fields, the caller's account and (API 3.0) region, the services, the time. */
record LegacyContext(LegacyParams params, Scope scope, Services services, Instant now) {

    /** The same call as an API 3.0 context without parameters, for the lookups both APIs share. */
    Api3Context api3() {
        return new Api3Context(Api3Params.empty(), scope, services, now);
    }
}
