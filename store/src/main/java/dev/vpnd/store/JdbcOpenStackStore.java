package dev.vpnd.store;

import dev.vpnd.core.model.OpenStackResource;
import dev.vpnd.core.model.SiteConnectionAttributes;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnServiceAttributes;
import dev.vpnd.core.port.OpenStackStore;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Neutron documents in {@code openstack_resources}, keyed by kind and id. Documents of the kinds that
 * hold a secret ({@link OpenStackResource#SECRET_KINDS}) are sealed whole: the store does not read
 * into them, and nothing queries their fields in SQL. VPN services and site connections are the
 * canonical gateways and connections joined with their Neutron attributes
 * ({@code openstack_vpn_services}, V17; {@code openstack_site_connections}, V16).
 */
final class JdbcOpenStackStore implements OpenStackStore {
    /** Read in this order by {@link #resource}. */
    private static final String COLUMNS = "kind, id, account_id, attributes, seen_by_everyone";
    /**
     * What a project's member sees, in two index searches: the project's own documents
     * (openstack_resources_by_project), then the others' that everyone sees (the partial index of
     * V14). The rows of other projects' private documents are never read.
     */
    static final String LIST_VISIBLE = "SELECT " + COLUMNS + " FROM openstack_resources "
            + "WHERE account_id = ? AND kind = ? UNION ALL SELECT " + COLUMNS + " FROM openstack_resources "
            + "WHERE kind = ? AND seen_by_everyone = 1 AND account_id <> ? ORDER BY id";

    /** Read in this order by {@link #attributes}, after the connection id (null when there is no row). */
    private static final List<String> ATTRIBUTE_COLUMNS = List.of("description", "peer_address", "peer_ip", "mtu",
            "dpd_interval", "ikepolicy_id", "ipsecpolicy_id", "local_ep_group_id", "peer_ep_group_id",
            "admin_state_up");
    /**
     * A connection (its columns and the tunnel probe, as {@link JdbcConnectionStore} reads them), its
     * peer's address (the master tunnel's customer gateway for a dual-tunnel connection) and its
     * Neutron attributes.
     */
    private static final String SITE_CONNECTIONS = "SELECT " + JdbcConnectionStore.MAPPING.selectList
            + ", g.ip_address, n.connection_id, " + String.join(", ", ATTRIBUTE_COLUMNS.stream().map(c -> "n." + c)
                    .toList())
            + " FROM vpn_connections r"
            + " LEFT JOIN vpn_tunnels t ON t.connection_id = r.id AND t.role = 'MASTER'"
            + " LEFT JOIN customer_gateways g ON g.id = COALESCE(NULLIF(r.customer_gateway_id, ''), t.customer_gateway_id)"
            + " LEFT JOIN openstack_site_connections n ON n.connection_id = r.id";
    private static final String PUT_ATTRIBUTES = "INSERT INTO openstack_site_connections (connection_id, "
            + String.join(", ", ATTRIBUTE_COLUMNS) + ") VALUES " + Jdbc.placeholders(ATTRIBUTE_COLUMNS.size() + 1)
            + " ON CONFLICT (connection_id) DO UPDATE SET " + String.join(", ", ATTRIBUTE_COLUMNS.stream()
                    .map(c -> c + " = excluded." + c).toList());

    /** A gateway (its columns, as {@link JdbcGatewayStore} reads them) and its Neutron attributes. */
    private static final String VPN_SERVICES = "SELECT " + JdbcGatewayStore.MAPPING.selectList
            + ", n.gateway_id, n.subnet_id, n.flavor_id, n.external_v6_ip, n.admin_state_up FROM vpn_gateways r"
            + " LEFT JOIN openstack_vpn_services n ON n.gateway_id = r.id";
    private static final String PUT_SERVICE = "INSERT INTO openstack_vpn_services (gateway_id, subnet_id, "
            + "flavor_id, external_v6_ip, admin_state_up) VALUES (?, ?, ?, ?, ?) ON CONFLICT (gateway_id) DO UPDATE "
            + "SET subnet_id = excluded.subnet_id, flavor_id = excluded.flavor_id, "
            + "external_v6_ip = excluded.external_v6_ip, admin_state_up = excluded.admin_state_up";

    private final Jdbc db;
    private final TunnelRows tunnels;

    JdbcOpenStackStore(Jdbc db) {
        this.db = db;
        this.tunnels = new TunnelRows(db);
    }

    @Override
    public void insert(OpenStackResource resource) {
        db.update("INSERT INTO openstack_resources (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                List.of(resource.kind(), resource.id(), resource.projectId(), stored(resource),
                        resource.seenByEveryone()));
    }

    @Override
    public Optional<OpenStackResource> find(String kind, String id) {
        return db.queryOne("SELECT " + COLUMNS + " FROM openstack_resources WHERE kind = ? AND id = ?",
                List.of(kind, id), this::resource);
    }

    @Override
    public List<OpenStackResource> list(String kind) {
        return db.query("SELECT " + COLUMNS + " FROM openstack_resources WHERE kind = ? ORDER BY id",
                List.of(kind), this::resource);
    }

    @Override
    public List<OpenStackResource> listVisible(String kind, String projectId) {
        return db.query(LIST_VISIBLE, List.of(projectId, kind, kind, projectId), this::resource);
    }

    @Override
    public long count(String kind, String projectId) {
        return db.count("SELECT COUNT(*) FROM openstack_resources WHERE account_id = ? AND kind = ?",
                List.of(projectId, kind));
    }

    @Override
    public boolean update(OpenStackResource resource) {
        return db.update("UPDATE openstack_resources SET attributes = ?, seen_by_everyone = ? "
                + "WHERE kind = ? AND id = ?",
                List.of(stored(resource), resource.seenByEveryone(), resource.kind(), resource.id())) == 1;
    }

    @Override
    public boolean delete(String kind, String id) {
        return db.update("DELETE FROM openstack_resources WHERE kind = ? AND id = ?", List.of(kind, id)) == 1;
    }

    @Override
    public List<SiteConnection> siteConnections(String accountId, String id) {
        var where = new Where().eq("r.account_id", accountId).eq("r.id", id);
        var dualTunnel = new HashSet<String>();
        var rows = db.query(SITE_CONNECTIONS + where.sql() + " ORDER BY r.id", where.params(),
                row -> siteConnection(row, dualTunnel));
        if (dualTunnel.isEmpty()) {
            return rows;
        }
        var byConnection = tunnels.of(List.copyOf(dualTunnel));
        return rows.stream().map(r -> new SiteConnection(r.connection().withTunnels(byConnection.getOrDefault(
                r.connection().id(), List.of())), r.peerIp(), r.attributes())).toList();
    }

    @Override
    public long countConnections(String accountId) {
        return db.count("SELECT COUNT(*) FROM vpn_connections WHERE account_id = ?", List.of(accountId));
    }

    @Override
    public void putSiteConnectionAttributes(SiteConnectionAttributes a) {
        db.update(PUT_ATTRIBUTES, Arrays.asList(a.connectionId(), a.description(), a.peerAddress(), a.peerIp(), a.mtu(),
                a.dpdIntervalSeconds(), a.ikePolicyId(), a.ipsecPolicyId(), a.localEndpointGroupId(),
                a.peerEndpointGroupId(), a.adminStateUp()));
    }

    /** One index search per column named (V16's indexes). */
    @Override
    public boolean siteConnectionUses(Reference reference, String id) {
        var columns = switch (reference) {
            case IKE_POLICY -> List.of("ikepolicy_id");
            case IPSEC_POLICY -> List.of("ipsecpolicy_id");
            case ENDPOINT_GROUP -> List.of("local_ep_group_id", "peer_ep_group_id");
        };
        for (String column : columns) {
            if (db.queryOne("SELECT 1 FROM openstack_site_connections WHERE " + column + " = ?", List.of(id),
                    Row::int64).isPresent()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<VpnService> vpnServices(String accountId, String id) {
        var where = new Where().eq("r.account_id", accountId).eq("r.id", id);
        return db.query(VPN_SERVICES + where.sql() + " ORDER BY r.id", where.params(), row -> {
            VpnGateway gateway = JdbcGatewayStore.MAPPING.reader.map(row);
            String attributesOf = row.text();
            String subnetId = row.text();
            String flavorId = row.text();
            String externalV6Ip = row.text();
            boolean adminStateUp = row.bool();
            return new VpnService(gateway, attributesOf == null ? Optional.empty()
                    : Optional.of(new VpnServiceAttributes(attributesOf, subnetId, flavorId, externalV6Ip,
                            adminStateUp)));
        });
    }

    @Override
    public long countGateways(String accountId) {
        return db.count("SELECT COUNT(*) FROM vpn_gateways WHERE account_id = ?", List.of(accountId));
    }

    @Override
    public void putVpnServiceAttributes(VpnServiceAttributes a) {
        db.update(PUT_SERVICE, Arrays.asList(a.gatewayId(), a.subnetId(), a.flavorId(), a.externalV6Ip(),
                a.adminStateUp()));
    }

    /** The router's gateways, whoever's, from vpn_gateways_by_vpc_id, each joined to its attributes by primary key. */
    @Override
    public Optional<String> vpnServiceOf(String routerId, String subnetId) {
        var where = new Where().eq("r.vpc_id", routerId).eq("n.subnet_id", subnetId);
        return db.queryOne("SELECT r.id FROM vpn_gateways r LEFT JOIN openstack_vpn_services n ON n.gateway_id = r.id"
                + where.sql() + " ORDER BY r.id LIMIT 1", where.params(), Row::text);
    }

    /** A row of {@link #SITE_CONNECTIONS}; adds the connection's id to {@code dualTunnel} when it has tunnels. */
    private static SiteConnection siteConnection(Row row, Set<String> dualTunnel) throws SQLException {
        VpnConnection connection = JdbcConnectionStore.MAPPING.reader.map(row);
        if (row.bool()) {
            dualTunnel.add(connection.id());
        }
        String peerIp = row.text();
        String attributesOf = row.text();
        return new SiteConnection(connection, peerIp == null ? "" : peerIp,
                attributesOf == null ? Optional.empty() : Optional.of(attributes(attributesOf, row)));
    }

    /** {@link #ATTRIBUTE_COLUMNS}, in order. */
    private static SiteConnectionAttributes attributes(String connectionId, Row row) throws SQLException {
        String description = row.text();
        String peerAddress = row.text();
        String peerIp = row.text();
        long mtu = row.int64();
        long dpdInterval = row.int64();
        return new SiteConnectionAttributes(connectionId, description, peerAddress, peerIp, mtu, dpdInterval,
                row.text(), row.text(), row.text(), row.text(), row.bool());
    }

    private String stored(OpenStackResource resource) {
        return resource.holdsSecret() ? db.cipher().seal(resource.attributes()) : resource.attributes();
    }

    /** Sealed documents opened; those of other kinds (and ones stored before sealing began) are JSON as they are. */
    private OpenStackResource resource(Row row) throws SQLException {
        String kind = row.text();
        String id = row.text();
        String projectId = row.text();
        String attributes = db.cipher().open(row.text());
        return new OpenStackResource(kind, id, projectId, attributes, row.bool());
    }
}
