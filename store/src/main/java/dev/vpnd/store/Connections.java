package dev.vpnd.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Where a transaction takes its connection from and gives it back to, first come first served.
 * A connection given back broken (still inside a transaction it could not leave) is closed and
 * never lent again.
 */
sealed interface Connections extends AutoCloseable permits PooledConnections, SqliteReadConnections {
    /** How long a transaction waits for a connection before it fails, as Hikari's default. */
    long WAIT_MILLIS = 30_000;

    Connection take() throws SQLException;

    void giveBack(Connection connection, boolean broken) throws SQLException;

    @Override
    void close();

    /** Waits for one of {@code turns}, failing as a pool does when none comes in time. */
    static void awaitTurn(Semaphore turns, String name) throws SQLException {
        try {
            if (!turns.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException(name + ": no connection free after " + WAIT_MILLIS + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException(name + ": interrupted waiting for a connection");
        }
    }
}
