package dev.vpnd.store;

import dev.vpnd.core.model.Scope;
import java.util.List;

/**
 * The number of connections of each gateway and of each scope (V9), moved by every insert and
 * delete of a connection in its own transaction, so that a list's exact total is read, not counted.
 * A connection never changes gateway (ConnectionService refuses it). A scope's row has the gateway
 * id {@value #WHOLE_SCOPE}; a write moves the gateway's row, then the scope's, so concurrent writers
 * on PostgreSQL queue on the scope's row instead of deadlocking.
 */
final class ConnectionCounts {
    private static final String WHOLE_SCOPE = "";
    private static final String ADD = "INSERT INTO vpn_connection_counts (account_id, region, gateway_id, connections) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (account_id, region, gateway_id) "
            + "DO UPDATE SET connections = vpn_connection_counts.connections + excluded.connections";
    private static final String SELECT = "SELECT connections FROM vpn_connection_counts "
            + "WHERE account_id = ? AND region = ? AND gateway_id = ?";

    private final Jdbc db;

    ConnectionCounts(Jdbc db) {
        this.db = db;
    }

    /** Adds {@code delta} connections to {@code gatewayId} and to its scope. */
    void add(Scope scope, String gatewayId, long delta) {
        db.update(ADD, List.of(scope.accountId(), scope.region(), gatewayId, delta));
        db.update(ADD, List.of(scope.accountId(), scope.region(), WHOLE_SCOPE, delta));
    }

    /** The connections of one of the scope's gateways ({@code gatewayId} not empty: that is the scope's row). */
    static ResourceTable.KeptTotal ofGateway(Scope scope, String gatewayId) {
        return new ResourceTable.KeptTotal(SELECT, List.of(scope.accountId(), scope.region(), gatewayId));
    }

    static ResourceTable.KeptTotal ofScope(Scope scope) {
        return ofGateway(scope, WHOLE_SCOPE);
    }
}
