package dev.vpnd.core.port;

import dev.vpnd.core.dataplane.AgentPresence;
import dev.vpnd.core.dataplane.AgentToken;
import dev.vpnd.core.dataplane.ConnectionRef;
import dev.vpnd.core.dataplane.GatewayRef;
import dev.vpnd.core.dataplane.StatusTransition;
import dev.vpnd.core.dataplane.TunnelObservation;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.Scope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What vpnd keeps for its data-plane agents: their tokens, each gateway's plan revision, what the
 * agents said and observed, and the status transitions of connections. Observations, revisions and
 * transitions of a connection go when the connection does.
 */
public interface DataPlaneStore {
    /** Transitions kept per tunnel: enough to tell when it last went up and down, bounded when it flaps. */
    int KEPT_TRANSITIONS = 50;

    void insertToken(AgentToken token);

    /** The token of this public id. */
    Optional<AgentToken> findToken(String id);

    /** Every token, oldest first. */
    List<AgentToken> tokens();

    /** Removes the token; false when there was none. */
    boolean deleteToken(String id);

    /** The gateway of this canonical id, in whichever scope it lives. */
    Optional<GatewayRef> locateGateway(String id);

    /** The gateway of this serial, in whichever scope it lives (serials are unique per resource type). */
    Optional<GatewayRef> locateGatewayBySerial(long serial);

    /** The connection of this canonical id, in whichever scope it lives. */
    Optional<ConnectionRef> locateConnection(String id);

    /** The connection of this serial, in whichever scope it lives. */
    Optional<ConnectionRef> locateConnectionBySerial(long serial);

    /**
     * The next plan revision, from one counter for every gateway, so that one number ({@code after})
     * orders the plans of any set of gateways. The counter stays locked until this transaction
     * commits, so revisions become visible in the order they were drawn: a reader that has seen
     * revision n has seen every revision below it that will ever commit.
     */
    long nextPlanRevision();

    /** The counter's value: the greatest revision drawn, committed or not yet visible to this reader. */
    long latestPlanRevision();

    /** Sets the plan revision of a gateway; it only ever grows. */
    void setPlanRevision(String gatewayId, long revision);

    /** Sets the plan revision at which a connection last changed. */
    void setConnectionRevision(String connectionId, long revision);

    /** The plan revision of each gateway that has one; a gateway without one is at revision 0. */
    Map<String, Long> planRevisions(Collection<String> gatewayIds);

    /** The plan revision at which each connection that has one last changed. */
    Map<String, Long> connectionRevisions(Collection<String> connectionIds);

    Optional<AgentPresence> presence(String gatewayId);

    /** The presences of those of these gateways whose agent ever said hello or reported, by gateway id. */
    Map<String, AgentPresence> presences(Collection<String> gatewayIds);

    /** Stores the presence of the agent of {@code presence.gatewayId()}, replacing what was kept. */
    void putPresence(AgentPresence presence);

    /** Gateways whose agent is not marked silent and was last heard from before {@code heardBefore}. */
    List<String> quietGateways(Instant heardBefore);

    /**
     * Marks the gateway's agent silent unless it is already, or was heard from at {@code heardBefore}
     * or later; true when this call marked it (so of several nodes, one acts on it).
     */
    boolean markSilent(String gatewayId, Instant heardBefore);

    /** Stores the observation of one tunnel, replacing the last one. */
    void putObservation(TunnelObservation observation);

    /** The last observations of the tunnels of the gateway's connections. */
    List<TunnelObservation> observationsOnGateway(String gatewayId);

    /** The last observations of the connection's tunnels. */
    List<TunnelObservation> observationsOf(String connectionId);

    /** The last observations of the tunnels of these connections. */
    List<TunnelObservation> observationsOf(Collection<String> connectionIds);

    /** Every observation kept, with whether its gateway's agent is silent. */
    List<Observed> allObservations();

    /**
     * Sets the negotiation status of the connection and of its tunnels by index (an index the
     * connection lacks is ignored), moving its revision on, as every change of a stored record must;
     * false when the connection is gone.
     */
    boolean setStatus(Scope scope, String connectionId, NegotiationStatus status,
            Map<Integer, NegotiationStatus> tunnels);

    /** Records a transition; each tunnel keeps its latest {@link #KEPT_TRANSITIONS}. */
    void recordTransition(StatusTransition transition);

    /** The connection's transitions, newest first. */
    List<StatusTransition> transitionsOf(String connectionId);

    /**
     * What each connection made through OpenStack's API stores beside its canonical record and its
     * tunnels need; others have none.
     */
    Map<String, SiteSettings> siteSettings(Collection<String> connectionIds);

    /**
     * Whether the gateway is administratively up as a VPN service (Neutron's {@code admin_state_up});
     * a gateway made through another API, which has no such setting, is.
     */
    boolean gatewayAdminStateUp(String gatewayId);

    /**
     * A connection's own DPD interval (the canonical record keeps only the timeout), and whether an
     * administrator has switched it off, which takes it out of its gateway's plan.
     */
    record SiteSettings(long dpdIntervalSeconds, boolean adminStateUp) {
    }

    /** An observation and whether the agent of its gateway is silent. */
    record Observed(TunnelObservation observation, boolean silent) {
    }
}
