package dev.vpnd.agent;

import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import java.util.List;

/**
 * What an agent tells whoever runs it, besides vpnd: the plans it applied and how its tunnels
 * change. The lab mirrors the plans onto its customer-side charon and prints the changes; the plain
 * agent needs neither. Callbacks must return quickly: they run on the agent's own threads.
 */
public interface AgentListener {
    /** Listens to nothing. */
    AgentListener NONE = new AgentListener() {
    };

    /**
     * New plans, before charon gets them (on the agent's reconcile thread, which waits for this to
     * return). Called before each pass that applies a plan answer for the first time, so again after a
     * pass that failed.
     */
    default void plansArriving(List<GatewayPlan> plans) {
    }

    /**
     * charon holds the plans of every gateway of the token, as vpnd sent them last: a pass converged on
     * them (on the agent's reconcile thread). Called once per plan answer, when it is first applied.
     */
    default void plansApplied(List<GatewayPlan> plans) {
    }

    /**
     * A tunnel of the plans is new or its state changed (IKE or CHILD SA state, configuration error),
     * as it goes to vpnd (on the agent's reconcile thread).
     */
    default void tunnelChanged(String gatewayId, TunnelReport tunnel) {
    }

    /** A tunnel left the plans, and with them charon (on the agent's reconcile thread). */
    default void tunnelRemoved(String gatewayId, String tunnel) {
    }
}
