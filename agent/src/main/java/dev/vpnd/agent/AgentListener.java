package dev.vpnd.agent;

import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import java.util.List;

/**
 * What an agent tells whoever runs it, besides vpnd: the plans it received and how its tunnels
 * change. The lab mirrors the plans onto its customer-side charon and prints the changes; the plain
 * agent needs neither. Callbacks must return quickly: they run on the agent's own threads.
 */
public interface AgentListener {
    /** Listens to nothing. */
    AgentListener NONE = new AgentListener() {
    };

    /** vpnd sent the plans of every gateway of the token (on the agent's plan thread). */
    default void plansReceived(List<GatewayPlan> plans) {
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
