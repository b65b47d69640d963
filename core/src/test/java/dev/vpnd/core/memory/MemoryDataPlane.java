package dev.vpnd.core.memory;

import dev.vpnd.core.dataplane.AgentPresence;
import dev.vpnd.core.dataplane.AgentToken;
import dev.vpnd.core.dataplane.StatusTransition;
import dev.vpnd.core.dataplane.TunnelObservation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data plane's part of a {@link MemoryState}: tokens, revisions, presences, observations, transitions. */
final class MemoryDataPlane {
    record TunnelKey(String connectionId, int tunnelIndex) {
    }

    /** In creation order, as the store lists them. */
    final Map<String, AgentToken> tokens;
    final Map<String, Long> planRevisions;
    final Map<String, Long> connectionRevisions;
    final Map<String, AgentPresence> presences;
    final Map<TunnelKey, TunnelObservation> observations;
    /** Oldest first. */
    final List<StatusTransition> transitions;
    /** The counter plan revisions are drawn from; the store starts it at 1, so no answer is revision 0. */
    long latestRevision;

    MemoryDataPlane() {
        this(new LinkedHashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new LinkedHashMap<>(),
                new ArrayList<>(), 1);
    }

    private MemoryDataPlane(Map<String, AgentToken> tokens, Map<String, Long> planRevisions,
            Map<String, Long> connectionRevisions, Map<String, AgentPresence> presences,
            Map<TunnelKey, TunnelObservation> observations, List<StatusTransition> transitions, long latestRevision) {
        this.tokens = tokens;
        this.planRevisions = planRevisions;
        this.connectionRevisions = connectionRevisions;
        this.presences = presences;
        this.observations = observations;
        this.transitions = transitions;
        this.latestRevision = latestRevision;
    }

    MemoryDataPlane copy() {
        return new MemoryDataPlane(new LinkedHashMap<>(tokens), new HashMap<>(planRevisions),
                new HashMap<>(connectionRevisions), new HashMap<>(presences), new LinkedHashMap<>(observations),
                new ArrayList<>(transitions), latestRevision);
    }

    /** Drops what is kept of a deleted connection, as the store does with its row. */
    void forget(String connectionId) {
        connectionRevisions.remove(connectionId);
        observations.keySet().removeIf(k -> k.connectionId().equals(connectionId));
        transitions.removeIf(t -> t.connectionId().equals(connectionId));
    }
}
