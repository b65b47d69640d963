package dev.vpnd.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteReadConnectionsTest {
    @TempDir
    Path directory;

    private StatementCachingDataSource source() {
        String url = "jdbc:sqlite:" + directory.resolve("read.db");
        return new StatementCachingDataSource(() -> DriverManager.getConnection(url));
    }

    @Test
    void aTakerBeyondTheSetWaitsForAConnectionToComeBack() throws Exception {
        try (var connections = SqliteReadConnections.open(source(), 2)) {
            Connection first = connections.take();
            Connection second = connections.take();
            var third = CompletableFuture.supplyAsync(() -> {
                try {
                    return connections.take();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(100);
            assertThat(third).isNotDone();
            connections.giveBack(second, false);
            assertThat(third.get(5, TimeUnit.SECONDS)).isSameAs(second);
            connections.giveBack(first, false);
            connections.giveBack(second, false);
        }
    }

    @Test
    void aBrokenConnectionIsClosedAndReplaced() throws Exception {
        try (var connections = SqliteReadConnections.open(source(), 1)) {
            Connection broken = connections.take();
            connections.giveBack(broken, true);
            assertThat(broken.isClosed()).isTrue();
            Connection replacement = connections.take();
            assertThat(replacement).isNotSameAs(broken);
            assertThat(replacement.isClosed()).isFalse();
            connections.giveBack(replacement, false);
        }
    }

    @Test
    void closingClosesIdleConnectionsAndThoseLentWhenTheyComeBack() throws Exception {
        var connections = SqliteReadConnections.open(source(), 2);
        Connection lent = connections.take();
        Connection idle = connections.take();
        connections.giveBack(idle, false);
        connections.close();
        assertThat(idle.isClosed()).isTrue();
        assertThat(lent.isClosed()).isFalse();
        connections.giveBack(lent, false);
        assertThat(lent.isClosed()).isTrue();
    }

    @Test
    void manyVirtualThreadsNeverHoldMoreThanTheSetAndAllGetOne() throws Exception {
        int size = 3;
        var inUse = new AtomicInteger();
        var most = new AtomicInteger();
        try (var connections = SqliteReadConnections.open(source(), size);
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var done = new ArrayList<CompletableFuture<Void>>();
            for (int i = 0; i < 200; i++) {
                done.add(CompletableFuture.runAsync(() -> {
                    for (int round = 0; round < 50; round++) {
                        try {
                            Connection connection = connections.take();
                            most.accumulateAndGet(inUse.incrementAndGet(), Math::max);
                            try (var statement = connection.createStatement()) {
                                statement.execute("SELECT 1");
                            }
                            inUse.decrementAndGet();
                            connections.giveBack(connection, false);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }, threads));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        assertThat(most.get()).isBetween(1, size);
    }
}
