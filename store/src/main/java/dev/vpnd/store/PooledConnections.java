package dev.vpnd.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;

/**
 * Connections of a Hikari pool. Turns ({@code turns}) make the order first come first served:
 * Hikari lets a newcomer take a connection that a waiting thread was about to get, so with many
 * threads some waited seconds.
 *
 * <p>The bag lock is held while a connection is taken from or given back to the pool, so that no
 * two do either at once. Hikari's bag (7.1) counts a taker as waiting while it scans for a free
 * connection, and one who gives a connection back while anybody waits keeps offering it (yielding
 * between offers, parking 10 µs every 256th) until it is taken or nobody waits. The turns let a
 * taker in only when a connection is free, so the taker finds one by scanning and never takes the
 * offer; under steady load someone is nearly always scanning, and a giver, still holding its turn,
 * looped for seconds (docs/design.md, Storage). If the pool is replacing a connection, a taker may
 * have to wait for the replacement while holding the lock; givers then wait with it, for as long as
 * Hikari takes to open one.
 */
final class PooledConnections implements Connections {
    private final HikariDataSource pool;
    private final Semaphore turns;
    private final BriefLock bag = new BriefLock();

    PooledConnections(HikariDataSource pool) {
        this.pool = pool;
        this.turns = new Semaphore(pool.getMaximumPoolSize(), true);
    }

    @Override
    public Connection take() throws SQLException {
        Connections.awaitTurn(turns, pool.getPoolName());
        boolean taken = false;
        bag.lock();
        try {
            Connection connection = pool.getConnection();
            taken = true;
            return connection;
        } finally {
            bag.unlock();
            if (!taken) {
                turns.release();
            }
        }
    }

    @Override
    public void giveBack(Connection connection, boolean broken) throws SQLException {
        boolean closed = false;
        try {
            if (broken) {
                // Hikari closes an evicted connection at once, and must not see it closed again, when
                // it is still inside a transaction; otherwise only when it is given back (closed).
                closed = !connection.getAutoCommit();
                pool.evictConnection(connection);
            }
        } finally {
            bag.lock();
            try {
                if (!closed) {
                    connection.close();
                }
            } finally {
                bag.unlock();
                turns.release();
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
