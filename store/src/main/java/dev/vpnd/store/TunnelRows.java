package dev.vpnd.store;

import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.TunnelRole;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The vpn_tunnels child rows of connections: written whole with their connection, read in batches. */
final class TunnelRows {
    private static final List<String> COLUMNS;
    private static final String INSERT;

    static {
        var columns = new ArrayList<>(List.of("connection_id", "tunnel_index", "id", "role", "customer_gateway_id",
                "enable_dpd", "enable_nat_traversal", "remote_ca_certificate"));
        columns.addAll(NegotiationColumns.COLUMNS);
        columns.addAll(List.of("internet_ip", "zone_name", "status"));
        COLUMNS = List.copyOf(columns);
        INSERT = "INSERT INTO vpn_tunnels (" + String.join(", ", COLUMNS) + ") VALUES "
                + Jdbc.placeholders(COLUMNS.size());
    }

    private final Connection connection;
    private final SqlDialect dialect;

    TunnelRows(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Replaces the stored tunnels of a connection with {@code tunnels}. */
    void replace(String connectionId, List<Tunnel> tunnels) {
        Jdbc.update(connection, dialect, "DELETE FROM vpn_tunnels WHERE connection_id = ?", List.of(connectionId));
        insert(connectionId, tunnels);
    }

    void insert(String connectionId, List<Tunnel> tunnels) {
        var rows = tunnels.stream().map(t -> values(connectionId, t)).toList();
        Jdbc.batch(connection, dialect, INSERT, rows);
    }

    /** Tunnels of each of the connections, ordered by index; one query per chunk of ids. */
    Map<String, List<Tunnel>> of(List<String> connectionIds) {
        var out = new HashMap<String, List<Tunnel>>();
        Jdbc.queryIn(connection, dialect, "SELECT * FROM vpn_tunnels WHERE connection_id IN ", List.of(),
                connectionIds, " ORDER BY connection_id, tunnel_index",
                rs -> Map.entry(rs.getString("connection_id"), map(rs)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    private static List<Object> values(String connectionId, Tunnel t) {
        var values = new ArrayList<Object>(Arrays.asList(connectionId, t.index(), t.id(), t.role(),
                t.customerGatewayId(), t.enableDpd(), t.enableNatTraversal(), t.remoteCaCertificate()));
        values.addAll(NegotiationColumns.values(t.ike(), t.ipsec(), t.bgp()));
        values.addAll(Arrays.asList(t.internetIp(), t.zone(), t.status()));
        return values;
    }

    private static Tunnel map(ResultSet rs) throws SQLException {
        return new Tunnel(rs.getString("id"), rs.getInt("tunnel_index"), Rows.enumOf(TunnelRole.class, rs, "role"),
                rs.getString("customer_gateway_id"), Rows.bool(rs, "enable_dpd"),
                Rows.bool(rs, "enable_nat_traversal"), rs.getString("remote_ca_certificate"),
                NegotiationColumns.ike(rs), NegotiationColumns.ipsec(rs), NegotiationColumns.bgp(rs),
                rs.getString("internet_ip"), rs.getString("zone_name"),
                Rows.enumOf(NegotiationStatus.class, rs, "status"));
    }
}
