package dev.vpnd.store;

import dev.vpnd.core.port.Stores;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * SQLite's writes with group commit: one thread takes the write transactions queued meanwhile, at
 * most {@value #MAX_BATCH}, and runs them in one database transaction, each inside a SAVEPOINT of
 * its own, so one COMMIT (one WAL sync under {@code synchronous=FULL}) makes them all durable. A
 * transaction whose work throws is rolled back to its savepoint only; the others keep their
 * changes. No caller learns its outcome before the COMMIT has returned, failures included (a
 * failure may have seen another member's changes), so nothing answered is ever lost. When the
 * batch itself fails (its BEGIN, a savepoint or the COMMIT), each member runs again in a
 * transaction of its own and gets that outcome: a write's work is pure database work, so running
 * it anew is safe, as a PostgreSQL write's retry is.
 *
 * <p>The queue is first come first served and the members of a batch run in their order, so a
 * write sees every write queued before it, as with one connection taken in turns.
 */
final class SqliteWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteWriter.class);
    /** Enough to share one sync among every request thread a node runs at once, few enough to bound a batch. */
    static final int MAX_BATCH = 256;
    private static final String SAVEPOINT = "SAVEPOINT member";
    private static final String RELEASE = "RELEASE member";
    private static final String ROLLBACK_TO = "ROLLBACK TO member";

    /** What the writer needs of the storage: the statements of a transaction on {@code connection}. */
    @FunctionalInterface
    interface Transactions {
        Stores on(Connection connection) throws SQLException;
    }

    private final Connections connections;
    private final Transactions transactions;
    private final SqlDialect dialect = SqlDialect.SQLITE;
    /** Put in the queue by {@link #close()} to wake the writer; never run. */
    private static final Pending<Object> STOP = new Pending<>(stores -> null, null);

    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    SqliteWriter(Connections connections, Transactions transactions) {
        this.connections = connections;
        this.transactions = transactions;
        this.thread = Thread.ofPlatform().name("vpnd-sqlite-writer").daemon().unstarted(this::loop);
        thread.start();
    }

    /** A queued write: its work, the caller's log context, and its outcome once committed. */
    private static final class Pending<T> {
        final Function<Stores, T> work;
        final Map<String, String> logContext;
        final CompletableFuture<T> done = new CompletableFuture<>();
        T result;
        Throwable failure;

        Pending(Function<Stores, T> work, Map<String, String> logContext) {
            this.work = work;
            this.logContext = logContext;
        }

        void run(Stores stores) {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            result = null;
            failure = null;
            try {
                result = work.apply(stores);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                if (previous == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(previous);
                }
            }
        }

        void complete() {
            if (failure == null) {
                done.complete(result);
            } else {
                done.completeExceptionally(failure);
            }
        }
    }

    /** Writes queued and not yet taken into a transaction. */
    int queued() {
        return queue.size();
    }

    /** Whether the calling thread is the writer's, i.e. inside a write's work. */
    boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Queues {@code work} and waits, without being interrupted (its fate is sealed once queued), until
     * its transaction has committed or failed; returns its result or rethrows its failure unchanged.
     */
    <T> T write(Function<Stores, T> work) {
        var pending = new Pending<>(work, MDC.getCopyOfContextMap());
        if (closed) {
            throw new IllegalStateException("the storage is closed");
        }
        queue.add(pending);
        if (closed) {
            // close() may have drained the queue before this was added: fail whatever it left.
            failQueued();
        }
        try {
            return pending.done.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error r -> throw r;
                case null, default -> throw e;
            }
        }
    }

    /**
     * Takes batches until closed. Should the thread end any other way (an Error outside a batch), the
     * storage refuses writes from then on and no caller is left waiting.
     */
    private void loop() {
        var batch = new ArrayList<Pending<?>>(MAX_BATCH);
        try {
            while (!closed) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    continue; // the loop's test decides
                }
                queue.drainTo(batch, MAX_BATCH - 1);
                batch.removeIf(pending -> pending == STOP);
                if (batch.isEmpty()) {
                    continue;
                }
                try {
                    runBatch(batch);
                } catch (RuntimeException | Error e) {
                    // Whoever is left waiting gets the failure (a completed member keeps its outcome).
                    for (Pending<?> pending : batch) {
                        pending.done.completeExceptionally(e);
                    }
                }
                batch.clear();
            }
        } finally {
            closed = true;
            var stopped = new IllegalStateException("the storage's writer has stopped");
            for (Pending<?> pending : batch) {
                pending.done.completeExceptionally(stopped);
            }
            failQueued();
        }
    }

    /**
     * Runs {@code batch} in one transaction and completes every member; when the transaction as a
     * whole fails, runs each member alone, and a member alone that fails so gets that failure.
     */
    private void runBatch(List<Pending<?>> batch) {
        try {
            inOneTransaction(batch);
            batch.forEach(Pending::complete);
            return;
        } catch (SQLException | StorageException e) {
            if (batch.size() == 1) {
                Pending<?> alone = batch.getFirst();
                if (alone.failure == null) {
                    alone.failure = e instanceof SQLException sql ? dialect.failure("write transaction failed", sql)
                            : e;
                }
                alone.complete();
                return;
            }
            LOG.warn("a transaction of {} writes failed as a whole; running each alone", batch.size(), e);
        }
        for (Pending<?> pending : batch) {
            runBatch(List.of(pending));
        }
    }

    /**
     * Runs {@code members} in one transaction, each in a savepoint of its own, and records each one's
     * result or failure. Throws when the transaction as a whole failed, after which no member's
     * outcome counts.
     */
    private void inOneTransaction(List<Pending<?>> members) throws SQLException {
        Connection connection = connections.take();
        boolean[] broken = {false};
        try {
            runMembers(connection, members, broken);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connections.giveBack(connection, broken[0]);
            } catch (SQLException | RuntimeException giveBack) {
                e.addSuppressed(giveBack);
            }
            throw e;
        }
        try {
            connections.giveBack(connection, broken[0]);
        } catch (SQLException | RuntimeException e) {
            // The members' outcomes are on disk: failing the batch now would run them a second time.
            LOG.warn("the write connection failed after its transaction committed", e);
        }
    }

    /** The members in their savepoints and the COMMIT; {@code broken[0]} is set if the connection is unusable. */
    private void runMembers(Connection connection, List<Pending<?>> members, boolean[] broken) throws SQLException {
        var statements = connection.unwrap(StatementCache.class);
        connection.setAutoCommit(false);
        boolean ended = false;
        try {
            for (Pending<?> member : members) {
                statements.execute(SAVEPOINT);
                member.run(transactions.on(connection));
                if (member.failure != null) {
                    statements.execute(ROLLBACK_TO);
                }
                statements.execute(RELEASE);
            }
            connection.commit();
            ended = true;
        } finally {
            if (!ended) {
                try {
                    connection.rollback();
                } catch (SQLException e) {
                    LOG.warn("rollback failed", e);
                }
            }
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.warn("discarding the write connection, which could not leave its transaction", e);
                broken[0] = true;
            }
        }
    }

    private void failQueued() {
        for (Pending<?> pending; (pending = queue.poll()) != null;) {
            pending.done.completeExceptionally(new IllegalStateException("the storage is closed"));
        }
    }

    /**
     * Lets the batch under way commit, then stops the thread; writes still queued and later ones are
     * refused ("the storage is closed").
     */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued();
    }
}
