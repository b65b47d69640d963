package dev.vpnd.store;

import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.problem.ResourceType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** IPsec connections; settings as flat columns, dual-tunnel tunnels in vpn_tunnels. */
final class JdbcConnectionStore implements ConnectionStore {
    private static final List<String> LEADING = List.of("pending_state", "ready_at", "gateway_id",
            "customer_gateway_id", "name", "local_subnets", "remote_subnets", "effect_immediately", "enable_dpd",
            "enable_nat_traversal", "auto_config_route");
    private static final List<String> TRAILING = List.of("hc_enabled", "hc_destination_ip", "hc_source_ip",
            "hc_interval_seconds", "hc_retries", "hc_policy", "remote_ca_certificate", "enable_tunnels_bgp",
            "status");

    /**
     * Whether a listed connection has tunnels, read with the row from the tunnels' primary key, so
     * that vpn_tunnels is queried only for dual-tunnel connections.
     */
    private static final String HAS_TUNNELS =
            "CASE WHEN EXISTS (SELECT 1 FROM vpn_tunnels t WHERE t.connection_id = r.id) THEN 1 ELSE 0 END";

    static final ResourceTable.Mapping<VpnConnection> MAPPING = new ResourceTable.Mapping<>("vpn_connections",
            ResourceType.VPN_CONNECTION,
            Stream.of(LEADING, NegotiationColumns.COLUMNS, TRAILING).flatMap(List::stream).toList(),
            JdbcConnectionStore::values, JdbcConnectionStore::read,
            c -> new ResourceTable.Base(c.id(), c.scope(), c.revision(), c.createdAt()),
            VpnConnection::withTags, HAS_TUNNELS);

    private final Jdbc db;
    private final JdbcTagStore tags;
    private final TunnelRows tunnels;
    private final ResourceTable<VpnConnection> table;

    JdbcConnectionStore(Jdbc db, JdbcTagStore tags) {
        this.db = db;
        this.tags = tags;
        this.tunnels = new TunnelRows(db);
        this.table = new ResourceTable<>(db, MAPPING, tags, this::withTunnels);
    }

    @Override
    public void insert(VpnConnection c, String clientToken) {
        table.insert(c, clientToken);
        tunnels.insert(c.id(), c.tunnels());
    }

    @Override
    public Optional<VpnConnection> find(Scope scope, String id) {
        return table.find(scope, id);
    }

    @Override
    public Optional<VpnConnection> findByClientToken(Scope scope, String clientToken) {
        return table.findByClientToken(scope, clientToken);
    }

    @Override
    public Page<VpnConnection> list(Scope scope, Filter filter, PageRequest page) {
        return table.list(Where.scope("r", scope)
                .eq("r.gateway_id", filter.gatewayId())
                .eq("r.customer_gateway_id", filter.customerGatewayId())
                .eq("r.id", filter.connectionId())
                .tags(ResourceType.VPN_CONNECTION, "r.id",
                        tags.mostSelectiveFirst(ResourceType.VPN_CONNECTION, filter.tags())), page);
    }

    @Override
    public long countOnGateway(Scope scope, String gatewayId) {
        return table.count(Where.scope("r", scope).condition("r.gateway_id = ?", gatewayId));
    }

    /** A UNION of two index lookups (the connection's own customer gateway, its tunnels'), so no scan. */
    @Override
    public long countOnCustomerGateway(Scope scope, String customerGatewayId) {
        return db.count("SELECT COUNT(*) FROM ("
                + "SELECT id FROM vpn_connections WHERE account_id = ? AND region = ? AND customer_gateway_id = ? "
                + "UNION SELECT t.connection_id FROM vpn_tunnels t JOIN vpn_connections c ON c.id = t.connection_id "
                + "WHERE t.customer_gateway_id = ? AND c.account_id = ? AND c.region = ?) u",
                List.of(scope.accountId(), scope.region(), customerGatewayId, customerGatewayId, scope.accountId(),
                        scope.region()));
    }

    @Override
    public boolean update(VpnConnection c, long expectedRevision) {
        if (!table.update(c, expectedRevision)) {
            return false;
        }
        tunnels.replace(c.id(), c.tunnels());
        return true;
    }

    /** The tunnels go with the row (ON DELETE CASCADE; deleted here too, so nothing relies on the pragma). */
    @Override
    public boolean delete(Scope scope, String id) {
        db.update("DELETE FROM vpn_tunnels WHERE connection_id IN (SELECT id FROM "
                + "vpn_connections WHERE id = ? AND account_id = ? AND region = ?)",
                List.of(id, scope.accountId(), scope.region()));
        return table.delete(scope, id);
    }

    /** Adds their tunnels to the connections whose ids are in {@code dualTunnel}; the others have none. */
    private List<VpnConnection> withTunnels(List<VpnConnection> rows, Set<String> dualTunnel) {
        var byConnection = tunnels.of(List.copyOf(dualTunnel));
        return rows.stream().map(c -> withTunnels(c, byConnection.getOrDefault(c.id(), List.of()))).toList();
    }

    private static VpnConnection withTunnels(VpnConnection c, List<Tunnel> t) {
        return new VpnConnection(c.id(), c.scope(), c.gatewayId(), c.customerGatewayId(), c.name(), c.localSubnets(),
                c.remoteSubnets(), c.effectImmediately(), c.enableDpd(), c.enableNatTraversal(), c.autoConfigRoute(),
                c.ike(), c.ipsec(), c.bgp(), c.healthCheck(), c.remoteCaCertificate(), c.enableTunnelsBgp(), t,
                c.status(), c.lifecycle(), c.createdAt(), c.tags(), c.revision());
    }

    private static List<Object> values(VpnConnection c) {
        var values = new ArrayList<>(Rows.lifecycleValues(c.lifecycle()));
        values.addAll(Arrays.asList(c.gatewayId(), c.customerGatewayId(), c.name(), Rows.joinList(c.localSubnets()),
                Rows.joinList(c.remoteSubnets()), c.effectImmediately(), c.enableDpd(), c.enableNatTraversal(),
                c.autoConfigRoute()));
        values.addAll(NegotiationColumns.values(c.ike(), c.ipsec(), c.bgp()));
        HealthCheck hc = c.healthCheck();
        values.addAll(hc == null ? NegotiationColumns.nulls(6) : Arrays.asList(hc.enabled(), hc.destinationIp(),
                hc.sourceIp(), hc.intervalSeconds(), hc.retries(), hc.policy()));
        values.addAll(Arrays.asList(c.remoteCaCertificate(), c.enableTunnelsBgp(), c.status()));
        return values;
    }

    /** A connection without tags and tunnels, from the base columns then {@link #MAPPING}'s, in order. */
    private static VpnConnection read(Row row) throws SQLException {
        var base = ResourceTable.Base.read(row);
        var lifecycle = row.lifecycle();
        String gatewayId = row.text();
        String customerGatewayId = row.text();
        String name = row.text();
        var localSubnets = row.list();
        var remoteSubnets = row.list();
        boolean effectImmediately = row.bool();
        boolean enableDpd = row.bool();
        boolean enableNatTraversal = row.bool();
        boolean autoConfigRoute = row.bool();
        var ike = NegotiationColumns.ike(row);
        var ipsec = NegotiationColumns.ipsec(row);
        var bgp = NegotiationColumns.bgp(row);
        var healthCheck = healthCheck(row);
        String remoteCaCertificate = row.text();
        boolean enableTunnelsBgp = row.bool();
        var status = row.enumOf(NegotiationStatus.class);
        return new VpnConnection(base.id(), base.scope(), gatewayId, customerGatewayId, name, localSubnets,
                remoteSubnets, effectImmediately, enableDpd, enableNatTraversal, autoConfigRoute, ike, ipsec, bgp,
                healthCheck, remoteCaCertificate, enableTunnelsBgp, List.of(), status, lifecycle, base.createdAt(),
                List.of(), base.revision());
    }

    /** The six hc_* columns; a NULL hc_enabled means no health check. */
    private static HealthCheck healthCheck(Row row) throws SQLException {
        Boolean enabled = row.nullableBool();
        String destinationIp = row.text();
        String sourceIp = row.text();
        int intervalSeconds = row.int32();
        int retries = row.int32();
        String policy = row.text();
        return enabled == null ? null
                : new HealthCheck(enabled, destinationIp, sourceIp, intervalSeconds, retries, policy);
    }
}
