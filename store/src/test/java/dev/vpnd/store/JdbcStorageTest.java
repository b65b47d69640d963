package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.NOW;
import static dev.vpnd.store.Fixtures.SCOPE;
import static dev.vpnd.store.Fixtures.tag;
import static dev.vpnd.store.Fixtures.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.vpnd.core.port.Stores;
import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class JdbcStorageTest extends StoreTestBase {
    private static final VpcStore.Filter ALL = VpcStore.Filter.any();

    @Test
    void createsTheDirectoryAndTheDatabaseFile() {
        assumeFalse(TestDatabase.postgres(), "SQLite only");
        assertThat(Files.isRegularFile(databaseFile())).isTrue();
    }

    @Test
    void connectionsRunWithTheDurableSettings() {
        assumeFalse(TestDatabase.postgres(), "SQLite only");
        for (boolean write : List.of(true, false)) {
            assertThat(storage.pragma(write, "journal_mode")).isEqualToIgnoringCase("wal");
            assertThat(storage.pragma(write, "synchronous")).isEqualTo("2"); // FULL
            assertThat(storage.pragma(write, "foreign_keys")).isEqualTo("1");
            assertThat(storage.pragma(write, "busy_timeout")).isEqualTo("10000");
        }
    }

    @Test
    void noWriteLockIsHeldBetweenWrites() throws Exception {
        assumeFalse(TestDatabase.postgres(), "SQLite only");
        storage.write((Stores s) -> {
            s.vpcs().insert(vpc(SCOPE, "one"), "");
            return null;
        });
        try (var other = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
                var statement = other.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 0");
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehindAndRethrowsTheProblemUnchanged() {
        var problem = new ProblemException(new Problem.NotFound(ResourceType.VPC, "x"));
        var vpc = vpc(SCOPE, "doomed");
        assertThatThrownBy(() -> storage.write((Stores s) -> {
            s.vpcs().insert(vpc, "tok");
            s.tags().put(SCOPE, ResourceType.VPC, vpc.id(), List.of(tag("k", "v")));
            s.accounts().insert(new Account("a-1", "alice", NOW));
            throw problem;
        })).isSameAs(problem);

        assertThat(storage.read((Stores s) -> s.vpcs().find(SCOPE, vpc.id()))).isEmpty();
        assertThat(storage.read((Stores s) -> s.tags().tagsOf(ResourceType.VPC, vpc.id()))).isEmpty();
        assertThat(storage.read((Stores s) -> s.accounts().list())).isEmpty();
        // the write connection is usable again, and the token is free
        storage.write((Stores s) -> {
            s.vpcs().insert(vpc, "tok");
            return null;
        });
        assertThat(storage.read((Stores s) -> s.vpcs().findByClientToken(SCOPE, "tok"))).isPresent();
    }

    @Test
    void aFailingStatementRollsBackTheWholeTransaction() {
        var first = vpc(SCOPE, "first");
        assertThatThrownBy(() -> storage.write((Stores s) -> {
            s.vpcs().insert(first, "");
            s.vpcs().insert(first, "");
            return null;
        })).isInstanceOf(StorageException.class);
        assertThat(storage.read((Stores s) -> s.vpcs().list(SCOPE, ALL, new PageRequest(0, 10))).total()).isZero();
    }

    @Test
    void dataSurvivesCloseAndReopen() {
        var vpc = vpc(SCOPE, "kept", tag("env", "prod"));
        var account = new Account("a-1", "alice", NOW);
        var key = new AccessKey("LTAIkey", new Secret("s3cret"), "a-1", true);
        storage.write((Stores s) -> {
            s.vpcs().insert(vpc, "tok");
            s.tags().put(SCOPE, ResourceType.VPC, vpc.id(), vpc.tags());
            s.accounts().insert(account);
            s.accounts().insertKey(key);
            return null;
        });

        reopen();

        assertThat(storage.read((Stores s) -> s.vpcs().find(SCOPE, vpc.id()))).contains(vpc);
        assertThat(storage.read((Stores s) -> s.accounts().findByName("alice"))).contains(account);
        assertThat(storage.read((Stores s) -> s.accounts().findKey("LTAIkey"))).contains(key);
        storage.write((Stores s) -> {
            s.vpcs().insert(vpc(SCOPE, "after reopen"), "");
            return null;
        });
        assertThat(storage.read((Stores s) -> s.vpcs().list(SCOPE, ALL, new PageRequest(0, 10))).items())
                .extracting(v -> v.name()).containsExactly("after reopen", "kept");
    }

    @Test
    void readsCannotWrite() {
        assertThatThrownBy(() -> storage.read((Stores s) -> {
            s.vpcs().insert(vpc(SCOPE, "nope"), "");
            return null;
        })).isInstanceOf(StorageException.class);
    }

    @Test
    void aWriteInsideAWriteIsRefused() {
        assertThatThrownBy(() -> storage.write((Stores s) -> storage.write((Stores t) -> null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentWritersAreSerializedAndAllCommitted() throws Exception {
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = new java.util.ArrayList<Future<?>>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                futures.add(pool.submit(() -> storage.write((Stores s) -> {
                    s.vpcs().insert(vpc(SCOPE, "v" + n), "t" + n);
                    return null;
                })));
                futures.add(pool.submit(() -> storage.read((Stores s) -> s.vpcs()
                        .list(SCOPE, ALL, new PageRequest(0, 5)))));
            }
            for (var f : futures) {
                f.get();
            }
        }
        assertThat(storage.read((Stores s) -> s.vpcs().list(SCOPE, ALL, new PageRequest(0, 0))).total()).isEqualTo(40);
    }
}
