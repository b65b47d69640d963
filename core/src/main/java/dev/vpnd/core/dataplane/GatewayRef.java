package dev.vpnd.core.dataplane;

import dev.vpnd.core.model.Scope;
import java.util.Objects;

/**
 * A VPN gateway as the data plane knows it: its canonical id and the scope it lives in. An agent
 * token names gateways of any account, so what it holds carries each gateway's scope along.
 */
public record GatewayRef(Scope scope, String gatewayId) {
    public GatewayRef {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(gatewayId, "gatewayId");
    }
}
