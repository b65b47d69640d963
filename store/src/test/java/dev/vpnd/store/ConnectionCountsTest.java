package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.OTHER_REGION;
import static dev.vpnd.store.Fixtures.SCOPE;
import static dev.vpnd.store.Fixtures.connection;
import static dev.vpnd.store.Fixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.Stores;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The totals of whole-scope and one-gateway lists are kept, not counted (V9): after any mix of
 * writes they must equal what counting the rows gives.
 */
class ConnectionCountsTest extends StoreTestBase {

    private VpnConnection insert(VpnConnection c) {
        storage.write((Stores s) -> {
            s.connections().insert(c, "");
            return null;
        });
        return c;
    }

    private static ConnectionStore.Filter onGateway(String gatewayId) {
        return new ConnectionStore.Filter(Set.of(), Set.of(), Set.of(gatewayId), Set.of(), Set.of(), Set.of(), "",
                List.of());
    }

    /** The kept total (through a list) and a count of the rows, which must agree. */
    private void assertTotal(Scope scope, ConnectionStore.Filter filter, long expected) {
        storage.read((Stores s) -> {
            // A page past the first is the path that always reads the total.
            assertThat(s.connections().list(scope, filter, new PageRequest(1, 1)).total())
                    .as("kept total").isEqualTo(expected);
            var byName = new ConnectionStore.Filter(filter.ids(), filter.serials(), filter.gatewayIds(), Set.of(),
                    Set.of(), Set.of(), "conn", List.of());
            assertThat(s.connections().list(scope, byName, new PageRequest(1, 1)).total())
                    .as("counted total").isEqualTo(expected);
            return null;
        });
    }

    private static VpnConnection revised(VpnConnection c, long revision) {
        return new VpnConnection(c.id(), c.serial(), c.scope(), c.vpcId(), c.gatewayId(), c.customerGatewayId(),
                "conn renamed", c.securityPolicies(), c.initiation(), c.enableDpd(), c.dpdTimeoutSeconds(),
                c.dpdAction(),
                c.enableNatTraversal(), c.autoConfigRoute(), c.routeType(), c.ike(), c.ipsec(), c.bgp(),
                c.healthCheck(), c.remoteCaCertificate(), c.enableTunnelsBgp(), c.tunnels(), c.status(),
                c.lifecycle(), c.createdAt(), c.tags(), revision);
    }

    @Test
    void insertsAndDeletesKeepTheTotalsOfGatewaysAndScopes() {
        var a1 = insert(connection(SCOPE, "gw-a", "cgw-1"));
        insert(connection(SCOPE, "gw-a", "cgw-1"));
        insert(connection(SCOPE, "gw-a", "cgw-1"));
        var b1 = insert(connection(SCOPE, "gw-b", "cgw-1"));
        insert(connection(SCOPE, "gw-b", "cgw-1"));
        insert(connection(OTHER_REGION, "gw-a", "cgw-1"));

        assertTotal(SCOPE, ConnectionStore.Filter.any(), 5);
        assertTotal(SCOPE, onGateway("gw-a"), 3);
        assertTotal(SCOPE, onGateway("gw-b"), 2);
        assertTotal(SCOPE, onGateway("gw-none"), 0);
        assertTotal(OTHER_REGION, ConnectionStore.Filter.any(), 1);

        storage.write((Stores s) -> {
            assertThat(s.connections().delete(SCOPE, a1.id())).isTrue();
            assertThat(s.connections().delete(SCOPE, a1.id())).isFalse();
            assertThat(s.connections().delete(OTHER_REGION, b1.id())).isFalse();
            assertThat(s.connections().update(revised(b1, 2), 1)).isTrue();
            return null;
        });

        assertTotal(SCOPE, ConnectionStore.Filter.any(), 4);
        assertTotal(SCOPE, onGateway("gw-a"), 2);
        assertTotal(SCOPE, onGateway("gw-b"), 2);
        assertTotal(SCOPE, onGateway(""), 0);
        assertThat(storage.read((Stores s) -> s.connections().countOnGateway(SCOPE, "gw-a"))).isEqualTo(2);
        assertTotal(OTHER_REGION, ConnectionStore.Filter.any(), 1);
    }

    @Test
    void aRolledBackInsertLeavesTheTotalsAlone() {
        insert(connection(SCOPE, "gw-a", "cgw-1"));
        assertThatThrownBy(() -> storage.write((Stores s) -> {
            s.connections().insert(connection(SCOPE, "gw-a", "cgw-1"), "");
            throw new IllegalStateException("the service refused it after the insert");
        })).isInstanceOf(IllegalStateException.class);

        assertTotal(SCOPE, ConnectionStore.Filter.any(), 1);
        assertTotal(SCOPE, onGateway("gw-a"), 1);
    }

    @Test
    void otherFiltersAreStillCounted() {
        insert(connection(SCOPE, "gw-a", "cgw-1"));
        insert(connection(SCOPE, "gw-a", "cgw-2"));
        var byCustomerGateway = new ConnectionStore.Filter(Set.of(), Set.of(), Set.of("gw-a"), Set.of("cgw-2"),
                Set.of(), Set.of(), "", List.of());
        var twoGateways = new ConnectionStore.Filter(Set.of(), Set.of(), Set.of("gw-a", "gw-b"), Set.of(), Set.of(),
                Set.of(), "", List.of());
        storage.read((Stores s) -> {
            assertThat(s.connections().list(SCOPE, byCustomerGateway, new PageRequest(1, 1)).total()).isEqualTo(1);
            assertThat(s.connections().list(SCOPE, twoGateways, new PageRequest(1, 1)).total()).isEqualTo(2);
            var byTag = new ConnectionStore.Filter(Set.of(), Set.of(), Set.of("gw-a"), Set.of(), Set.of(), Set.of(),
                    "", List.of(filter("env", "prod")));
            assertThat(s.connections().list(SCOPE, byTag, new PageRequest(0, 10)).total()).isZero();
            return null;
        });
    }

    /** The migration fills the counts from the rows already there (SQLite; the SQL is shared). */
    @Test
    void theMigrationCountsTheConnectionsAlreadyStored() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestDatabase.postgres());
        try (var sqlite = olderSchema("8");
                var insert = sqlite.prepareStatement("INSERT INTO vpn_connections (id, account_id, region, seq, "
                        + "client_token, revision, created_at, gateway_id) VALUES (?, ?, ?, ?, '', 1, 0, ?)")) {
            String[][] rows = {{"a", "cn-a", "gw-a"}, {"a", "cn-a", "gw-a"}, {"a", "cn-a", "gw-b"},
                {"a", "cn-b", "gw-a"}};
            for (int i = 0; i < rows.length; i++) {
                insert.setString(1, "vco-" + i);
                insert.setString(2, rows[i][0]);
                insert.setString(3, rows[i][1]);
                insert.setLong(4, i + 1);
                insert.setString(5, rows[i][2]);
                insert.executeUpdate();
            }
        }
        reopen();

        assertThat(countsTable()).containsExactlyInAnyOrder("a cn-a  3", "a cn-a gw-a 2", "a cn-a gw-b 1",
                "a cn-b  1", "a cn-b gw-a 1");
    }

    /** Every row of the kept counts, as "account region gateway count". */
    private List<String> countsTable() throws SQLException {
        storage.close();
        try (var sqlite = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
                var statement = sqlite.createStatement();
                var rows = statement.executeQuery(
                        "SELECT account_id, region, gateway_id, connections FROM vpn_connection_counts")) {
            var counts = new java.util.ArrayList<String>();
            while (rows.next()) {
                counts.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                        + rows.getLong(4));
            }
            return counts;
        } finally {
            storage = null;
        }
    }
}
