package dev.vpnd.core.dataplane;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What vpnd keeps of an agent's bearer token: its public {@code id} (the part before the dot, which
 * operators list and revoke by), the hex SHA-256 {@code digest} of the whole token (the token itself
 * is shown once and never stored) and the gateways it may see and report on.
 */
public record AgentToken(String id, String digest, List<GatewayRef> gateways, Instant createdAt) {
    public AgentToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(createdAt, "createdAt");
        gateways = List.copyOf(gateways);
    }

    /** Whether the token may see the gateway of this canonical id. */
    public boolean holds(String gatewayId) {
        return gateways.stream().anyMatch(g -> g.gatewayId().equals(gatewayId));
    }

    /** The gateway of this canonical id among the token's. */
    public Optional<GatewayRef> gateway(String gatewayId) {
        return gateways.stream().filter(g -> g.gatewayId().equals(gatewayId)).findFirst();
    }
}
