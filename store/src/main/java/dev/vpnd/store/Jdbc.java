package dev.vpnd.store;

import dev.vpnd.core.model.Secret;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The statements of one transaction: prepared once per physical connection (see
 * {@link StatementCache}), plain values bound, rows mapped, SQLException turned unchecked. Every
 * secret bound ({@link SecretSlot.Filled}) is sealed for its slot and every one read
 * ({@link Row#secret}) opened, with the storage's {@link SecretCipher}, so no secret reaches the
 * database in plain text.
 */
final class Jdbc {
    /** Largest IN list per statement; SQLite and PostgreSQL both allow far more bind variables. */
    static final int IN_CHUNK = 500;
    /** IN lists up to this length keep their length; longer ones are padded (see {@link #inList}). */
    private static final int EXACT_IN = 16;

    private final Connection connection;
    private final SqlDialect dialect;
    private final StatementCache statements;
    private final SecretCipher cipher;
    /** The storage's: once the database is seen to refuse plain text, it is not asked again. */
    private final AtomicBoolean plainTextRefused;
    /** This transaction's answer while the database still took plain text (its snapshot's, for a read). */
    private boolean plainTextTaken;
    /**
     * True for a read without a transaction (see {@link #statementsOnOwnSnapshots}): its first
     * statement runs on a snapshot of its own, and so would each later one.
     */
    private final boolean ownSnapshots;
    private int statementsRun;

    Jdbc(Connection connection, SqlDialect dialect, SecretCipher cipher, AtomicBoolean plainTextRefused)
            throws SQLException {
        this(connection, dialect, cipher, plainTextRefused, false);
    }

    private Jdbc(Connection connection, SqlDialect dialect, SecretCipher cipher, AtomicBoolean plainTextRefused,
            boolean ownSnapshots) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.cipher = cipher;
        this.plainTextRefused = plainTextRefused;
        this.ownSnapshots = ownSnapshots;
        this.statements = connection.unwrap(StatementCache.class);
    }

    /**
     * Statements of a read on a connection in auto-commit, each its own transaction: no BEGIN and
     * no ROLLBACK, which on PostgreSQL are round trips of their own. Exact only while one statement
     * reads everything the work needs, so a second statement is refused with {@link SnapshotNeeded}
     * (and the read runs again in one transaction) unless it is {@link #queryChecked checked}.
     */
    static Jdbc statementsOnOwnSnapshots(Connection connection, SqlDialect dialect, SecretCipher cipher,
            AtomicBoolean plainTextRefused) throws SQLException {
        return new Jdbc(connection, dialect, cipher, plainTextRefused, true);
    }

    /**
     * Thrown where a read without a transaction needs a second snapshot to agree with its first;
     * the storage then runs the read again in one transaction. Carries no stack: it is control flow.
     */
    static final class SnapshotNeeded extends RuntimeException {
        SnapshotNeeded() {
            super("this read needs one snapshot", null, false, false);
        }
    }

    /**
     * Called where what a later statement read does not match what the first one did: a read
     * without a transaction then runs again in one ({@link SnapshotNeeded}); in a transaction
     * every statement reads one snapshot, so nothing happens.
     */
    void requireOneSnapshot() {
        if (ownSnapshots) {
            throw new SnapshotNeeded();
        }
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    @FunctionalInterface
    private interface Use<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    SqlDialect dialect() {
        return dialect;
    }

    SecretCipher cipher() {
        return cipher;
    }

    /** True in a read transaction, whose connection is read-only. */
    boolean readOnly() {
        try {
            return connection.isReadOnly();
        } catch (SQLException e) {
            throw dialect.failure("cannot tell a read from a write connection", e);
        }
    }

    /**
     * The secret stored in {@code slot}. Plain text was stored before sealing began and reads as it
     * is until {@code vpnd secrets reencrypt} has sealed every value, which the database then
     * records ({@code sealing_key.plain_text_refused}); from then on only someone writing to the
     * database directly can have put plain text there, and it is refused.
     */
    Secret openSecret(String stored, SecretSlot slot) {
        if (!SecretCipher.isSealed(stored) && plainTextRefused()) {
            throw new SecretKeyException("the secret in " + slot + " is not sealed, and this database refuses "
                    + "unsealed secrets since 'vpnd secrets reencrypt' sealed them all");
        }
        return new Secret(cipher.open(stored, slot));
    }

    /**
     * Asked once per transaction while the answer is no (a row may hold many secrets); the answer
     * only ever turns from no to yes, so it needs no snapshot of its own (see {@link #ownSnapshots}).
     */
    private boolean plainTextRefused() {
        if (plainTextRefused.get()) {
            return true;
        }
        if (plainTextTaken) {
            return false;
        }
        String sql = "SELECT plain_text_refused FROM sealing_key WHERE singleton = 1";
        boolean refused = run("query", sql, true, ps -> {
            try (var rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) != 0;
            }
        });
        if (refused) {
            plainTextRefused.set(true);
        } else {
            plainTextTaken = true;
        }
        return refused;
    }

    <T> List<T> query(String sql, List<?> params, RowMapper<T> mapper) {
        return query(sql, params, mapper, false);
    }

    /**
     * A query whose caller checks what it reads against what the transaction's first statement
     * read (the revisions listed, a total), and calls {@link #requireOneSnapshot} when they differ:
     * so it may run on a later snapshot than the first in a read without a transaction.
     */
    <T> List<T> queryChecked(String sql, List<?> params, RowMapper<T> mapper) {
        return query(sql, params, mapper, true);
    }

    private <T> List<T> query(String sql, List<?> params, RowMapper<T> mapper, boolean checked) {
        return run("query", sql, checked, ps -> {
            bind(ps, params);
            try (var rs = ps.executeQuery()) {
                var row = new Row(rs, this);
                var out = new ArrayList<T>();
                while (row.next()) {
                    out.add(mapper.map(row));
                }
                return out;
            }
        });
    }

    <T> Optional<T> queryOne(String sql, List<?> params, RowMapper<T> mapper) {
        return query(sql, params, mapper).stream().findFirst();
    }

    long count(String sql, List<?> params) {
        return queryOne(sql, params, Row::int64).orElse(0L);
    }

    /** Runs {@code sqlPrefix + "(?, ...)" + sqlSuffix} once per chunk of {@code ids}, rows concatenated. */
    <T> List<T> queryIn(String sqlPrefix, List<?> leadingParams, Collection<String> ids, String sqlSuffix,
            RowMapper<T> mapper) {
        return queryIn(sqlPrefix, leadingParams, ids, sqlSuffix, mapper, false);
    }

    /** {@link #queryIn}, {@link #queryChecked checked}. */
    <T> List<T> queryInChecked(String sqlPrefix, Collection<String> ids, RowMapper<T> mapper) {
        return queryIn(sqlPrefix, List.of(), ids, "", mapper, true);
    }

    private <T> List<T> queryIn(String sqlPrefix, List<?> leadingParams, Collection<String> ids, String sqlSuffix,
            RowMapper<T> mapper, boolean checked) {
        var all = List.copyOf(ids);
        var out = new ArrayList<T>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            var params = new ArrayList<Object>(leadingParams);
            int size = inList(all.subList(from, Math.min(all.size(), from + IN_CHUNK)), params);
            out.addAll(query(sqlPrefix + placeholders(size) + sqlSuffix, params, mapper, checked));
        }
        return out;
    }

    /**
     * Adds {@code values} to {@code params} as an IN list and returns its length. Lists longer than
     * {@value #EXACT_IN} are padded with their last value to the next power of two (at most
     * {@value #IN_CHUNK}), so a few statements serve every length; a repeated value changes nothing.
     */
    private static int inList(List<String> values, List<Object> params) {
        int size = values.size() <= EXACT_IN ? values.size()
                : Math.min(IN_CHUNK, Integer.highestOneBit(values.size() - 1) << 1);
        params.addAll(values);
        params.addAll(Collections.nCopies(size - values.size(), values.getLast()));
        return size;
    }

    int update(String sql, List<?> params) {
        return run("update", sql, false, ps -> {
            bind(ps, params);
            return ps.executeUpdate();
        });
    }

    void batch(String sql, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        run("batch", sql, false, ps -> {
            for (List<?> row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /**
     * Runs {@code use} on the cached statement of {@code sql}, leaving it with no parameters (see
     * {@link SqlDialect#clearParameters}); a statement that failed is closed, not reused. In a read
     * without a transaction only the first statement, and {@code checked} ones, may run.
     */
    private <T> T run(String what, String sql, boolean checked, Use<T> use) {
        if (ownSnapshots && statementsRun++ > 0 && !checked) {
            throw new SnapshotNeeded();
        }
        try {
            PreparedStatement statement = statements.get(sql);
            T result = use.run(statement);
            dialect.clearParameters(statement);
            return result;
        } catch (SQLException e) {
            statements.discard(sql);
            throw dialect.failure(what + " failed: " + sql, e);
        } catch (RuntimeException | Error e) {
            statements.discard(sql);
            throw e;
        }
    }

    /** "(?, ?, ?)" for {@code n} values. */
    static String placeholders(int n) {
        return "(" + String.join(", ", Collections.nCopies(n, "?")) + ")";
    }

    /**
     * Binds plain values: booleans as 0/1, instants as epoch millis, enums by name, secrets sealed;
     * null as an untyped NULL (accepted for any column type by both drivers).
     */
    private void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            int n = i + 1;
            switch (params.get(i)) {
                case null -> ps.setNull(n, Types.NULL);
                case String s -> ps.setString(n, s);
                case Long l -> ps.setLong(n, l);
                case Integer v -> ps.setInt(n, v);
                case Boolean b -> ps.setInt(n, b ? 1 : 0);
                case Instant t -> ps.setLong(n, t.toEpochMilli());
                case Enum<?> e -> ps.setString(n, e.name());
                case SecretSlot.Filled f when f.secret() == null -> ps.setNull(n, Types.NULL);
                case SecretSlot.Filled f -> ps.setString(n, cipher.seal(f.secret().value(), f.slot()));
                case Secret s ->
                        throw new IllegalArgumentException("a secret is bound with its slot (SecretSlot.with)");
                default -> throw new IllegalArgumentException("cannot bind " + params.get(i).getClass());
            }
        }
    }
}
