package dev.vpnd.store;

import dev.vpnd.core.dataplane.AgentPresence;
import dev.vpnd.core.dataplane.AgentToken;
import dev.vpnd.core.dataplane.ConnectionRef;
import dev.vpnd.core.dataplane.GatewayRef;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.StatusTransition;
import dev.vpnd.core.dataplane.TunnelObservation;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.port.DataPlaneStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The data plane's tables (V20, V21): tokens, plan revisions, agent presences, observations, transitions. */
final class JdbcDataPlaneStore implements DataPlaneStore {
    static final String PLAN_COUNTER = "plan_revisions";
    /** The tables that hold rows of a connection, deleted with it ({@link JdbcConnectionStore#delete}). */
    static final List<String> CONNECTION_TABLES = List.of("tunnel_observations", "status_transitions",
            "connection_plan_revisions");
    /** Read in this order by {@link #observation}. */
    private static final String OBSERVATION_COLUMNS = "connection_id, tunnel_index, gateway_id, ike_state, "
            + "child_state, bytes_in, bytes_out, packets_in, packets_out, config_error, health, applied_revision, "
            + "reported_at";
    private static final String PUT_OBSERVATION = "INSERT INTO tunnel_observations (" + OBSERVATION_COLUMNS
            + ") VALUES " + Jdbc.placeholders(13) + " ON CONFLICT (connection_id, tunnel_index) DO UPDATE SET "
            + "gateway_id = excluded.gateway_id, ike_state = excluded.ike_state, child_state = excluded.child_state, "
            + "bytes_in = excluded.bytes_in, bytes_out = excluded.bytes_out, packets_in = excluded.packets_in, "
            + "packets_out = excluded.packets_out, config_error = excluded.config_error, health = excluded.health, "
            + "applied_revision = excluded.applied_revision, reported_at = excluded.reported_at";
    /** Read in this order by {@link #presence(Row)}. */
    private static final String PRESENCE_COLUMNS = "gateway_id, agent, daemon, hello_at, reported_at, "
            + "applied_revision, silent";
    private static final String PUT_PRESENCE = "INSERT INTO agent_presences (" + PRESENCE_COLUMNS + ", heard_at) "
            + "VALUES " + Jdbc.placeholders(8) + " ON CONFLICT (gateway_id) DO UPDATE SET agent = excluded.agent, "
            + "daemon = excluded.daemon, hello_at = excluded.hello_at, reported_at = excluded.reported_at, "
            + "applied_revision = excluded.applied_revision, silent = excluded.silent, heard_at = excluded.heard_at";

    private final Jdbc db;

    JdbcDataPlaneStore(Jdbc db) {
        this.db = db;
    }

    @Override
    public void insertToken(AgentToken token) {
        db.update("INSERT INTO agent_tokens (id, digest, created_at) VALUES (?, ?, ?)",
                List.of(token.id(), token.digest(), token.createdAt()));
        var rows = new ArrayList<List<Object>>();
        for (int i = 0; i < token.gateways().size(); i++) {
            GatewayRef g = token.gateways().get(i);
            rows.add(List.of(token.id(), i, g.gatewayId(), g.scope().accountId(), g.scope().region()));
        }
        db.batch("INSERT INTO agent_token_gateways (token_id, position, gateway_id, account_id, region) "
                + "VALUES (?, ?, ?, ?, ?)", rows);
    }

    @Override
    public Optional<AgentToken> findToken(String id) {
        return tokens("WHERE t.id = ?", List.of(id)).stream().findFirst();
    }

    @Override
    public List<AgentToken> tokens() {
        return tokens("", List.of());
    }

    private record TokenRow(String id, String digest, Instant createdAt, GatewayRef gateway) {
    }

    /** Tokens with their gateways, oldest first (then by id), from one join. */
    private List<AgentToken> tokens(String where, List<?> params) {
        var rows = db.query("SELECT t.id, t.digest, t.created_at, g.gateway_id, g.account_id, g.region "
                + "FROM agent_tokens t LEFT JOIN agent_token_gateways g ON g.token_id = t.id " + where
                + " ORDER BY t.created_at, t.id, g.position", params, row -> {
                    String id = row.text();
                    String digest = row.text();
                    Instant createdAt = row.instant();
                    String gatewayId = row.text();
                    Scope scope = gatewayId == null ? null : row.scope();
                    return new TokenRow(id, digest, createdAt, scope == null ? null : new GatewayRef(scope, gatewayId));
                });
        var byId = new LinkedHashMap<String, List<TokenRow>>();
        rows.forEach(r -> byId.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        return byId.values().stream().map(group -> new AgentToken(group.getFirst().id(), group.getFirst().digest(),
                group.stream().map(TokenRow::gateway).filter(g -> g != null).toList(), group.getFirst().createdAt()))
                .toList();
    }

    @Override
    public boolean deleteToken(String id) {
        db.update("DELETE FROM agent_token_gateways WHERE token_id = ?", List.of(id));
        return db.update("DELETE FROM agent_tokens WHERE id = ?", List.of(id)) == 1;
    }

    @Override
    public Optional<GatewayRef> locateGateway(String id) {
        return db.queryOne("SELECT account_id, region, id FROM vpn_gateways WHERE id = ?", List.of(id),
                row -> new GatewayRef(row.scope(), row.text()));
    }

    @Override
    public Optional<GatewayRef> locateGatewayBySerial(long serial) {
        return db.queryOne("SELECT account_id, region, id FROM vpn_gateways WHERE serial = ?", List.of(serial),
                row -> new GatewayRef(row.scope(), row.text()));
    }

    @Override
    public Optional<ConnectionRef> locateConnection(String id) {
        return db.queryOne("SELECT account_id, region, id FROM vpn_connections WHERE id = ?", List.of(id),
                row -> new ConnectionRef(row.scope(), row.text()));
    }

    @Override
    public Optional<ConnectionRef> locateConnectionBySerial(long serial) {
        return db.queryOne("SELECT account_id, region, id FROM vpn_connections WHERE serial = ?", List.of(serial),
                row -> new ConnectionRef(row.scope(), row.text()));
    }

    @Override
    public long nextPlanRevision() {
        db.update("UPDATE seq_counters SET last_value = last_value + 1 WHERE name = ?", List.of(PLAN_COUNTER));
        return latestPlanRevision();
    }

    @Override
    public long latestPlanRevision() {
        return db.queryOne("SELECT last_value FROM seq_counters WHERE name = ?", List.of(PLAN_COUNTER), Row::int64)
                .orElseThrow(() -> new IllegalStateException("no plan revision counter (migration V20)"));
    }

    @Override
    public void setPlanRevision(String gatewayId, long revision) {
        db.update("INSERT INTO plan_revisions (gateway_id, revision) VALUES (?, ?) ON CONFLICT (gateway_id) "
                + "DO UPDATE SET revision = excluded.revision WHERE excluded.revision > plan_revisions.revision",
                List.of(gatewayId, revision));
    }

    @Override
    public void setConnectionRevision(String connectionId, long revision) {
        db.update("INSERT INTO connection_plan_revisions (connection_id, revision) VALUES (?, ?) "
                + "ON CONFLICT (connection_id) DO UPDATE SET revision = excluded.revision",
                List.of(connectionId, revision));
    }

    @Override
    public Map<String, Long> planRevisions(Collection<String> gatewayIds) {
        return revisions("SELECT gateway_id, revision FROM plan_revisions WHERE gateway_id IN ", gatewayIds);
    }

    @Override
    public Map<String, Long> connectionRevisions(Collection<String> connectionIds) {
        return revisions("SELECT connection_id, revision FROM connection_plan_revisions WHERE connection_id IN ",
                connectionIds);
    }

    private Map<String, Long> revisions(String select, Collection<String> ids) {
        var out = new HashMap<String, Long>();
        if (ids.isEmpty()) {
            return out;
        }
        db.queryIn(select, List.of(), ids, "", row -> Map.entry(row.text(), row.int64()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public Optional<AgentPresence> presence(String gatewayId) {
        return db.queryOne("SELECT " + PRESENCE_COLUMNS + " FROM agent_presences WHERE gateway_id = ?",
                List.of(gatewayId), JdbcDataPlaneStore::presence);
    }

    @Override
    public Map<String, AgentPresence> presences(Collection<String> gatewayIds) {
        var out = new HashMap<String, AgentPresence>();
        if (!gatewayIds.isEmpty()) {
            db.queryIn("SELECT " + PRESENCE_COLUMNS + " FROM agent_presences WHERE gateway_id IN ", List.of(),
                    gatewayIds, "", JdbcDataPlaneStore::presence).forEach(p -> out.put(p.gatewayId(), p));
        }
        return out;
    }

    @Override
    public void putPresence(AgentPresence p) {
        db.update(PUT_PRESENCE, Arrays.asList(p.gatewayId(), p.agent(), p.daemon(), p.helloAt(), p.reportedAt(),
                p.appliedRevision(), p.silent(), p.lastHeard()));
    }

    @Override
    public List<String> quietGateways(Instant heardBefore) {
        return db.query("SELECT gateway_id FROM agent_presences WHERE silent = 0 AND heard_at < ? ORDER BY gateway_id",
                List.of(heardBefore), Row::text);
    }

    @Override
    public boolean markSilent(String gatewayId, Instant heardBefore) {
        return db.update("UPDATE agent_presences SET silent = 1 WHERE gateway_id = ? AND silent = 0 AND heard_at < ?",
                List.of(gatewayId, heardBefore)) == 1;
    }

    @Override
    public void putObservation(TunnelObservation o) {
        db.update(PUT_OBSERVATION, Arrays.asList(o.connectionId(), o.tunnelIndex(), o.gatewayId(), o.ike(),
                o.child(), o.bytesIn(), o.bytesOut(), o.packetsIn(), o.packetsOut(), o.configError(), o.health(),
                o.appliedRevision(), o.reportedAt()));
    }

    @Override
    public List<TunnelObservation> observationsOnGateway(String gatewayId) {
        return db.query("SELECT " + OBSERVATION_COLUMNS + " FROM tunnel_observations WHERE gateway_id = ? "
                + "ORDER BY connection_id, tunnel_index", List.of(gatewayId), JdbcDataPlaneStore::observation);
    }

    @Override
    public List<TunnelObservation> observationsOf(String connectionId) {
        return db.query("SELECT " + OBSERVATION_COLUMNS + " FROM tunnel_observations WHERE connection_id = ? "
                + "ORDER BY tunnel_index", List.of(connectionId), JdbcDataPlaneStore::observation);
    }

    @Override
    public List<TunnelObservation> observationsOf(Collection<String> connectionIds) {
        if (connectionIds.isEmpty()) {
            return List.of();
        }
        return db.queryIn("SELECT " + OBSERVATION_COLUMNS + " FROM tunnel_observations WHERE connection_id IN ",
                List.of(), connectionIds, " ORDER BY connection_id, tunnel_index", JdbcDataPlaneStore::observation);
    }

    @Override
    public List<Observed> allObservations() {
        return db.query("SELECT " + prefixed("o.", OBSERVATION_COLUMNS) + ", p.silent FROM tunnel_observations o "
                + "LEFT JOIN agent_presences p ON p.gateway_id = o.gateway_id ORDER BY o.connection_id, "
                + "o.tunnel_index", List.of(), row -> {
                    var observation = observation(row);
                    Boolean silent = row.nullableBool();
                    return new Observed(observation, silent != null && silent);
                });
    }

    /**
     * The status columns of the connection and its tunnels, and its revision moved on, so that
     * every node's record cache and rendered lists see the change.
     */
    @Override
    public boolean setStatus(Scope scope, String connectionId, NegotiationStatus status,
            Map<Integer, NegotiationStatus> tunnels) {
        int updated = db.update("UPDATE vpn_connections SET status = ?, revision = revision + 1 "
                + "WHERE id = ? AND account_id = ? AND region = ?",
                List.of(status, connectionId, scope.accountId(), scope.region()));
        if (updated == 0) {
            return false;
        }
        for (var tunnel : tunnels.entrySet()) {
            db.update("UPDATE vpn_tunnels SET status = ? WHERE connection_id = ? AND tunnel_index = ?",
                    List.of(tunnel.getValue(), connectionId, tunnel.getKey()));
        }
        return true;
    }

    @Override
    public void recordTransition(StatusTransition t) {
        long seq = db.queryOne("SELECT COALESCE(MAX(seq), 0) FROM status_transitions WHERE connection_id = ? "
                + "AND tunnel_index = ?", List.of(t.connectionId(), t.tunnelIndex()), Row::int64).orElse(0L) + 1;
        db.update("INSERT INTO status_transitions (connection_id, tunnel_index, seq, status, at) "
                + "VALUES (?, ?, ?, ?, ?)", List.of(t.connectionId(), t.tunnelIndex(), seq, t.status(), t.at()));
        db.update("DELETE FROM status_transitions WHERE connection_id = ? AND tunnel_index = ? AND seq <= ?",
                List.of(t.connectionId(), t.tunnelIndex(), seq - KEPT_TRANSITIONS));
    }

    @Override
    public List<StatusTransition> transitionsOf(String connectionId) {
        return db.query("SELECT connection_id, tunnel_index, status, at FROM status_transitions "
                + "WHERE connection_id = ? ORDER BY at DESC, seq DESC, tunnel_index", List.of(connectionId),
                row -> new StatusTransition(row.text(), row.int32(), row.enumOf(NegotiationStatus.class),
                        row.instant()));
    }

    @Override
    public Map<String, SiteSettings> siteSettings(Collection<String> connectionIds) {
        var out = new HashMap<String, SiteSettings>();
        if (connectionIds.isEmpty()) {
            return out;
        }
        db.queryIn("SELECT connection_id, dpd_interval, admin_state_up FROM openstack_site_connections "
                + "WHERE connection_id IN ", List.of(), connectionIds, "",
                row -> Map.entry(row.text(), new SiteSettings(row.int64(), row.bool())))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public boolean gatewayAdminStateUp(String gatewayId) {
        return db.queryOne("SELECT admin_state_up FROM openstack_vpn_services WHERE gateway_id = ?",
                List.of(gatewayId), Row::bool).orElse(true);
    }

    private static AgentPresence presence(Row row) throws SQLException {
        String gatewayId = row.text();
        String agent = row.text();
        String daemon = row.text();
        Instant helloAt = row.instant();
        Instant reportedAt = row.instant();
        long appliedRevision = row.int64();
        return new AgentPresence(gatewayId, agent, daemon, helloAt, reportedAt, appliedRevision, row.bool());
    }

    /** The columns of {@link #OBSERVATION_COLUMNS}, in order. */
    private static TunnelObservation observation(Row row) throws SQLException {
        String connectionId = row.text();
        int index = row.int32();
        String gatewayId = row.text();
        var ike = row.enumOf(SaState.class);
        var child = row.enumOf(SaState.class);
        long bytesIn = row.int64();
        long bytesOut = row.int64();
        long packetsIn = row.int64();
        long packetsOut = row.int64();
        String configError = row.text();
        Health health = row.enumOf(Health.class);
        long appliedRevision = row.int64();
        return new TunnelObservation(connectionId, index, gatewayId, ike, child, bytesIn, bytesOut, packetsIn,
                packetsOut, configError, health, appliedRevision, row.instant());
    }

    private static String prefixed(String prefix, String columns) {
        return String.join(", ", Arrays.stream(columns.split(", ")).map(c -> prefix + c).toList());
    }
}
