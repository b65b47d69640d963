package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.SCOPE;
import static dev.vpnd.store.Fixtures.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.ChargeType;
import dev.vpnd.core.model.NetworkType;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnType;
import dev.vpnd.core.port.Stores;
import java.sql.DriverManager;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
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

    /** A region no migration renames (V19 renames the clouds' names), so that V15 is seen alone. */
    private static final Scope OLD_SCOPE = new Scope(SCOPE.accountId(), "region-of-v14");

    private VpnGateway insert(VpnGateway g) {
        storage.write((Stores s) -> {
            s.gateways().insert(g, "");
            return null;
        });
        return g;
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

    /**
     * A database at version 14 holding a gateway in each dialect's words, then opened (migrated to
     * the latest version) and read through the store.
     */
    @Test
    void theMigrationReadsEachDialectsWords() throws Exception {
        storage.close();
        database.close();
        database = TestDatabase.create(Files.createDirectories(dir.resolve("v14")));
        String url = TestDatabase.postgres() ? "jdbc:" + database.url()
                : "jdbc:sqlite:" + dir.resolve("v14").resolve("vpnd.db");
        Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null)
                .locations((TestDatabase.postgres() ? SqlDialect.POSTGRESQL : SqlDialect.SQLITE).migrationLocations())
                .target("14").load().migrate();
        var stored = new LinkedHashMap<String, Case>();
        try (var connection = DriverManager.getConnection(url);
                var insert = connection.prepareStatement("INSERT INTO vpn_gateways (id, account_id, region, seq, "
                        + "serial, client_token, revision, created_at, pending_state, ready_at, vpc_id, vswitch_id, "
                        + "name, description, bandwidth_mbps, network_type, vpn_type, enable_ipsec, enable_ssl, "
                        + "ssl_connections, charge_type, internet_ip, zone_name, asn) "
                        + "VALUES (?, ?, ?, ?, ?, '', 1, 0, 'PROVISIONING', 0, 'vpc-1', '', 'gw', '', 10, ?, ?, 1, "
                        + "0, 5, ?, '100.64.0.1', '', 0)")) {
            int n = 0;
            for (Case c : CASES) {
                String id = "gateway-" + ++n;
                insert.setString(1, id);
                insert.setString(2, OLD_SCOPE.accountId());
                insert.setString(3, OLD_SCOPE.region());
                insert.setLong(4, n);
                insert.setLong(5, n);
                insert.setString(6, c.networkType());
                insert.setString(7, c.vpnType());
                insert.setString(8, c.chargeType());
                insert.executeUpdate();
                stored.put(id, c);
            }
        }
        storage = database.open();

        for (Map.Entry<String, Case> row : stored.entrySet()) {
            var g = storage.read((Stores s) -> s.gateways().find(OLD_SCOPE, row.getKey())).orElseThrow();
            Case c = row.getValue();
            assertThat(List.of(g.chargeType(), g.networkType(), g.vpnType())).as(c.toString())
                    .containsExactly(c.charge(), c.network(), c.vpn());
        }
    }
}
