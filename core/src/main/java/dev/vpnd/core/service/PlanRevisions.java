package dev.vpnd.core.service;

import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.port.Stores;
import java.util.List;

/**
 * Moves a gateway's plan revision on. Every transaction that changes what the gateway's data-plane
 * agent must configure (a connection created, changed or deleted, the gateway's public address)
 * calls it, so an agent waiting for a revision greater than the one it applied is woken, on any
 * node, by a change committed on any other (docs/agent-protocol.md).
 */
final class PlanRevisions {
    private PlanRevisions() {
    }

    /** A change of the gateway's plan as a whole: its address. */
    static long changed(Stores s, String gatewayId) {
        long revision = s.dataPlane().nextPlanRevision();
        s.dataPlane().setPlanRevision(gatewayId, revision);
        return revision;
    }

    /** A change of one connection of the gateway, recorded with the connection too (until then it is pending). */
    static long changed(Stores s, String gatewayId, String connectionId) {
        long revision = changed(s, gatewayId);
        s.dataPlane().setConnectionRevision(connectionId, revision);
        return revision;
    }

    /**
     * A change of one connection that may leave its tunnels as they were (a new name, a Neutron MTU,
     * nothing at all): the plan moves on, and the connection is pending, only when the tunnels now
     * differ from {@code before}, what they were before the change, as there is otherwise nothing
     * for the agent to apply.
     */
    static void changedIfDifferent(Stores s, VpnGateway gateway, VpnConnection changed, List<TunnelPlan> before) {
        if (!PlanBuilder.tunnelsOf(s, gateway, changed).equals(before)) {
            changed(s, gateway.id(), changed.id());
        }
    }
}
