package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.SCOPE;
import static dev.vpnd.store.Fixtures.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Many writers at once: every write that returned is there, and a write that failed takes no
 * other down. On SQLite the writes queued while one runs are committed together
 * ({@link SqliteWriter}); the tests there hold the writer so that a known group forms.
 */
class GroupCommitTest extends StoreTestBase {
    private static final int WRITERS = 64;
    private static final int WRITES_EACH = 20;

    @Test
    void manyConcurrentWritersAllLandAndTheFailingOnesTakeNoneDown() throws Exception {
        var futures = new ArrayList<Future<String>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < WRITERS; w++) {
                for (int i = 0; i < WRITES_EACH; i++) {
                    String token = "w" + w + "-" + i;
                    boolean fails = i % 5 == 4;
                    futures.add(threads.submit(() -> storage.write((Stores s) -> {
                        var vpc = vpc(SCOPE, token);
                        s.vpcs().insert(vpc, token);
                        if (fails) {
                            throw new ProblemException(new Problem.NotFound(ResourceType.VPC, token));
                        }
                        return vpc.id();
                    })));
                }
            }
        }
        var landed = new ArrayList<String>();
        int failed = 0;
        for (int k = 0; k < futures.size(); k++) {
            try {
                landed.add(futures.get(k).get());
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ProblemException.class);
                assertThat(k % WRITES_EACH % 5).as("only the writes that throw fail").isEqualTo(4);
                failed++;
            }
        }
        assertThat(failed).isEqualTo(WRITERS * WRITES_EACH / 5);
        var stored = storage.read((Stores s) -> s.vpcs().list(SCOPE, VpcStore.Filter.any(),
                new PageRequest(0, 2 * WRITERS * WRITES_EACH)));
        assertThat(stored.items()).extracting(v -> v.id()).containsExactlyInAnyOrderElementsOf(landed);
        assertThat(stored.items()).extracting(v -> v.name()).noneMatch(name -> name.endsWith("-4")
                || name.endsWith("-9") || name.endsWith("-14") || name.endsWith("-19"));
    }

    @Test
    void aFailingWriteOfAGroupIsRolledBackAloneAndEveryAnswerFollowsTheCommit() throws Exception {
        assumeFalse(TestDatabase.postgres(), "SQLite's group commit");
        var problem = new ProblemException(new Problem.NotFound(ResourceType.VPC, "x"));
        var outcomes = whileTheWriterIsHeld(List.of(
                insertAndSeeCommitted("first", "first"),
                s -> {
                    s.vpcs().insert(vpc(SCOPE, "doomed"), "shared");
                    throw problem;
                },
                // Runs after the failed write in the same transaction: the token is free again.
                insertAndSeeCommitted("second", "shared")));

        assertThat(outcomes.get(0).get()).isEqualTo("first seen committed");
        assertThatThrownBy(() -> outcomes.get(1).get()).cause().isSameAs(problem);
        assertThat(outcomes.get(2).get()).isEqualTo("second seen committed");
        assertThat(names()).containsExactlyInAnyOrder("held", "first", "second");
    }

    @Test
    void aGroupThatFailsAsAWholeRunsEachWriteAlone() throws Exception {
        assumeFalse(TestDatabase.postgres(), "SQLite's group commit");
        var outcomes = whileTheWriterIsHeld(List.of(
                insertAndSeeCommitted("first", "first"),
                s -> {
                    // Ends the group's transaction under the writer: its next savepoint statement fails.
                    ((JdbcStores) s).db().update("ROLLBACK", List.of());
                    return "never answered";
                },
                insertAndSeeCommitted("second", "second")));

        assertThat(outcomes.get(0).get()).isEqualTo("first seen committed");
        assertThatThrownBy(() -> outcomes.get(1).get()).cause().isInstanceOf(StorageException.class);
        assertThat(outcomes.get(2).get()).isEqualTo("second seen committed");
        assertThat(names()).containsExactlyInAnyOrder("held", "first", "second");
        storage.write((Stores s) -> {
            s.vpcs().insert(vpc(SCOPE, "afterwards"), "");
            return null;
        });
        assertThat(names()).contains("afterwards");
    }

    /** A write that inserts a VPC named {@code name} and answers its name. */
    private Function<Stores, String> insertAndSeeCommitted(String name, String token) {
        return s -> {
            s.vpcs().insert(vpc(SCOPE, name), token);
            return name;
        };
    }

    /**
     * Holds the writer inside a first write, queues {@code writes} behind it (so they form one
     * group), lets it go, and returns each write's outcome; a successful one is checked committed
     * on a connection of its own as soon as its caller has it.
     */
    private List<Future<String>> whileTheWriterIsHeld(List<Function<Stores, String>> writes) throws Exception {
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var outcomes = new ArrayList<Future<String>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var held = threads.submit(() -> storage.write((Stores s) -> {
                s.vpcs().insert(vpc(SCOPE, "held"), "held");
                holding.countDown();
                await(release);
                return "held";
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            for (var write : writes) {
                outcomes.add(threads.submit(() -> {
                    String name = storage.write(write);
                    return name + (committedNames().contains(name) ? " seen committed" : " not committed");
                }));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (storage.queuedWrites() < outcomes.size() && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
            }
            assertThat(storage.queuedWrites()).isEqualTo(writes.size());
            release.countDown();
            assertThat(held.get()).isEqualTo("held");
            for (var outcome : outcomes) {
                try {
                    outcome.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // each test looks at its failures
                }
            }
        }
        return outcomes;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The VPC names a connection of its own sees committed in the SQLite file. */
    private List<String> committedNames() throws SQLException {
        var names = new ArrayList<String>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT name FROM vpcs")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private List<String> names() {
        return storage.read((Stores s) -> s.vpcs().list(SCOPE, VpcStore.Filter.any(), new PageRequest(0, 100)))
                .items().stream().map(v -> v.name()).toList();
    }
}
