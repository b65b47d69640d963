package dev.vpnd.store;

import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.RouteType;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.Scope;
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
    private static final List<String> LEADING = List.of("pending_state", "ready_at", "vpc_id", "gateway_id",
            "customer_gateway_id", "name", "security_policies", "initiation", "enable_dpd", "dpd_timeout_seconds",
            "dpd_action", "enable_nat_traversal", "auto_config_route", "route_type");
    private static final List<String> TRAILING = List.of("hc_enabled", "hc_destination_ip", "hc_source_ip",
            "hc_interval_millis", "hc_timeout_millis", "hc_retries", "hc_policy", "remote_ca_certificate",
            "enable_tunnels_bgp", "status");

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
            c -> new ResourceTable.Base(c.id(), c.serial(), c.scope(), c.revision(), c.createdAt()),
            VpnConnection::withTags, HAS_TUNNELS);

    private final Jdbc db;
    private final JdbcTagStore tags;
    private final TunnelRows tunnels;
    private final ResourceTable<VpnConnection> table;
    private final ConnectionCounts counts;

    JdbcConnectionStore(Jdbc db, JdbcTagStore tags, RecordCache<VpnConnection> cache) {
        this.db = db;
        this.tags = tags;
        this.tunnels = new TunnelRows(db);
        this.counts = new ConnectionCounts(db);
        this.table = new ResourceTable<>(db, MAPPING, tags, cache, this::withTunnels);
    }

    @Override
    public void insert(VpnConnection c, String clientToken) {
        table.insert(c, clientToken);
        tunnels.insert(c.id(), c.tunnels());
        if (!c.tags().isEmpty()) {
            // Its tags come next; their generation row before the totals' rows (JdbcTagStore#moveGeneration).
            tags.moveGeneration(c.scope(), ResourceType.VPN_CONNECTION);
        }
        counts.add(c.scope(), c.gatewayId(), 1);
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
    public long nextSerial() {
        return table.nextSerial();
    }

    @Override
    public Optional<VpnConnection> findBySerial(Scope scope, long serial) {
        return table.findBySerial(scope, serial);
    }

    @Override
    public Page<VpnConnection> list(Scope scope, Filter filter, PageRequest page) {
        var where = Where.scope("r", scope)
                .in("r.id", filter.ids())
                .in("r.serial", filter.serials())
                .in("r.gateway_id", filter.gatewayIds())
                .in("r.customer_gateway_id", filter.customerGatewayIds())
                .in("r.vpc_id", filter.vpcIds())
                .in("r.name", filter.names())
                .contains("r.name", filter.nameContains())
                .tags(ResourceType.VPN_CONNECTION, "r.id",
                        tags.mostSelectiveFirst(ResourceType.VPN_CONNECTION, filter.tags()));
        if (filter.atMostOneGateway() && !filter.gatewayIds().contains("")) {
            // The whole scope or one gateway: the total is kept (ConnectionCounts), not counted.
            return table.list(where, page, filter.gatewayIds().isEmpty() ? ConnectionCounts.ofScope(scope)
                    : ConnectionCounts.ofGateway(scope, filter.gatewayIds().iterator().next()));
        }
        return table.list(where, page);
    }

    /** Counted, not kept: deciding whether a gateway may go must not rest on bookkeeping. */
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

    /** A connection keeps its gateway (ConnectionService refuses a change), so its totals stay. */
    @Override
    public boolean update(VpnConnection c, long expectedRevision) {
        if (!table.update(c, expectedRevision)) {
            return false;
        }
        tunnels.replace(c.id(), c.tunnels());
        return true;
    }

    /**
     * The tunnels and the Neutron attributes go with the row (ON DELETE CASCADE; deleted here too,
     * so nothing relies on the pragma), and so does what the data plane kept of it.
     */
    @Override
    public boolean delete(Scope scope, String id) {
        Optional<String> gateway = gatewayOf(scope, id);
        for (String child : Stream.concat(Stream.of("vpn_tunnels", "openstack_site_connections"),
                JdbcDataPlaneStore.CONNECTION_TABLES.stream()).toList()) {
            db.update("DELETE FROM " + child + " WHERE connection_id IN (SELECT id FROM "
                    + "vpn_connections WHERE id = ? AND account_id = ? AND region = ?)",
                    List.of(id, scope.accountId(), scope.region()));
        }
        if (!table.delete(scope, id)) {
            return false;
        }
        gateway.ifPresent(g -> counts.add(scope, g, -1));
        return true;
    }

    private Optional<String> gatewayOf(Scope scope, String id) {
        return db.queryOne("SELECT gateway_id FROM vpn_connections WHERE id = ? AND account_id = ? AND region = ?",
                List.of(id, scope.accountId(), scope.region()), Row::text);
    }

    /** Adds their tunnels to the connections whose ids are in {@code dualTunnel}; the others have none. */
    private List<VpnConnection> withTunnels(List<VpnConnection> rows, Set<String> dualTunnel) {
        var byConnection = tunnels.of(List.copyOf(dualTunnel));
        return rows.stream().map(c -> c.withTunnels(byConnection.getOrDefault(c.id(), List.of()))).toList();
    }

    private static List<Object> values(VpnConnection c) {
        var values = new ArrayList<>(Rows.lifecycleValues(c.lifecycle()));
        values.addAll(Arrays.asList(c.vpcId(), c.gatewayId(), c.customerGatewayId(), c.name(),
                Rows.joinPolicies(c.securityPolicies()), c.initiation(), c.enableDpd(), c.dpdTimeoutSeconds(),
                c.dpdAction(), c.enableNatTraversal(), c.autoConfigRoute(), c.routeType()));
        values.addAll(NegotiationColumns.values(pskSlot(c.id()), c.ike(), c.ipsec(), c.bgp()));
        HealthCheck hc = c.healthCheck();
        values.addAll(hc == null ? NegotiationColumns.nulls(7) : Arrays.asList(hc.enabled(), hc.destinationIp(),
                hc.sourceIp(), hc.intervalMillis(), hc.timeoutMillis(), hc.retries(), hc.policy()));
        values.addAll(Arrays.asList(c.remoteCaCertificate(), c.enableTunnelsBgp(), c.status()));
        return values;
    }

    private static SecretSlot pskSlot(String connectionId) {
        return SecretSlot.of("vpn_connections", "ike_psk", connectionId);
    }

    /** A connection without tags and tunnels, from the base columns then {@link #MAPPING}'s, in order. */
    private static VpnConnection read(Row row) throws SQLException {
        var base = ResourceTable.Base.read(row);
        var lifecycle = row.lifecycle();
        String vpcId = row.text();
        String gatewayId = row.text();
        String customerGatewayId = row.text();
        String name = row.text();
        var securityPolicies = row.policies();
        var initiation = row.enumOf(Initiation.class);
        boolean enableDpd = row.bool();
        int dpdTimeoutSeconds = row.int32();
        var dpdAction = row.enumOf(DpdAction.class);
        boolean enableNatTraversal = row.bool();
        boolean autoConfigRoute = row.bool();
        var routeType = row.enumOf(RouteType.class);
        var ike = NegotiationColumns.ike(row, pskSlot(base.id()));
        var ipsec = NegotiationColumns.ipsec(row);
        var bgp = NegotiationColumns.bgp(row);
        var healthCheck = healthCheck(row);
        String remoteCaCertificate = row.text();
        boolean enableTunnelsBgp = row.bool();
        var status = row.enumOf(NegotiationStatus.class);
        return new VpnConnection(base.id(), base.serial(), base.scope(), vpcId, gatewayId, customerGatewayId, name,
                securityPolicies, initiation, enableDpd, dpdTimeoutSeconds, dpdAction, enableNatTraversal,
                autoConfigRoute, routeType, ike, ipsec, bgp, healthCheck, remoteCaCertificate, enableTunnelsBgp,
                List.of(), status, lifecycle, base.createdAt(), List.of(), base.revision());
    }

    /** The seven hc_* columns; a NULL hc_enabled means no health check. */
    private static HealthCheck healthCheck(Row row) throws SQLException {
        Boolean enabled = row.nullableBool();
        String destinationIp = row.text();
        String sourceIp = row.text();
        int intervalMillis = row.int32();
        int timeoutMillis = row.int32();
        int retries = row.int32();
        String policy = row.text();
        return enabled == null ? null
                : new HealthCheck(enabled, destinationIp, sourceIp, intervalMillis, timeoutMillis, retries, policy);
    }
}
