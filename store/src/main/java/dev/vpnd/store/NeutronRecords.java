package dev.vpnd.store;

import dev.vpnd.core.model.SiteConnectionAttributes;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnServiceAttributes;
import dev.vpnd.core.port.NeutronQuery;
import dev.vpnd.core.port.OpenStackStore.SiteConnection;
import dev.vpnd.core.port.OpenStackStore.SiteConnectionField;
import dev.vpnd.core.port.OpenStackStore.VpnService;
import dev.vpnd.core.port.OpenStackStore.VpnServiceField;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical gateways and connections as Neutron's VPN services and site connections: each row
 * joined with its Neutron attributes (V16, V17), and for a connection its peer's address (its
 * customer gateway's, or its master tunnel's for a dual-tunnel connection), listed by a
 * {@link NeutronQuery} whose fields are the values Neutron shows, defaults included.
 */
final class NeutronRecords {
    /** Read in this order by {@link #connectionAttributes}, after the connection id (null when there is no row). */
    static final List<String> CONNECTION_ATTRIBUTES = List.of("description", "peer_address", "peer_ip", "mtu",
            "dpd_interval", "ikepolicy_id", "ipsecpolicy_id", "local_ep_group_id", "peer_ep_group_id",
            "admin_state_up");
    private static final String CONNECTIONS_FROM = " FROM vpn_connections r"
            + " LEFT JOIN vpn_tunnels t ON t.connection_id = r.id AND t.role = 'MASTER'"
            + " LEFT JOIN customer_gateways g"
            + " ON g.id = COALESCE(NULLIF(r.customer_gateway_id, ''), t.customer_gateway_id)"
            + " LEFT JOIN openstack_site_connections n ON n.connection_id = r.id";
    /** A lifecycle's state at the query's time, as ResourceState names it (no lifecycle: active). */
    private static final String STATE = "CASE WHEN r.ready_at > " + NeutronListSql.NOW
            + " THEN r.pending_state ELSE 'ACTIVE' END";
    private static final String PEER_IP = "COALESCE(g.ip_address, '')";
    /** The master tunnel's IKE column for a dual-tunnel connection, else the connection's. */
    private static final String IKE_REMOTE_ID = "COALESCE(CASE WHEN t.connection_id IS NULL THEN r.ike_remote_id "
            + "ELSE t.ike_remote_id END, '')";
    private static final String IKE_LOCAL_ID = "COALESCE(CASE WHEN t.connection_id IS NULL THEN r.ike_local_id "
            + "ELSE t.ike_local_id END, '')";
    private static final NeutronListSql<SiteConnectionField> CONNECTIONS = new NeutronListSql<>(
            "SELECT " + JdbcConnectionStore.MAPPING.selectList + ", " + PEER_IP + ", n.connection_id, "
                    + String.join(", ", CONNECTION_ATTRIBUTES.stream().map(c -> "n." + c).toList()) + CONNECTIONS_FROM,
            CONNECTIONS_FROM, connectionFields());

    private static final String SERVICES_FROM = " FROM vpn_gateways r"
            + " LEFT JOIN openstack_vpn_services n ON n.gateway_id = r.id";
    private static final NeutronListSql<VpnServiceField> SERVICES = new NeutronListSql<>(
            "SELECT " + JdbcGatewayStore.MAPPING.selectList
                    + ", n.gateway_id, n.subnet_id, n.flavor_id, n.external_v6_ip, n.admin_state_up" + SERVICES_FROM,
            SERVICES_FROM, serviceFields());

    private final Jdbc db;
    private final TunnelRows tunnels;

    NeutronRecords(Jdbc db) {
        this.db = db;
        this.tunnels = new TunnelRows(db);
    }

    /**
     * The values as {@link SiteConnection}'s reader shows them: the peer address written while the
     * peer is still where it resolved, the remote identity or else the peer's address.
     */
    private static Map<SiteConnectionField, String> connectionFields() {
        var fields = new EnumMap<SiteConnectionField, String>(SiteConnectionField.class);
        fields.put(SiteConnectionField.ID, "r.id");
        fields.put(SiteConnectionField.PROJECT, "r.account_id");
        fields.put(SiteConnectionField.NAME, "r.name");
        fields.put(SiteConnectionField.DESCRIPTION, "COALESCE(n.description, '')");
        fields.put(SiteConnectionField.PEER_ADDRESS, "CASE WHEN n.peer_ip = " + PEER_IP + " THEN n.peer_address ELSE "
                + PEER_IP + " END");
        fields.put(SiteConnectionField.PEER_ID, "CASE WHEN " + IKE_REMOTE_ID + " = '' THEN " + PEER_IP + " ELSE "
                + IKE_REMOTE_ID + " END");
        fields.put(SiteConnectionField.LOCAL_ID, IKE_LOCAL_ID);
        fields.put(SiteConnectionField.MTU, "COALESCE(n.mtu, " + SiteConnectionAttributes.DEFAULT_MTU + ")");
        fields.put(SiteConnectionField.INITIATION, "r.initiation");
        fields.put(SiteConnectionField.ADMIN_STATE_UP, "COALESCE(n.admin_state_up, 1)");
        fields.put(SiteConnectionField.STATE, STATE);
        fields.put(SiteConnectionField.GATEWAY, "r.gateway_id");
        fields.put(SiteConnectionField.IKE_POLICY, "n.ikepolicy_id");
        fields.put(SiteConnectionField.IPSEC_POLICY, "n.ipsecpolicy_id");
        fields.put(SiteConnectionField.LOCAL_ENDPOINT_GROUP, "n.local_ep_group_id");
        fields.put(SiteConnectionField.PEER_ENDPOINT_GROUP, "n.peer_ep_group_id");
        return fields;
    }

    private static Map<VpnServiceField, String> serviceFields() {
        var fields = new EnumMap<VpnServiceField, String>(VpnServiceField.class);
        fields.put(VpnServiceField.ID, "r.id");
        fields.put(VpnServiceField.PROJECT, "r.account_id");
        fields.put(VpnServiceField.NAME, "r.name");
        fields.put(VpnServiceField.DESCRIPTION, "r.description");
        fields.put(VpnServiceField.SUBNET, "n.subnet_id");
        fields.put(VpnServiceField.VPC, "r.vpc_id");
        fields.put(VpnServiceField.FLAVOR, "n.flavor_id");
        fields.put(VpnServiceField.ADMIN_STATE_UP, "COALESCE(n.admin_state_up, 1)");
        fields.put(VpnServiceField.INTERNET_IP, "NULLIF(r.internet_ip, '')");
        fields.put(VpnServiceField.EXTERNAL_V6_IP, "n.external_v6_ip");
        fields.put(VpnServiceField.STATE, STATE);
        return fields;
    }

    List<SiteConnection> siteConnections(NeutronQuery<SiteConnectionField> query) {
        var dualTunnel = new HashSet<String>();
        var rows = CONNECTIONS.run(db, query, row -> siteConnection(row, dualTunnel));
        if (dualTunnel.isEmpty()) {
            return rows;
        }
        var byConnection = tunnels.of(List.copyOf(dualTunnel));
        return rows.stream().map(r -> new SiteConnection(r.connection().withTunnels(byConnection.getOrDefault(
                r.connection().id(), List.of())), r.peerIp(), r.attributes())).toList();
    }

    List<VpnService> vpnServices(NeutronQuery<VpnServiceField> query) {
        return SERVICES.run(db, query, NeutronRecords::vpnService);
    }

    /** A row of {@link #CONNECTIONS}; adds the connection's id to {@code dualTunnel} when it has tunnels. */
    private static SiteConnection siteConnection(Row row, Set<String> dualTunnel) throws SQLException {
        VpnConnection connection = JdbcConnectionStore.MAPPING.reader.map(row);
        if (row.bool()) {
            dualTunnel.add(connection.id());
        }
        String peerIp = row.text();
        String attributesOf = row.text();
        return new SiteConnection(connection, peerIp,
                attributesOf == null ? Optional.empty() : Optional.of(connectionAttributes(attributesOf, row)));
    }

    /** {@link #CONNECTION_ATTRIBUTES}, in order. */
    private static SiteConnectionAttributes connectionAttributes(String connectionId, Row row) throws SQLException {
        String description = row.text();
        String peerAddress = row.text();
        String peerIp = row.text();
        long mtu = row.int64();
        long dpdInterval = row.int64();
        return new SiteConnectionAttributes(connectionId, description, peerAddress, peerIp, mtu, dpdInterval,
                row.text(), row.text(), row.text(), row.text(), row.bool());
    }

    private static VpnService vpnService(Row row) throws SQLException {
        VpnGateway gateway = JdbcGatewayStore.MAPPING.reader.map(row);
        String attributesOf = row.text();
        String subnetId = row.text();
        String flavorId = row.text();
        String externalV6Ip = row.text();
        boolean adminStateUp = row.bool();
        return new VpnService(gateway, attributesOf == null ? Optional.empty()
                : Optional.of(new VpnServiceAttributes(attributesOf, subnetId, flavorId, externalV6Ip, adminStateUp)));
    }
}
