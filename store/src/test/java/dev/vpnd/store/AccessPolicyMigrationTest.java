package dev.vpnd.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.core.port.Stores;
import java.nio.file.Files;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Keys made before policies (V22) keep what they could do: a read-only key reads as the
 * {@code --read-only} policy, any other as allowed every action; users made before are allowed
 * every rule.
 */
class AccessPolicyMigrationTest extends StoreTestBase {

    @Test
    void readOnlyKeysBecomeTheReadOnlyPolicy() throws Exception {
        storage.close();
        database.close();
        database = TestDatabase.create(Files.createDirectories(dir.resolve("v21")));
        String url = TestDatabase.postgres() ? "jdbc:" + database.url()
                : "jdbc:sqlite:" + dir.resolve("v21").resolve("vpnd.db");
        Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null)
                .locations((TestDatabase.postgres() ? SqlDialect.POSTGRESQL : SqlDialect.SQLITE).migrationLocations())
                .target("21").load().migrate();
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO accounts (id, name, created_at) VALUES ('a-1', 'team', 0)");
            statement.executeUpdate("INSERT INTO access_keys (id, secret, account_id, read_only, created_at) "
                    + "VALUES ('LTAIreader', 's1', 'a-1', 1, 0)");
            statement.executeUpdate("INSERT INTO access_keys (id, secret, account_id, read_only, created_at) "
                    + "VALUES ('LTAIwriter', 's2', 'a-1', 0, 1)");
            statement.executeUpdate("INSERT INTO openstack_users (id, account_id, name, password_hash, is_admin, "
                    + "created_at) VALUES ('u-1', 'a-1', 'team', 'h', 0, 0)");
        }
        storage = database.open();

        var reader = storage.read((Stores s) -> s.accounts().findKey("LTAIreader")).orElseThrow();
        var writer = storage.read((Stores s) -> s.accounts().findKey("LTAIwriter")).orElseThrow();
        assertThat(reader.policy()).isEqualTo(AccessPolicy.READ_ONLY);
        assertThat(reader.readOnly()).isTrue();
        assertThat(writer.policy()).isEqualTo(AccessPolicy.ALLOW_ALL);
        assertThat(storage.read((Stores s) -> s.identities().findUser("u-1")).orElseThrow().policy())
                .isEqualTo(AccessPolicy.ALLOW_ALL);
    }
}
