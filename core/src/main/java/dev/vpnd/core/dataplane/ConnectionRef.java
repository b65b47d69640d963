package dev.vpnd.core.dataplane;

import dev.vpnd.core.model.Scope;
import java.util.Objects;

/** A VPN connection as the operator's tools find it: its canonical id and the scope it lives in. */
public record ConnectionRef(Scope scope, String connectionId) {
    public ConnectionRef {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(connectionId, "connectionId");
    }
}
