package dev.vpnd.core.memory;

import dev.vpnd.core.dataplane.AgentPresence;
import dev.vpnd.core.dataplane.AgentToken;
import dev.vpnd.core.dataplane.ConnectionRef;
import dev.vpnd.core.dataplane.GatewayRef;
import dev.vpnd.core.dataplane.StatusTransition;
import dev.vpnd.core.dataplane.TunnelObservation;
import dev.vpnd.core.memory.MemoryDataPlane.TunnelKey;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.port.DataPlaneStore;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store's rules in memory: token ids unique, a status change moves the connection's revision,
 * each tunnel keeps its latest {@link #KEPT_TRANSITIONS}. Site settings are OpenStack's, which
 * {@link MemoryStorage} does not keep: no connection has any.
 */
final class MemoryDataPlaneStore implements DataPlaneStore {
    private final MemoryState state;
    private final MemoryDataPlane plane;

    MemoryDataPlaneStore(MemoryState state) {
        this.state = state;
        this.plane = state.dataPlane;
    }

    @Override
    public void insertToken(AgentToken token) {
        state.checkWritable();
        if (plane.tokens.containsKey(token.id())) {
            throw new IllegalStateException("duplicate token id " + token.id());
        }
        plane.tokens.put(token.id(), token);
    }

    @Override
    public Optional<AgentToken> findToken(String id) {
        return Optional.ofNullable(plane.tokens.get(id));
    }

    @Override
    public List<AgentToken> tokens() {
        return List.copyOf(plane.tokens.values());
    }

    @Override
    public boolean deleteToken(String id) {
        state.checkWritable();
        return plane.tokens.remove(id) != null;
    }

    @Override
    public Optional<GatewayRef> locateGateway(String id) {
        return state.gateways.findAnywhere(id).map(g -> new GatewayRef(g.scope(), g.id()));
    }

    @Override
    public Optional<GatewayRef> locateGatewayBySerial(long serial) {
        return state.gateways.findBySerialAnywhere(serial).map(g -> new GatewayRef(g.scope(), g.id()));
    }

    @Override
    public Optional<ConnectionRef> locateConnection(String id) {
        return state.connections.findAnywhere(id).map(c -> new ConnectionRef(c.scope(), c.id()));
    }

    @Override
    public Optional<ConnectionRef> locateConnectionBySerial(long serial) {
        return state.connections.findBySerialAnywhere(serial).map(c -> new ConnectionRef(c.scope(), c.id()));
    }

    @Override
    public long nextPlanRevision() {
        state.checkWritable();
        return ++plane.latestRevision;
    }

    @Override
    public long latestPlanRevision() {
        return plane.latestRevision;
    }

    @Override
    public void setPlanRevision(String gatewayId, long revision) {
        state.checkWritable();
        plane.planRevisions.merge(gatewayId, revision, Math::max);
    }

    @Override
    public void setConnectionRevision(String connectionId, long revision) {
        state.checkWritable();
        plane.connectionRevisions.put(connectionId, revision);
    }

    @Override
    public Map<String, Long> planRevisions(Collection<String> gatewayIds) {
        var out = new HashMap<String, Long>();
        gatewayIds.forEach(id -> Optional.ofNullable(plane.planRevisions.get(id)).ifPresent(r -> out.put(id, r)));
        return out;
    }

    @Override
    public Map<String, Long> connectionRevisions(Collection<String> connectionIds) {
        var out = new HashMap<String, Long>();
        connectionIds.forEach(id -> Optional.ofNullable(plane.connectionRevisions.get(id))
                .ifPresent(r -> out.put(id, r)));
        return out;
    }

    @Override
    public Optional<AgentPresence> presence(String gatewayId) {
        return Optional.ofNullable(plane.presences.get(gatewayId));
    }

    @Override
    public Map<String, AgentPresence> presences(Collection<String> gatewayIds) {
        var out = new HashMap<String, AgentPresence>();
        gatewayIds.forEach(id -> Optional.ofNullable(plane.presences.get(id)).ifPresent(p -> out.put(id, p)));
        return out;
    }

    @Override
    public void putPresence(AgentPresence presence) {
        state.checkWritable();
        plane.presences.put(presence.gatewayId(), presence);
    }

    @Override
    public List<String> quietGateways(Instant heardBefore) {
        return plane.presences.values().stream().filter(p -> !p.silent() && p.lastHeard().isBefore(heardBefore))
                .map(AgentPresence::gatewayId).sorted().toList();
    }

    @Override
    public boolean markSilent(String gatewayId, Instant heardBefore) {
        state.checkWritable();
        var p = plane.presences.get(gatewayId);
        if (p == null || p.silent() || !p.lastHeard().isBefore(heardBefore)) {
            return false;
        }
        plane.presences.put(gatewayId, new AgentPresence(p.gatewayId(), p.agent(), p.daemon(), p.helloAt(),
                p.reportedAt(), p.appliedRevision(), true));
        return true;
    }

    @Override
    public void putObservation(TunnelObservation observation) {
        state.checkWritable();
        plane.observations.put(new TunnelKey(observation.connectionId(), observation.tunnelIndex()), observation);
    }

    @Override
    public List<TunnelObservation> observationsOnGateway(String gatewayId) {
        return plane.observations.values().stream().filter(o -> o.gatewayId().equals(gatewayId)).sorted(ORDER)
                .toList();
    }

    @Override
    public List<TunnelObservation> observationsOf(String connectionId) {
        return plane.observations.values().stream().filter(o -> o.connectionId().equals(connectionId))
                .sorted(ORDER).toList();
    }

    @Override
    public List<TunnelObservation> observationsOf(Collection<String> connectionIds) {
        return plane.observations.values().stream().filter(o -> connectionIds.contains(o.connectionId()))
                .sorted(ORDER).toList();
    }

    @Override
    public List<Observed> allObservations() {
        return plane.observations.values().stream().sorted(ORDER).map(o -> new Observed(o,
                Optional.ofNullable(plane.presences.get(o.gatewayId())).map(AgentPresence::silent).orElse(false)))
                .toList();
    }

    @Override
    public boolean setStatus(Scope scope, String connectionId, NegotiationStatus status,
            Map<Integer, NegotiationStatus> tunnels) {
        state.checkWritable();
        var current = state.connections.find(scope, connectionId);
        if (current.isEmpty()) {
            return false;
        }
        var c = current.get();
        return state.connections.update(c.withStatus(status, tunnels).withRevision(c.revision() + 1), c.revision());
    }

    @Override
    public void recordTransition(StatusTransition transition) {
        state.checkWritable();
        plane.transitions.add(transition);
        var ofTunnel = plane.transitions.stream().filter(t -> t.connectionId().equals(transition.connectionId())
                && t.tunnelIndex() == transition.tunnelIndex()).toList();
        if (ofTunnel.size() > KEPT_TRANSITIONS) {
            ofTunnel.subList(0, ofTunnel.size() - KEPT_TRANSITIONS).forEach(plane.transitions::remove);
        }
    }

    @Override
    public List<StatusTransition> transitionsOf(String connectionId) {
        return plane.transitions.reversed().stream().filter(t -> t.connectionId().equals(connectionId)).toList();
    }

    @Override
    public Map<String, SiteSettings> siteSettings(Collection<String> connectionIds) {
        return Map.of();
    }

    /** Memory storage keeps no OpenStack attributes: every gateway is administratively up. */
    @Override
    public boolean gatewayAdminStateUp(String gatewayId) {
        return true;
    }

    private static final Comparator<TunnelObservation> ORDER = Comparator.comparing(TunnelObservation::connectionId)
            .thenComparingInt(TunnelObservation::tunnelIndex);
}
