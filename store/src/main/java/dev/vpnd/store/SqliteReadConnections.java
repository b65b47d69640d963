package dev.vpnd.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's read connections: a fixed set, all open from the start, lent without a lock. Readers
 * wait neither for each other (WAL) nor for the writer, so a few per core serve any number of
 * request threads, which wait for a turn in order.
 *
 * <p>Not a Hikari pool, unlike the write connection and PostgreSQL's: handing a connection back to
 * Hikari's bag needs a lock around it (see {@link PooledConnections}), and every request reads.
 * When the operating system paused a thread holding that lock, the virtual threads behind it
 * parked, each holding its turn; a parked virtual thread runs again only after everything queued
 * meanwhile, and once the turns ran out one read in a hundred waited 8 to 11 ms (README,
 * Benchmark). What Hikari adds besides does not apply to an embedded file: no connection goes
 * stale, and none is opened on demand.
 */
final class SqliteReadConnections implements Connections {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteReadConnections.class);

    private final StatementCachingDataSource source;
    /** One per idle connection, taken before the connection: a taker always finds one. */
    private final Semaphore turns;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private SqliteReadConnections(StatementCachingDataSource source, int size) {
        this.source = source;
        this.turns = new Semaphore(size, true);
    }

    static SqliteReadConnections open(StatementCachingDataSource source, int size) throws SQLException {
        var connections = new SqliteReadConnections(source, size);
        var opened = new ArrayList<Connection>(size);
        try {
            for (int i = 0; i < size; i++) {
                opened.add(source.getConnection());
            }
        } catch (SQLException | RuntimeException e) {
            opened.forEach(SqliteReadConnections::closeQuietly);
            throw e;
        }
        connections.idle.addAll(opened);
        return connections;
    }

    @Override
    public Connection take() throws SQLException {
        Connections.awaitTurn(turns, "vpnd-read");
        Connection connection = idle.poll();
        if (connection == null) {
            turns.release();
            throw new SQLException("vpnd-read: closed");
        }
        return connection;
    }

    /**
     * A broken connection is replaced by a new one; if none can be opened, its turn goes with it
     * and reads share the connections left.
     */
    @Override
    public void giveBack(Connection connection, boolean broken) {
        Connection returned = connection;
        if (broken) {
            closeQuietly(connection);
            try {
                returned = source.getConnection();
            } catch (SQLException | RuntimeException e) {
                LOG.error("could not replace a broken read connection; reads go on with one fewer", e);
                return;
            }
        }
        idle.offer(returned);
        turns.release();
        if (closed) {
            closeIdle();
        }
    }

    /** Closes the idle connections; one lent now is closed when it comes back. */
    @Override
    public void close() {
        closed = true;
        closeIdle();
    }

    private void closeIdle() {
        for (Connection connection; (connection = idle.poll()) != null;) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing a read connection failed", e);
        }
    }
}
