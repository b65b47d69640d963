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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** IPsec connections; settings as flat columns, dual-tunnel tunnels in vpn_tunnels. */
final class JdbcConnectionStore implements ConnectionStore {
    private static final List<String> LEADING = List.of("pending_state", "ready_at", "gateway_id",
            "customer_gateway_id", "name", "local_subnets", "remote_subnets", "effect_immediately", "enable_dpd",
            "enable_nat_traversal", "auto_config_route");
    private static final List<String> TRAILING = List.of("hc_enabled", "hc_destination_ip", "hc_source_ip",
            "hc_interval_seconds", "hc_retries", "hc_policy", "remote_ca_certificate", "enable_tunnels_bgp",
            "status");

    static final ResourceTable.Mapping<VpnConnection> MAPPING = new ResourceTable.Mapping<>("vpn_connections",
            ResourceType.VPN_CONNECTION,
            Stream.of(LEADING, NegotiationColumns.COLUMNS, TRAILING).flatMap(List::stream).toList(),
            JdbcConnectionStore::values, JdbcConnectionStore::map,
            c -> new ResourceTable.Base(c.id(), c.scope(), c.revision(), c.createdAt()),
            VpnConnection::withTags);

    private final Connection connection;
    private final SqlDialect dialect;
    private final TunnelRows tunnels;
    private final ResourceTable<VpnConnection> table;

    JdbcConnectionStore(Connection connection, SqlDialect dialect, JdbcTagStore tags) {
        this.connection = connection;
        this.dialect = dialect;
        this.tunnels = new TunnelRows(connection, dialect);
        this.table = new ResourceTable<>(connection, dialect, MAPPING, tags, this::withTunnels);
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
                .tags(ResourceType.VPN_CONNECTION, "r.id", filter.tags()), page);
    }

    @Override
    public long countOnGateway(Scope scope, String gatewayId) {
        return table.count(Where.scope("r", scope).condition("r.gateway_id = ?", gatewayId));
    }

    /** A UNION of two index lookups (the connection's own customer gateway, its tunnels'), so no scan. */
    @Override
    public long countOnCustomerGateway(Scope scope, String customerGatewayId) {
        return Jdbc.count(connection, dialect, "SELECT COUNT(*) FROM ("
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
        Jdbc.update(connection, dialect, "DELETE FROM vpn_tunnels WHERE connection_id IN (SELECT id FROM "
                + "vpn_connections WHERE id = ? AND account_id = ? AND region = ?)",
                List.of(id, scope.accountId(), scope.region()));
        return table.delete(scope, id);
    }

    private List<VpnConnection> withTunnels(List<VpnConnection> rows) {
        var byConnection = tunnels.of(rows.stream().map(VpnConnection::id).toList());
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

    /** A connection without tags and tunnels; {@link ResourceTable} adds both for the whole batch. */
    private static VpnConnection map(ResultSet rs) throws SQLException {
        HealthCheck hc = Rows.isNull(rs, "hc_enabled") ? null
                : new HealthCheck(Rows.bool(rs, "hc_enabled"), rs.getString("hc_destination_ip"),
                        rs.getString("hc_source_ip"), rs.getInt("hc_interval_seconds"), rs.getInt("hc_retries"),
                        rs.getString("hc_policy"));
        return new VpnConnection(rs.getString("id"), Rows.scope(rs), rs.getString("gateway_id"),
                rs.getString("customer_gateway_id"), rs.getString("name"), Rows.splitList(rs, "local_subnets"),
                Rows.splitList(rs, "remote_subnets"), Rows.bool(rs, "effect_immediately"),
                Rows.bool(rs, "enable_dpd"), Rows.bool(rs, "enable_nat_traversal"),
                Rows.bool(rs, "auto_config_route"), NegotiationColumns.ike(rs), NegotiationColumns.ipsec(rs),
                NegotiationColumns.bgp(rs), hc, rs.getString("remote_ca_certificate"),
                Rows.bool(rs, "enable_tunnels_bgp"), List.of(), Rows.enumOf(NegotiationStatus.class, rs, "status"),
                Rows.lifecycle(rs), Rows.instant(rs, "created_at"), List.of(), rs.getLong("revision"));
    }
}
