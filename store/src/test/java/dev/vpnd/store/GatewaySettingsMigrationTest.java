package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.SCOPE;
import static dev.vpnd.store.Fixtures.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.ChargeType;
import dev.vpnd.core.model.NetworkType;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnType;
import dev.vpnd.core.port.Stores;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A gateway's settings are core's enums stored by name (V15); rows written before in a dialect's
 * words read as the value those words meant.
 */
class GatewaySettingsMigrationTest extends StoreTestBase {

    /** What a gateway stored before V15 held, and what it reads as after. */
    private record Case(String chargeType, String networkType, String vpnType, ChargeType charge,
            NetworkType network, VpnType vpn) {
    }

    private static final List<Case> CASES = List.of(
            new Case("POSTPAY", "public", "Normal", ChargeType.POSTPAID, NetworkType.PUBLIC, VpnType.INTERNATIONAL),
            new Case("PREPAY", "private", "NationalStandard", ChargeType.PREPAID, NetworkType.PRIVATE,
                    VpnType.SHANGMI),
            new Case("PostPaid", "public", "Normal", ChargeType.POSTPAID, NetworkType.PUBLIC, VpnType.INTERNATIONAL),
            new Case("POSTPAID_BY_HOUR", "public", "Normal", ChargeType.POSTPAID, NetworkType.PUBLIC,
                    VpnType.INTERNATIONAL),
            new Case("PREPAID", "private", "Normal", ChargeType.PREPAID, NetworkType.PRIVATE, VpnType.INTERNATIONAL));

    private VpnGateway insert(VpnGateway g) {
        storage.write((Stores s) -> {
            s.gateways().insert(g, "");
            return null;
        });
        return g;
    }

    private String jdbcUrl() {
        return TestDatabase.postgres() ? "jdbc:" + database.url() : "jdbc:sqlite:" + databaseFile();
    }

    @Test
    void everySettingIsReadBackAsStored() {
        var g = gateway(SCOPE, "vpc-1");
        var chosen = insert(new VpnGateway(g.id(), g.serial(), g.scope(), g.vpcId(), g.vswitchId(), g.name(),
                g.description(), g.bandwidthMbps(), NetworkType.PRIVATE, VpnType.SHANGMI, g.enableIpsec(),
                g.enableSsl(), g.sslConnections(), ChargeType.PREPAID, g.internetIp(), g.zone(), g.asn(),
                g.lifecycle(), g.createdAt(), g.tags(), g.revision()));
        reopen();
        assertThat(storage.read((Stores s) -> s.gateways().find(SCOPE, chosen.id()))).contains(chosen);
    }

    @Test
    void theMigrationReadsEachDialectsWords() throws SQLException {
        var stored = new LinkedHashMap<String, Case>();
        for (Case c : CASES) {
            stored.put(insert(gateway(SCOPE, "vpc-1")).id(), c);
        }
        storage.close();
        try (var connection = DriverManager.getConnection(jdbcUrl());
                var update = connection.prepareStatement(
                        "UPDATE vpn_gateways SET charge_type = ?, network_type = ?, vpn_type = ? WHERE id = ?");
                var statement = connection.createStatement()) {
            for (Map.Entry<String, Case> row : stored.entrySet()) {
                update.setString(1, row.getValue().chargeType());
                update.setString(2, row.getValue().networkType());
                update.setString(3, row.getValue().vpnType());
                update.setString(4, row.getKey());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            statement.execute("DELETE FROM flyway_schema_history WHERE version = '15'");
        }
        storage = database.open();

        for (Map.Entry<String, Case> row : stored.entrySet()) {
            var g = storage.read((Stores s) -> s.gateways().find(SCOPE, row.getKey())).orElseThrow();
            Case c = row.getValue();
            assertThat(List.of(g.chargeType(), g.networkType(), g.vpnType())).as(c.toString())
                    .containsExactly(c.charge(), c.network(), c.vpn());
        }
    }
}
