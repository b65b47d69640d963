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
        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }
    };

    abstract boolean isUniqueViolation(SQLException e);

    /**
     * The next insertion-order number of {@code table}: a counter row bumped inside the caller's
     * transaction (portable; on PostgreSQL the row lock serializes inserts into one table until commit).
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
