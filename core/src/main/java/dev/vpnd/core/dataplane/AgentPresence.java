package dev.vpnd.core.dataplane;

import java.time.Instant;
import java.util.Objects;

/**
 * The agent serving a gateway as vpnd last heard from it: what it said in its hello, when it last
 * reported ({@code null} before its first report), the plan revision it last applied, and whether it
 * has been silent too long (its tunnels then count as not established).
 */
public record AgentPresence(String gatewayId, String agent, String daemon, Instant helloAt, Instant reportedAt,
        long appliedRevision, boolean silent) {
    public AgentPresence {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(daemon, "daemon");
        Objects.requireNonNull(helloAt, "helloAt");
    }

    /** When vpnd last heard from the agent: its last report, or its hello before the first one. */
    public Instant lastHeard() {
        return reportedAt == null || reportedAt.isBefore(helloAt) ? helloAt : reportedAt;
    }
}
