package dev.vpnd.agent.protocol;

import dev.vpnd.core.dataplane.GatewayPlan;
import java.util.List;

/**
 * The plans of a token's gateways; {@code revision} is the greatest of their revisions, the
 * {@code after} of the agent's next wait.
 */
public record PlanAnswer(long revision, List<GatewayPlan> gateways) {
    public PlanAnswer {
        gateways = List.copyOf(gateways);
    }
}
