package dev.vpnd.store;

import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.TunnelRole;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The vpn_tunnels child rows of connections: written whole with their connection, read in batches. */
final class TunnelRows {
    /** Written in this order by {@link #values} and read in it by {@link #read}. */
    private static final List<String> COLUMNS;
    private static final String INSERT;
    private static final String SELECT;

    static {
        var columns = new ArrayList<>(List.of("connection_id", "tunnel_index", "id", "role", "customer_gateway_id",
                "enable_dpd", "enable_nat_traversal", "remote_ca_certificate"));
        columns.addAll(NegotiationColumns.COLUMNS);
        columns.addAll(List.of("internet_ip", "zone_name", "status"));
        COLUMNS = List.copyOf(columns);
        INSERT = "INSERT INTO vpn_tunnels (" + String.join(", ", COLUMNS) + ") VALUES "
                + Jdbc.placeholders(COLUMNS.size());
        SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM vpn_tunnels WHERE connection_id IN ";
    }

    private final Jdbc db;

    TunnelRows(Jdbc db) {
        this.db = db;
    }

    /** Replaces the stored tunnels of a connection with {@code tunnels}. */
    void replace(String connectionId, List<Tunnel> tunnels) {
        db.update("DELETE FROM vpn_tunnels WHERE connection_id = ?", List.of(connectionId));
        insert(connectionId, tunnels);
    }

    void insert(String connectionId, List<Tunnel> tunnels) {
        var rows = tunnels.stream().map(t -> values(connectionId, t)).toList();
        db.batch(INSERT, rows);
    }

    /** Tunnels of each of the connections, ordered by index; one query per chunk of ids. */
    Map<String, List<Tunnel>> of(List<String> connectionIds) {
        var out = new HashMap<String, List<Tunnel>>();
        db.queryIn(SELECT, List.of(), connectionIds, " ORDER BY connection_id, tunnel_index", TunnelRows::read)
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    private static List<Object> values(String connectionId, Tunnel t) {
        var values = new ArrayList<Object>(Arrays.asList(connectionId, t.index(), t.id(), t.role(),
                t.customerGatewayId(), t.enableDpd(), t.enableNatTraversal(), t.remoteCaCertificate()));
        values.addAll(NegotiationColumns.values(pskSlot(connectionId, t.index()), t.ike(), t.ipsec(), t.bgp()));
        values.addAll(Arrays.asList(t.internetIp(), t.zone(), t.status()));
        return values;
    }

    private static SecretSlot pskSlot(String connectionId, int index) {
        return SecretSlot.of("vpn_tunnels", "ike_psk", connectionId, String.valueOf(index));
    }

    /** The connection id and its tunnel, from {@link #COLUMNS} in order. */
    private static Map.Entry<String, Tunnel> read(Row row) throws SQLException {
        String connectionId = row.text();
        int index = row.int32();
        String id = row.text();
        var role = row.enumOf(TunnelRole.class);
        String customerGatewayId = row.text();
        boolean enableDpd = row.bool();
        boolean enableNatTraversal = row.bool();
        String remoteCaCertificate = row.text();
        var ike = NegotiationColumns.ike(row, pskSlot(connectionId, index));
        var ipsec = NegotiationColumns.ipsec(row);
        var bgp = NegotiationColumns.bgp(row);
        String internetIp = row.text();
        String zone = row.text();
        var status = row.enumOf(NegotiationStatus.class);
        return Map.entry(connectionId, new Tunnel(id, index, role, customerGatewayId, enableDpd, enableNatTraversal,
                remoteCaCertificate, ike, ipsec, bgp, internetIp, zone, status));
    }
}
