package dev.vpnd.store;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between the databases vpnd runs on. The migrations and every query are shared; only
 * error classification lives here, the insertion-order counter, and what makes each driver fast.
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

        /*
         * sqlite-jdbc hands each getString value over in a fresh direct ByteBuffer; getBytes copies
         * the same UTF-8 bytes (vpnd's databases are UTF-8) into an array, in about half the time.
         */
        @Override
        String text(ResultSet rs, int column) throws SQLException {
            byte[] utf8 = rs.getBytes(column);
            return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
        }

        /*
         * Nothing: clearing the bindings (sqlite3_clear_bindings) marks the statement for a full
         * re-prepare on its next run, as costly as preparing it afresh. Each use binds every
         * parameter anew (the SQL text fixes how many there are), and the closed result set has
         * already reset the statement.
         */
        @Override
        void clearParameters(PreparedStatement statement) {
        }
    },
    POSTGRESQL {
        /*
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

        /* A native sequence: no row every inserting transaction must lock, so no conflicts between nodes. */
        @Override
        long nextSeq(Jdbc db, String table) {
            return db.queryOne("SELECT nextval('" + table + "_seq')", List.of(), Row::int64).orElseThrow();
        }

        /*
         * "seq + 0" keeps PostgreSQL from walking the whole scope in seq order to skip a sort: the
         * window count needs every match anyway, and matches are far fewer than rows, so starting
         * from the tags index is much faster (docs/design.md, Storage).
         */
        @Override
        String tagFilteredOrder() {
            return "r.seq + 0";
        }

        @Override
        String[] migrationLocations() {
            return new String[] {"classpath:db/migration", "classpath:db/postgresql"};
        }

        /* The database's collation may be a locale's; "C" compares bytes, as SQLite's BINARY does. */
        @Override
        String byCodePoint(String textExpression) {
            return "(" + textExpression + ") COLLATE \"C\"";
        }

        /*
         * Writes run READ COMMITTED, so a row a write reads is locked until it commits: a create
         * holding its gateway's row cannot interleave with that gateway's delete, and two changes of
         * one resource take turns. Reads (read-only connections) take no locks.
         */
        @Override
        String rowLock(Jdbc db) {
            return db.readOnly() ? "" : " FOR UPDATE";
        }

        /*
         * A transaction-level advisory lock: no row need exist for it, and PostgreSQL releases it
         * at commit or rollback, whichever node holds it.
         */
        @Override
        void lockUntilCommit(Jdbc db, long key) {
            db.query("SELECT pg_advisory_xact_lock(?)", List.of(key), row -> Boolean.TRUE);
        }
    };

    abstract boolean isRetryable(SQLException e);

    abstract boolean isUniqueViolation(SQLException e);

    String[] migrationLocations() {
        return new String[] {"classpath:db/migration"};
    }

    /**
     * A text expression compared and sorted by code point (the bytes of its UTF-8), whatever the
     * database's collation: SQLite's default, BINARY, already does.
     */
    String byCodePoint(String textExpression) {
        return textExpression;
    }

    /** The sort key of a tag-filtered list; SQLite's plan already starts from the tags index. */
    String tagFilteredOrder() {
        return "r.seq";
    }

    /** The clause that locks rows a write transaction reads; SQLite needs none, its writer is alone. */
    String rowLock(Jdbc db) {
        return "";
    }

    /**
     * Holds every other write transaction that asks for the same {@code key} until this one ends;
     * SQLite needs nothing, its one writer already runs write transactions one after another.
     */
    void lockUntilCommit(Jdbc db, long key) {
    }

    /** Leaves a cached statement without parameters once a call is done with it. */
    void clearParameters(PreparedStatement statement) throws SQLException {
        statement.clearParameters();
    }

    /** The text value of a column. */
    String text(ResultSet rs, int column) throws SQLException {
        return rs.getString(column);
    }

    /**
     * The next insertion-order number of {@code table}: a counter row bumped inside the caller's
     * transaction, so on SQLite (one writer) the order of seq is the order of commits.
     */
    long nextSeq(Jdbc db, String table) {
        db.update("UPDATE seq_counters SET last_value = last_value + 1 WHERE name = ?", List.of(table));
        return db.queryOne("SELECT last_value FROM seq_counters WHERE name = ?", List.of(table), Row::int64)
                .orElseThrow(() -> new IllegalStateException("no seq counter for " + table));
    }

    StorageException failure(String what, SQLException e) {
        return new StorageException(what, e, isUniqueViolation(e));
    }
}
