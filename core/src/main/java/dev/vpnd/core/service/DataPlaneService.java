package dev.vpnd.core.service;

import dev.vpnd.core.dataplane.AgentPresence;
import dev.vpnd.core.dataplane.AgentToken;
import dev.vpnd.core.dataplane.ConnectionDataPlane;
import dev.vpnd.core.dataplane.ConnectionRef;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayRef;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.StatusTransition;
import dev.vpnd.core.dataplane.TunnelObservation;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The data plane: agents beside IPsec daemons, each holding a token for some gateways, fetch the
 * plans of those gateways ({@link GatewayPlan}, built here from the canonical records) and report
 * what their daemon observes, which becomes the negotiation status every dialect shows. Statuses
 * (docs/agent-protocol.md, "What the dialects show"):
 *
 * <ul>
 *   <li>IKE SA not established (absent or still negotiating), or the daemon refused the tunnel's
 *       configuration: {@link NegotiationStatus#IKE_SA_NOT_ESTABLISHED};
 *   <li>IKE SA up, CHILD_SA being negotiated: {@link NegotiationStatus#IKE_SA_ESTABLISHED};
 *   <li>IKE SA up, no CHILD_SA (its negotiation failed, or it waits for traffic or the peer):
 *       {@link NegotiationStatus#IPSEC_SA_NOT_ESTABLISHED};
 *   <li>both up: {@link NegotiationStatus#IPSEC_SA_ESTABLISHED}.
 * </ul>
 *
 * A dual-tunnel connection shows the furthest any of its tunnels got, in that order: it carries
 * traffic when one tunnel does. An agent not heard from for {@link Timing#silentAfter} has every
 * tunnel of its gateways counted as not established, never as up ({@link #expireSilentAgents}).
 */
public final class DataPlaneService {
    /** Gateways one token may hold: as many as one plan answer carries. */
    public static final int MAX_TOKEN_GATEWAYS = 64;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_ID_PREFIX = "vat-";
    /** The public part of a token: the prefix and 16 hex digits. */
    private static final Pattern TOKEN_ID = Pattern.compile("vat-[0-9a-f]{16}");
    private static final int TOKEN_SECRET_BYTES = 32;
    /** The digest a token of no stored id is compared with, so that both take the same work. */
    private static final byte[] NO_DIGEST = new byte[32];

    /**
     * How long a plan wait may last, how often an agent reports when nothing changes, and how long
     * vpnd waits for a report before it counts the agent's tunnels as not established.
     */
    public record Timing(Duration maxWait, Duration reportEvery, Duration silentAfter) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(25), Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }

    /** A new token: {@code token} is shown once and kept nowhere; {@code record} is what vpnd keeps. */
    public record IssuedToken(String token, AgentToken record) {
        @Override
        public String toString() {
            return "IssuedToken[" + record.id() + "]";
        }
    }

    /** The plans of a token's gateways and the greatest of their revisions. */
    public record Plans(long revision, List<GatewayPlan> gateways) {
        public Plans {
            gateways = List.copyOf(gateways);
        }
    }

    /** One tunnel as the data plane last saw it: up only when reported up by an agent not silent since. */
    public record TunnelState(String connectionId, int tunnelIndex, boolean up, long bytesIn, long bytesOut) {
    }

    /**
     * A connection's status as the data plane has it: the record (its negotiation status and its
     * tunnels'), what the data plane says beside it, the agent serving its gateway, its tunnels' last
     * observations and its status transitions, newest first.
     */
    public record StatusView(VpnConnection connection, ConnectionDataPlane plane, Optional<AgentPresence> agent,
            List<TunnelObservation> tunnels, List<StatusTransition> transitions) {
        public StatusView {
            tunnels = List.copyOf(tunnels);
            transitions = List.copyOf(transitions);
        }
    }

    private final Storage storage;
    private final ServiceSettings settings;
    private final Timing timing;

    public DataPlaneService(Storage storage, ServiceSettings settings, Timing timing) {
        this.storage = storage;
        this.settings = settings;
        this.timing = timing;
    }

    public Timing timing() {
        return timing;
    }

    /** The gateway of this canonical id, in whichever account and region. */
    public Optional<GatewayRef> locateGateway(String id) {
        return storage.read(s -> s.dataPlane().locateGateway(id));
    }

    /** The gateway of this serial, in whichever account and region. */
    public Optional<GatewayRef> locateGatewayBySerial(long serial) {
        return storage.read(s -> s.dataPlane().locateGatewayBySerial(serial));
    }

    /**
     * A token for the gateways: {@code vat-} and 16 hex digits (its public id), a dot, and 256
     * random bits in base64url. Only its SHA-256 digest is stored: the bits make guessing hopeless,
     * so a slow hash would add nothing.
     */
    public IssuedToken createToken(Collection<GatewayRef> gateways) {
        var distinct = List.copyOf(new LinkedHashSet<>(gateways));
        if (distinct.isEmpty() || distinct.size() > MAX_TOKEN_GATEWAYS) {
            throw new IllegalArgumentException("a token holds 1 to " + MAX_TOKEN_GATEWAYS + " gateways");
        }
        byte[] idBits = new byte[8];
        RANDOM.nextBytes(idBits);
        byte[] secret = new byte[TOKEN_SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String id = TOKEN_ID_PREFIX + HexFormat.of().formatHex(idBits);
        String token = id + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var record = new AgentToken(id, HexFormat.of().formatHex(digest(token)), distinct,
                settings.clock().instant());
        storage.write(s -> {
            for (GatewayRef g : distinct) {
                if (s.gateways().find(g.scope(), g.gatewayId()).isEmpty()) {
                    throw new ProblemException(new Problem.NotFound(ResourceType.VPN_GATEWAY, g.gatewayId()));
                }
            }
            s.dataPlane().insertToken(record);
            return null;
        });
        return new IssuedToken(token, record);
    }

    /** Every token, oldest first, without anything that would let one be used. */
    public List<AgentToken> tokens() {
        return storage.read(s -> s.dataPlane().tokens());
    }

    /** Revokes the token of this public id at once; false when there is none. */
    public boolean revokeToken(String id) {
        return storage.write(s -> s.dataPlane().deleteToken(id));
    }

    /**
     * The token a caller presents, when vpnd issued it and it is not revoked. The stored digest is
     * found by the token's public id and compared in constant time, so how long a wrong token takes
     * tells nothing of the right one.
     */
    public Optional<AgentToken> authenticate(String presented) {
        if (presented == null || presented.length() > 200) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        int dot = presented.indexOf('.');
        String id = dot < 0 ? "" : presented.substring(0, dot);
        Optional<AgentToken> stored = TOKEN_ID.matcher(id).matches()
                ? storage.read(s -> s.dataPlane().findToken(id)) : Optional.empty();
        byte[] expected = stored.map(t -> HexFormat.of().parseHex(t.digest())).orElse(NO_DIGEST);
        boolean equal = MessageDigest.isEqual(digest, expected);
        return equal ? stored : Optional.empty();
    }

    /**
     * An agent's hello: from now on {@code publicAddress} is the address of each of the token's
     * gateways in every dialect. Where the address changes, the plan moves on, and a connection
     * identity that was the old address (what every dialect defaults an identity to) becomes the
     * new one. Answers the ids of the token's gateways that exist.
     */
    public List<String> hello(AgentToken token, String publicAddress, String agent, String daemon) {
        if (!Cidrs.isIpv4(publicAddress)) {
            throw new IllegalArgumentException("a gateway's public address is an IPv4 address");
        }
        Instant now = settings.clock().instant();
        return storage.write(s -> {
            var present = new ArrayList<String>();
            for (GatewayRef ref : token.gateways()) {
                var gateway = s.gateways().find(ref.scope(), ref.gatewayId());
                if (gateway.isEmpty()) {
                    continue;
                }
                present.add(ref.gatewayId());
                if (!gateway.get().internetIp().equals(publicAddress)) {
                    moveAddress(s, gateway.get(), publicAddress);
                }
                var before = s.dataPlane().presence(ref.gatewayId());
                s.dataPlane().putPresence(new AgentPresence(ref.gatewayId(), agent, daemon, now,
                        before.map(AgentPresence::reportedAt).orElse(null),
                        before.map(AgentPresence::appliedRevision).orElse(0L), false));
            }
            return present;
        });
    }

    private static void moveAddress(Stores s, VpnGateway g, String address) {
        String old = g.internetIp();
        var moved = new VpnGateway(g.id(), g.serial(), g.scope(), g.vpcId(), g.vswitchId(), g.name(),
                g.description(), g.bandwidthMbps(), g.networkType(), g.vpnType(), g.enableIpsec(), g.enableSsl(),
                g.sslConnections(), g.chargeType(), address, g.zone(), g.asn(), g.lifecycle(), g.createdAt(), g.tags(),
                g.revision() + 1);
        if (!s.gateways().update(moved, g.revision())) {
            throw new ProblemException(new Problem.ConcurrentChange(ResourceType.VPN_GATEWAY, g.id()));
        }
        long revision = PlanRevisions.changed(s, g.id());
        if (old.isEmpty()) {
            return;
        }
        for (VpnConnection c : connectionsOn(s, g)) {
            var renamed = c.withIke(ike -> ike.localId().equals(old) ? ike.withIdentities(address, ike.remoteId())
                    : ike);
            if (!renamed.equals(c)) {
                if (!s.connections().update(renamed.withRevision(c.revision() + 1), c.revision())) {
                    throw new ProblemException(new Problem.ConcurrentChange(ResourceType.VPN_CONNECTION, c.id()));
                }
                s.dataPlane().setConnectionRevision(c.id(), revision);
            }
        }
    }

    /**
     * The plans of the token's gateways that exist, and the revision the agent waits after next:
     * the latest drawn as of these plans, which is no less than any of theirs, and greater than
     * any of theirs once one of them changes.
     */
    public Plans plans(AgentToken token) {
        return storage.read(s -> {
            var ids = token.gateways().stream().map(GatewayRef::gatewayId).toList();
            Map<String, Long> revisions = s.dataPlane().planRevisions(ids);
            var plans = new ArrayList<GatewayPlan>();
            for (GatewayRef ref : token.gateways()) {
                var gateway = s.gateways().find(ref.scope(), ref.gatewayId());
                gateway.ifPresent(g -> plans.add(PlanBuilder.plan(s, g, revisions.getOrDefault(g.id(), 0L))));
            }
            return new Plans(s.dataPlane().latestPlanRevision(), plans);
        });
    }

    /** The greatest plan revision of the token's gateways: cheap, for deciding whether to wake a wait. */
    public long planRevision(AgentToken token) {
        return storage.read(s -> s.dataPlane().planRevisions(token.gateways().stream()
                .map(GatewayRef::gatewayId).toList()).values().stream().mapToLong(Long::longValue).max().orElse(0));
    }

    /** The plan revisions of these gateways that have one (a gateway without one is at 0). */
    public Map<String, Long> planRevisions(Collection<String> gatewayIds) {
        return storage.read(s -> s.dataPlane().planRevisions(gatewayIds));
    }

    /**
     * The latest plan revision drawn for any gateway (1 before the first): one row, for noticing
     * cheaply that something changed.
     */
    public long latestPlanRevision() {
        return storage.read(s -> s.dataPlane().latestPlanRevision());
    }

    /**
     * Applies an agent's report: each tunnel's observation is kept, and the negotiation status of
     * its connection and tunnels follows it, each change recorded with its time. A gateway the
     * token does not hold, or that is gone, and a tunnel in no plan of the gateway are ignored; a
     * tunnel of the plan the report leaves out counts as absent.
     */
    public void report(AgentToken token, List<GatewayReport> reports) {
        Instant now = settings.clock().instant();
        storage.write(s -> {
            var done = new HashSet<String>();
            for (GatewayReport report : reports) {
                var ref = token.gateway(report.gatewayId());
                if (ref.isEmpty() || !done.add(report.gatewayId())) {
                    continue;
                }
                var gateway = s.gateways().find(ref.get().scope(), report.gatewayId());
                if (gateway.isPresent()) {
                    applyReport(s, gateway.get(), report, now);
                }
            }
            return null;
        });
    }

    private void applyReport(Stores s, VpnGateway gateway, GatewayReport report, Instant now) {
        var byName = new HashMap<String, TunnelReport>();
        for (TunnelReport t : report.tunnels()) {
            byName.putIfAbsent(t.name(), t);
        }
        for (VpnConnection c : connectionsOn(s, gateway)) {
            var tunnelStatuses = new LinkedHashMap<Integer, NegotiationStatus>();
            for (int index : indexes(c)) {
                var t = byName.get(TunnelPlan.nameOf(c.id(), index));
                var observation = t == null
                        ? new TunnelObservation(c.id(), index, gateway.id(), SaState.ABSENT, SaState.ABSENT, 0, 0, 0,
                                0, null, null, report.appliedRevision(), now)
                        : new TunnelObservation(c.id(), index, gateway.id(), t.ike(), t.child(), t.bytesIn(),
                                t.bytesOut(), t.packetsIn(), t.packetsOut(), t.configError(), t.health(),
                                report.appliedRevision(), now);
                s.dataPlane().putObservation(observation);
                tunnelStatuses.put(index, statusOf(observation));
            }
            setStatus(s, c, tunnelStatuses, now);
        }
        var before = s.dataPlane().presence(gateway.id());
        s.dataPlane().putPresence(new AgentPresence(gateway.id(), before.map(AgentPresence::agent).orElse(""),
                before.map(AgentPresence::daemon).orElse(""), before.map(AgentPresence::helloAt).orElse(now), now,
                report.appliedRevision(), false));
    }

    /**
     * Counts the tunnels of every agent not heard from for {@link Timing#silentAfter} as not
     * established. Run it every second or so on each node: of several nodes one marks a silent
     * agent, and the others find it marked. Answers how many gateways it marked.
     */
    public int expireSilentAgents() {
        Instant now = settings.clock().instant();
        Instant heardBefore = now.minus(timing.silentAfter());
        int marked = 0;
        for (String gatewayId : storage.read(s -> s.dataPlane().quietGateways(heardBefore))) {
            boolean did = storage.write(s -> {
                if (!s.dataPlane().markSilent(gatewayId, heardBefore)) {
                    return false;
                }
                var ref = s.dataPlane().locateGateway(gatewayId);
                var gateway = ref.flatMap(r -> s.gateways().find(r.scope(), gatewayId));
                if (gateway.isPresent()) {
                    for (VpnConnection c : connectionsOn(s, gateway.get())) {
                        var tunnelStatuses = new LinkedHashMap<Integer, NegotiationStatus>();
                        indexes(c).forEach(i -> tunnelStatuses.put(i, NegotiationStatus.IKE_SA_NOT_ESTABLISHED));
                        setStatus(s, c, tunnelStatuses, now);
                    }
                }
                return true;
            });
            marked += did ? 1 : 0;
        }
        return marked;
    }

    /** Every tunnel an agent has reported on, as it stands now. */
    public List<TunnelState> tunnelStates() {
        return storage.read(s -> s.dataPlane().allObservations().stream()
                .map(o -> new TunnelState(o.observation().connectionId(), o.observation().tunnelIndex(),
                        o.observation().up() && !o.silent(), o.observation().bytesIn(), o.observation().bytesOut()))
                .toList());
    }

    /** The connection's status transitions, newest first (index 0: the connection itself). */
    public List<StatusTransition> transitions(Scope scope, String connectionId) {
        return storage.read(s -> {
            if (s.connections().find(scope, connectionId).isEmpty()) {
                throw new ProblemException(new Problem.NotFound(ResourceType.VPN_CONNECTION, connectionId));
            }
            return s.dataPlane().transitionsOf(connectionId);
        });
    }

    /** The connection of this canonical id, in whichever account and region. */
    public Optional<ConnectionRef> locateConnection(String id) {
        return storage.read(s -> s.dataPlane().locateConnection(id));
    }

    /** The connection of this serial, in whichever account and region. */
    public Optional<ConnectionRef> locateConnectionBySerial(long serial) {
        return storage.read(s -> s.dataPlane().locateConnectionBySerial(serial));
    }

    /** The connection's status as the data plane has it, read in one transaction: for the operator. */
    public StatusView status(ConnectionRef ref) {
        return storage.read(s -> {
            var c = s.connections().find(ref.scope(), ref.connectionId()).orElseThrow(
                    () -> new ProblemException(new Problem.NotFound(ResourceType.VPN_CONNECTION, ref.connectionId())));
            return new StatusView(c, DataPlaneViews.of(s, List.of(c)).get(c.id()),
                    s.dataPlane().presence(c.gatewayId()), s.dataPlane().observationsOf(c.id()),
                    s.dataPlane().transitionsOf(c.id()));
        });
    }

    /**
     * The verdict of the health check of each of these connections whose check is enabled, by id
     * (docs/agent-protocol.md, "What the dialects show"); the others are left out, and when none has
     * an enabled check nothing is read. {@link Health#UNKNOWN} while no agent serves the gateway (none
     * said hello, or it has been silent for {@link Timing#silentAfter}), while the agent has not applied
     * the connection's latest change, and until it reports a verdict; else {@link Health#UP} when a
     * tunnel's probes are answered, {@link Health#DOWN} when they are not.
     */
    public Map<String, Health> health(Collection<VpnConnection> connections) {
        var checked = connections.stream().filter(c -> c.healthCheck() != null && c.healthCheck().enabled())
                .toList();
        return checked.isEmpty() ? Map.of() : storage.read(s -> DataPlaneViews.health(s, checked));
    }

    /**
     * What the data plane says of each of these connections beside their negotiation status, by id,
     * read in one transaction: whether an agent serves each, has yet to apply its latest change, or
     * had the IPsec daemon refuse it ({@link ConnectionDataPlane}).
     */
    public Map<String, ConnectionDataPlane> planes(Collection<VpnConnection> connections) {
        return connections.isEmpty() ? Map.of() : storage.read(s -> DataPlaneViews.of(s, connections));
    }

    /** The presence of the agent serving the gateway, if one ever said hello or reported. */
    public Optional<AgentPresence> presence(String gatewayId) {
        return storage.read(s -> s.dataPlane().presence(gatewayId));
    }

    /** What a tunnel's observation makes of its status (see the class comment). */
    static NegotiationStatus statusOf(TunnelObservation o) {
        if (o.configError() != null || o.ike() != SaState.ESTABLISHED) {
            return NegotiationStatus.IKE_SA_NOT_ESTABLISHED;
        }
        return switch (o.child()) {
            case ESTABLISHED -> NegotiationStatus.IPSEC_SA_ESTABLISHED;
            case CONNECTING -> NegotiationStatus.IKE_SA_ESTABLISHED;
            case ABSENT -> NegotiationStatus.IPSEC_SA_NOT_ESTABLISHED;
        };
    }

    /**
     * Stores the statuses when they differ from the record's, recording each change: index 0 is the
     * connection (a single-tunnel connection's one tunnel), a dual-tunnel connection's the furthest
     * of its tunnels'.
     */
    private static void setStatus(Stores s, VpnConnection c, Map<Integer, NegotiationStatus> tunnelStatuses,
            Instant now) {
        NegotiationStatus status = c.dualTunnel()
                ? tunnelStatuses.values().stream().max(Enum::compareTo).orElse(NegotiationStatus.IKE_SA_NOT_ESTABLISHED)
                : tunnelStatuses.getOrDefault(0, NegotiationStatus.IKE_SA_NOT_ESTABLISHED);
        var changes = new ArrayList<StatusTransition>();
        if (status != c.status()) {
            changes.add(new StatusTransition(c.id(), 0, status, now));
        }
        for (var t : c.tunnels()) {
            var next = tunnelStatuses.get(t.index());
            if (next != null && next != t.status()) {
                changes.add(new StatusTransition(c.id(), t.index(), next, now));
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        s.dataPlane().setStatus(c.scope(), c.id(), status, c.dualTunnel() ? tunnelStatuses : Map.of());
        changes.forEach(s.dataPlane()::recordTransition);
    }

    /** The tunnel indexes of a connection's plan: 0 alone, or each tunnel's. */
    static List<Integer> indexes(VpnConnection c) {
        return c.dualTunnel() ? c.tunnels().stream().map(t -> t.index()).toList() : List.of(0);
    }

    /** Every connection on the gateway, oldest first. */
    static List<VpnConnection> connectionsOn(Stores s, VpnGateway g) {
        var onGateway = new ConnectionStore.Filter(Set.of(), Set.of(), Set.of(g.id()), Set.of(), Set.of(), Set.of(),
                "", List.of());
        return s.connections().list(g.scope(), onGateway,
                new PageRequest(0, Integer.MAX_VALUE, PageRequest.Order.OLDEST_FIRST)).items();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
