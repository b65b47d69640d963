package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.problem.ResourceType;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * V19 rewrites the region each row holds from the name a dialect gave it to the id of vpnd's
 * default region table, so regions that were apart (RegionOne, cn-hangzhou, ap-guangzhou) become
 * one, and keeps what was unique in each unique in the one. The rows are written by the store as
 * older versions wrote them (V19 changes no column), then V19 runs again as on an upgrade.
 */
class RegionMigrationTest extends StoreTestBase {
    private static final String ACCOUNT = "acct-1";
    private static final Scope HANGZHOU = new Scope(ACCOUNT, "cn-hangzhou");
    private static final Scope GUANGZHOU = new Scope(ACCOUNT, "ap-guangzhou");
    private static final Scope REGION_ONE = new Scope(ACCOUNT, "RegionOne");
    private static final Scope DEFAULT = new Scope(ACCOUNT, "default");
    private static final String PEER = "198.51.100.7";
    /** Where one statement of a migration ends: its semicolon at the end of a line. */
    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*\\n");

    @Test
    void eachDialectsNameBecomesItsRegionsId() throws Exception {
        var hangzhou = Fixtures.vpc(HANGZHOU, "alibaba's");
        var guangzhou = Fixtures.vpc(GUANGZHOU, "tencent's");
        var regionOne = Fixtures.vpc(REGION_ONE, "neutron's");
        var shanghai = Fixtures.vpc(new Scope(ACCOUNT, "cn-shanghai"), "alibaba's shanghai");
        var tencentShanghai = Fixtures.vpc(new Scope(ACCOUNT, "ap-shanghai"), "tencent's shanghai");
        var unknown = Fixtures.vpc(new Scope(ACCOUNT, "nowhere-1"), "in no table");
        var othersToken = Fixtures.vpc(new Scope("acct-2", "ap-guangzhou"), "another account's");
        storage.write((Stores s) -> {
            s.vpcs().insert(hangzhou, "token-1");
            s.vpcs().insert(guangzhou, "token-1");
            s.vpcs().insert(regionOne, "");
            s.vpcs().insert(shanghai, "");
            s.vpcs().insert(tencentShanghai, "");
            s.vpcs().insert(unknown, "");
            s.vpcs().insert(othersToken, "token-1");
            return null;
        });

        migrateAgain();

        storage.read((Stores s) -> {
            for (var vpc : java.util.List.of(hangzhou, guangzhou, regionOne)) {
                assertThat(s.vpcs().find(DEFAULT, vpc.id())).as(vpc.name()).hasValueSatisfying(found -> {
                    assertThat(found.scope()).isEqualTo(DEFAULT);
                    assertThat(found.revision()).as("the revision moves with the region").isEqualTo(2);
                });
            }
            var inShanghai = new Scope(ACCOUNT, "shanghai");
            assertThat(s.vpcs().find(inShanghai, shanghai.id())).isPresent();
            assertThat(s.vpcs().find(inShanghai, tencentShanghai.id())).isPresent();
            assertThat(s.vpcs().find(unknown.scope(), unknown.id())).as("a name in no table stays").isPresent();
            assertThat(s.vpcs().find(HANGZHOU, hangzhou.id())).isEmpty();
            assertThat(s.vpcs().findByClientToken(DEFAULT, "token-1")).as("the oldest keeps its token")
                    .hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(hangzhou.id()));
            assertThat(s.vpcs().findByClientToken(new Scope("acct-2", "default"), "token-1"))
                    .hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(othersToken.id()));
            return null;
        });
    }

    /**
     * The customer gateways of one address in regions that became one are merged into the oldest:
     * connections and tunnels that used the others use it, and the others go with their tags. The
     * kept connection totals are those of the merged region.
     */
    @Test
    void customerGatewaysOfOneAddressMergeIntoTheOldest() throws Exception {
        var alibabas = Fixtures.customerGateway(HANGZHOU, PEER);
        var neutrons = Fixtures.customerGateway(REGION_ONE, PEER);
        var tencents = Fixtures.customerGateway(GUANGZHOU, "198.51.100.8");
        var neutronGateway = Fixtures.gateway(REGION_ONE, "router-1");
        var alibabaGateway = Fixtures.gateway(HANGZHOU, "vpc-1");
        var single = Fixtures.connection(REGION_ONE, neutronGateway.id(), neutrons.id());
        var dual = Fixtures.dualTunnel(REGION_ONE, neutronGateway.id(), neutrons.id(), tencents.id());
        var alibabaConnection = Fixtures.connection(HANGZHOU, alibabaGateway.id(), alibabas.id());
        storage.write((Stores s) -> {
            s.customerGateways().insert(alibabas, "");
            s.customerGateways().insert(neutrons, "");
            s.customerGateways().insert(tencents, "");
            s.gateways().insert(neutronGateway, "");
            s.gateways().insert(alibabaGateway, "");
            s.connections().insert(single, "");
            s.connections().insert(dual, "");
            s.connections().insert(alibabaConnection, "");
            return null;
        });
        putTags(HANGZHOU, ResourceType.CUSTOMER_GATEWAY, alibabas.id(), tag("kept", "yes"));
        putTags(REGION_ONE, ResourceType.CUSTOMER_GATEWAY, neutrons.id(), tag("merged", "yes"));

        migrateAgain();

        storage.read((Stores s) -> {
            assertThat(s.customerGateways().findByIpAddress(DEFAULT, PEER))
                    .hasValueSatisfying(g -> assertThat(g.id()).isEqualTo(alibabas.id()));
            assertThat(s.customerGateways().find(DEFAULT, neutrons.id())).isEmpty();
            assertThat(s.customerGateways().find(DEFAULT, tencents.id())).isPresent();
            assertThat(s.tags().tagsOf(ResourceType.CUSTOMER_GATEWAY, alibabas.id()))
                    .containsExactly(tag("kept", "yes"));
            assertThat(s.tags().tagsOf(ResourceType.CUSTOMER_GATEWAY, neutrons.id())).isEmpty();
            assertThat(s.connections().find(DEFAULT, single.id())).hasValueSatisfying(c -> {
                assertThat(c.customerGatewayId()).isEqualTo(alibabas.id());
                assertThat(c.revision()).isGreaterThan(single.revision());
            });
            assertThat(s.connections().find(DEFAULT, dual.id())).hasValueSatisfying(c -> assertThat(c.tunnels())
                    .extracting(Tunnel::customerGatewayId).containsExactly(alibabas.id(), tencents.id()));
            assertThat(s.connections().countOnCustomerGateway(DEFAULT, alibabas.id())).isEqualTo(3);
            assertThat(s.connections().list(DEFAULT, ConnectionStore.Filter.any(), new PageRequest(0, 10)).total())
                    .as("the kept total of the merged region").isEqualTo(3);
            return null;
        });
    }

    /**
     * Runs V19 again on what the store holds, as the first start of this version does on an older
     * database: its statements as Flyway runs them, in one transaction. V19 changes data only, so
     * the rows the store wrote (in the clouds' names) are what an older version left.
     */
    private void migrateAgain() throws Exception {
        storage.close();
        String script;
        try (var in = JdbcStorage.class.getResourceAsStream("/db/migration/V19__one_region_table.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String url = TestDatabase.postgres() ? "jdbc:" + database.url() : "jdbc:sqlite:" + databaseFile();
        try (var connection = DriverManager.getConnection(url);
                var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String sql : STATEMENT_END.splitAsStream(script).toList()) {
                if (!sql.lines().allMatch(line -> line.isBlank() || line.startsWith("--"))) {
                    statement.execute(sql);
                }
            }
            connection.commit();
        }
        storage = database.open();
    }
}
