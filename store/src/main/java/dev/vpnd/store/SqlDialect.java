package dev.vpnd.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between the databases vpnd runs on. The migrations and every query are shared; only
 * error classification lives here, and the insertion-order counter so that PostgreSQL may later
 * switch to a native sequence without touching the stores.
 */
public enum SqlDialect {
    SQLITE {
        @Override
        boolean isRetryable(SQLException e) {
            // One writer at a time: a conflict cannot happen, and busy_timeout waits out readers.
            return false;
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            if (e instanceof SQLiteException se) {
                var code = se.getResultCode();
                return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                        || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
            }
            return false;
        }
    },
    POSTGRESQL {
        /**
         * Deadlocks, and unique violations: services check before they insert (a client token, an
         * address), so a concurrent twin's insert means the check must run again and will then find
         * the winner. (Serialization failures too, should a transaction ever run above READ COMMITTED.)
         */
        @Override
        boolean isRetryable(SQLException e) {
            String state = e.getSQLState();
            return "40001".equals(state) || "40P01".equals(state) || "23505".equals(state);
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }

        /** A native sequence: no row every inserting transaction must lock, so no conflicts between nodes. */
        @Override
        long nextSeq(Connection connection, String table) {
            return Jdbc.queryOne(connection, this, "SELECT nextval('" + table + "_seq')", java.util.List.of(),
                    rs -> rs.getLong(1)).orElseThrow();
        }

        /**
         * A lost nonce row re-opens a replay window but never makes data inconsistent, so nonce
         * transactions need not wait for the WAL flush; everything else keeps full durability.
         */
        @Override
        void relaxCommitDurability(Connection connection) {
            Jdbc.update(connection, this, "SET LOCAL synchronous_commit = off", java.util.List.of());
        }

        @Override
        String[] migrationLocations() {
            return new String[] {"classpath:db/migration", "classpath:db/postgresql"};
        }

        /**
         * Writes run READ COMMITTED, so a row a write reads is locked until it commits: a create
         * holding its gateway's row cannot interleave with that gateway's delete, and two changes of
         * one resource take turns. Reads (read-only connections) take no locks.
         */
        @Override
        String rowLock(Connection connection) {
            try {
                return connection.isReadOnly() ? "" : " FOR UPDATE";
            } catch (SQLException e) {
                throw failure("cannot tell a read from a write connection", e);
            }
        }
    };

    abstract boolean isRetryable(SQLException e);

    abstract boolean isUniqueViolation(SQLException e);

    String[] migrationLocations() {
        return new String[] {"classpath:db/migration"};
    }

    /** The clause that locks rows a write transaction reads; SQLite needs none, its writer is alone. */
    String rowLock(Connection connection) {
        return "";
    }

    /** Lets the current transaction commit without waiting for durable storage, where the database can. */
    void relaxCommitDurability(Connection connection) {
    }

    /**
     * The next insertion-order number of {@code table}: a counter row bumped inside the caller's
     * transaction, so on SQLite (one writer) the order of seq is the order of commits.
     */
    long nextSeq(Connection connection, String table) {
        Jdbc.update(connection, this, "UPDATE seq_counters SET last_value = last_value + 1 WHERE name = ?",
                java.util.List.of(table));
        return Jdbc.queryOne(connection, this, "SELECT last_value FROM seq_counters WHERE name = ?",
                java.util.List.of(table), rs -> rs.getLong(1))
                .orElseThrow(() -> new IllegalStateException("no seq counter for " + table));
    }

    StorageException failure(String what, SQLException e) {
        return new StorageException(what, e, isUniqueViolation(e));
    }
}
