package dev.vpnd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteReadConnectionsTest {
    @TempDir
    Path directory;

    private StatementCachingDataSource source() {
        String url = "jdbc:sqlite:" + directory.resolve("read.db");
        return new StatementCachingDataSource(() -> DriverManager.getConnection(url));
    }

    private static void query(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    @Test
    void aTakerBeyondTheSetWaitsForAConnectionToComeBack() throws Exception {
        try (var connections = SqliteReadConnections.open(source(), 2)) {
            Connection first = connections.take();
            Connection second = connections.take();
            var waiter = new AtomicReference<Thread>();
            var third = CompletableFuture.supplyAsync(() -> {
                waiter.set(Thread.currentThread());
                try {
                    return connections.take();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (waiter.get() == null || waiter.get().getState() != Thread.State.TIMED_WAITING) {
                Thread.sleep(5);
            }
            assertThat(third).isNotDone();
            connections.giveBack(second, false);
            assertThat(third.get(5, TimeUnit.SECONDS)).isSameAs(second);
            connections.giveBack(first, false);
            connections.giveBack(second, false);
        }
    }

    @Test
    void theConnectionGivenBackLastIsLentNext() throws Exception {
        try (var connections = SqliteReadConnections.open(source(), 3)) {
            Connection first = connections.take();
            Connection second = connections.take();
            connections.giveBack(first, false);
            connections.giveBack(second, false);
            assertThat(connections.take()).isSameAs(second);
        }
    }

    @Test
    void aBrokenOrClosedConnectionIsDroppedAndAnotherOpenedInItsPlace() throws Exception {
        try (var connections = SqliteReadConnections.open(source(), 1)) {
            Connection broken = connections.take();
            connections.giveBack(broken, true);
            assertThat(broken.isClosed()).isTrue();
            Connection replacement = connections.take();
            query(replacement);
            replacement.close();
            connections.giveBack(replacement, false);
            Connection next = connections.take();
            assertThat(next).isNotSameAs(replacement);
            query(next);
            connections.giveBack(next, false);
        }
    }

    @Test
    void aConnectionPastItsLifetimeIsReplacedWhenTaken() throws Exception {
        try (var connections = SqliteReadConnections.open(source(), 1, Duration.ofMillis(50))) {
            Connection old = connections.take();
            connections.giveBack(old, false);
            Thread.sleep(100);
            Connection fresh = connections.take();
            assertThat(old.isClosed()).isTrue();
            query(fresh);
            connections.giveBack(fresh, false);
        }
    }

    @Test
    void closingClosesIdleConnectionsThoseLentWhenTheyComeBackAndRefusesTakers() throws Exception {
        var connections = SqliteReadConnections.open(source(), 2);
        Connection lent = connections.take();
        Connection idle = connections.take();
        connections.giveBack(idle, false);
        connections.close();
        assertThat(idle.isClosed()).isTrue();
        assertThat(lent.isClosed()).isFalse();
        assertThatThrownBy(connections::take).isInstanceOf(SQLException.class).hasMessageContaining("closed");
        connections.giveBack(lent, false);
        assertThat(lent.isClosed()).isTrue();
        // The refused taker gave its turn back: two more are refused the same way, not left waiting.
        assertThatThrownBy(connections::take).hasMessageContaining("closed");
        assertThatThrownBy(connections::take).hasMessageContaining("closed");
    }

    @Test
    void manyVirtualThreadsNeverShareAConnection() throws Exception {
        int size = 3;
        Set<Connection> lent = ConcurrentHashMap.newKeySet();
        try (var connections = SqliteReadConnections.open(source(), size);
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var done = new ArrayList<CompletableFuture<Void>>();
            for (int i = 0; i < 200; i++) {
                done.add(CompletableFuture.runAsync(() -> {
                    for (int round = 0; round < 50; round++) {
                        try {
                            Connection connection = connections.take();
                            if (!lent.add(connection)) {
                                throw new IllegalStateException("lent twice at once: " + connection);
                            }
                            assertThat(lent.size()).isLessThanOrEqualTo(size);
                            query(connection);
                            lent.remove(connection);
                            connections.giveBack(connection, false);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }, threads));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
    }
}
