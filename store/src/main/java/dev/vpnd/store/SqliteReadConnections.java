package dev.vpnd.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's read connections: a fixed number, lent without a lock. Readers wait neither for each
 * other (WAL) nor for the writer, so a few per core serve any number of request threads, which
 * wait for a turn in order.
 *
 * <p>Not a Hikari pool, unlike the write connection and PostgreSQL's: handing a connection back to
 * Hikari's bag needs a lock around it (see {@link PooledConnections}), and every request reads.
 * When the operating system paused a thread holding that lock, the virtual threads behind it
 * parked, each holding its turn; a parked virtual thread runs again only after everything queued
 * meanwhile, so once the turns ran out reads waited long after the lock was free (docs/design.md,
 * Storage). What this keeps of a pool: a connection lives at most {@link #LIFETIME}, so reads plan
 * with the statistics the write connection refreshes whenever it is reopened (SQLite loads them
 * with the schema); a broken or closed connection is dropped, and a taker that finds none idle
 * opens one in its place.
 */
final class SqliteReadConnections implements Connections {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteReadConnections.class);
    private static final String NAME = "vpnd-read";
    /** As Hikari's default maxLifetime, which the write connection has. */
    static final Duration LIFETIME = Duration.ofMinutes(30);

    private final StatementCachingDataSource source;
    private final long lifetimeNanos;
    /** One per connection, taken before the connection: a taker finds one idle or a place to open one. */
    private final Semaphore turns;
    /**
     * Last in, first out: the connection given back last is lent next, so the few that load keeps
     * busy (about one per core) keep their page caches warm.
     */
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    /** When each open connection is to be replaced (System.nanoTime). */
    private final Map<Connection, Long> retireAt = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private SqliteReadConnections(StatementCachingDataSource source, int size, Duration lifetime) {
        this.source = source;
        this.lifetimeNanos = lifetime.toNanos();
        this.turns = new Semaphore(size, true);
    }

    static SqliteReadConnections open(StatementCachingDataSource source, int size) throws SQLException {
        return open(source, size, LIFETIME);
    }

    static SqliteReadConnections open(StatementCachingDataSource source, int size, Duration lifetime)
            throws SQLException {
        var connections = new SqliteReadConnections(source, size, lifetime);
        var opened = new ArrayList<Connection>(size);
        try {
            for (int i = 0; i < size; i++) {
                opened.add(connections.openOne());
            }
        } catch (SQLException | RuntimeException e) {
            opened.forEach(connections::drop);
            throw e;
        }
        connections.idle.addAll(opened);
        return connections;
    }

    @Override
    public Connection take() throws SQLException {
        Connections.awaitTurn(turns, NAME);
        boolean lent = false;
        try {
            Connection connection = idle.pollFirst();
            if (closed) {
                if (connection != null) {
                    drop(connection);
                }
                throw new SQLException(NAME + ": closed");
            }
            if (connection != null && System.nanoTime() - retireAt.get(connection) > 0) {
                drop(connection);
                connection = null;
            }
            if (connection == null) {
                // Its place was freed by a connection dropped, retired or never replaced.
                connection = openOne();
            }
            lent = true;
            return connection;
        } finally {
            if (!lent) {
                turns.release();
            }
        }
    }

    /** A broken or closed connection is dropped; the next taker who finds none idle opens one in its place. */
    @Override
    public void giveBack(Connection connection, boolean broken) {
        if (broken || closed || isClosed(connection)) {
            drop(connection);
        } else {
            idle.offerFirst(connection);
        }
        turns.release();
        if (closed) {
            dropIdle();
        }
    }

    /** Closes the idle connections; one lent now is closed when it comes back. */
    @Override
    public void close() {
        closed = true;
        dropIdle();
    }

    private Connection openOne() throws SQLException {
        Connection connection = source.getConnection();
        // Spread, so that connections opened together are not all replaced at once.
        long jitter = ThreadLocalRandom.current().nextLong(lifetimeNanos / 40 + 1);
        retireAt.put(connection, System.nanoTime() + lifetimeNanos - jitter);
        return connection;
    }

    private void dropIdle() {
        for (Connection connection; (connection = idle.pollFirst()) != null;) {
            drop(connection);
        }
    }

    private void drop(Connection connection) {
        retireAt.remove(connection);
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing a read connection failed", e);
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
