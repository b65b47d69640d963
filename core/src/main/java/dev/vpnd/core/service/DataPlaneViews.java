package dev.vpnd.core.service;

import dev.vpnd.core.dataplane.AgentPresence;
import dev.vpnd.core.dataplane.ConnectionDataPlane;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.dataplane.TunnelObservation;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.port.Stores;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data plane's facts about connections and gateways as the dialects show them, read in the
 * caller's transaction with one query per kind of fact, whatever the number of records: a gateway
 * is served while its agent is not marked silent ({@link DataPlaneService#expireSilentAgents}); a
 * served connection is pending while its agent's applied revision is below the connection's.
 */
final class DataPlaneViews {
    private DataPlaneViews() {
    }

    /** The gateways among these an agent serves. */
    static Set<String> servedGateways(Stores s, Collection<String> gatewayIds) {
        var served = new HashSet<String>();
        s.dataPlane().presences(Set.copyOf(gatewayIds)).values().stream().filter(p -> !p.silent())
                .forEach(p -> served.add(p.gatewayId()));
        return served;
    }

    /** What the data plane says of each of these connections, by id. */
    static Map<String, ConnectionDataPlane> of(Stores s, Collection<VpnConnection> connections) {
        var out = new HashMap<String, ConnectionDataPlane>();
        Set<String> applied = applied(s, connections, out);
        var refusals = refusals(applied.isEmpty() ? List.of() : s.dataPlane().observationsOf(applied));
        applied.forEach(id -> out.put(id, new ConnectionDataPlane(true, false, refusals.get(id))));
        return out;
    }

    /**
     * The connections among these whose agent serves them and has applied their latest change; the
     * others go into {@code out}, as unserved or pending.
     */
    private static Set<String> applied(Stores s, Collection<VpnConnection> connections,
            Map<String, ConnectionDataPlane> out) {
        var applied = new HashSet<String>();
        if (connections.isEmpty()) {
            return applied;
        }
        var ids = connections.stream().map(VpnConnection::id).toList();
        Map<String, AgentPresence> presences = s.dataPlane().presences(Set.copyOf(connections.stream()
                .map(VpnConnection::gatewayId).toList()));
        Map<String, Long> revisions = s.dataPlane().connectionRevisions(ids);
        for (VpnConnection c : connections) {
            AgentPresence p = presences.get(c.gatewayId());
            if (p == null || p.silent()) {
                out.put(c.id(), ConnectionDataPlane.UNSERVED);
            } else if (p.appliedRevision() < revisions.getOrDefault(c.id(), 0L)) {
                out.put(c.id(), new ConnectionDataPlane(true, true, null));
            } else {
                applied.add(c.id());
            }
        }
        return applied;
    }

    /**
     * The health-check verdict of each of these connections ({@link DataPlaneService#health}): unknown
     * unless an agent serves it and has applied its latest change (a verdict on an older check's
     * addresses says nothing of the new one); up when any of its tunnels' probes are answered (a
     * dual-tunnel connection reaches the destination through either), else down when any tunnel's
     * failed, else unknown.
     */
    static Map<String, Health> health(Stores s, Collection<VpnConnection> connections) {
        var out = new HashMap<String, Health>();
        Set<String> applied = applied(s, connections, new HashMap<>());
        var verdicts = new HashMap<String, Set<Health>>();
        if (!applied.isEmpty()) {
            s.dataPlane().observationsOf(applied).stream().filter(o -> o.health() != null)
                    .forEach(o -> verdicts.computeIfAbsent(o.connectionId(), k -> EnumSet.noneOf(Health.class))
                            .add(o.health()));
        }
        for (VpnConnection c : connections) {
            Set<Health> seen = verdicts.getOrDefault(c.id(), Set.of());
            out.put(c.id(), seen.contains(Health.UP) ? Health.UP
                    : seen.contains(Health.DOWN) ? Health.DOWN : Health.UNKNOWN);
        }
        return out;
    }

    /** The first refusal reported of each connection's tunnels, in tunnel order. */
    private static Map<String, String> refusals(List<TunnelObservation> observations) {
        var out = new HashMap<String, String>();
        observations.stream().filter(o -> o.configError() != null)
                .sorted(Comparator.comparingInt(TunnelObservation::tunnelIndex))
                .forEach(o -> out.putIfAbsent(o.connectionId(), o.configError()));
        return out;
    }
}
