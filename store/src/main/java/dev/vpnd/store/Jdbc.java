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

    Jdbc(Connection connection, SqlDialect dialect, SecretCipher cipher, AtomicBoolean plainTextRefused)
            throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.cipher = cipher;
        this.plainTextRefused = plainTextRefused;
        this.statements = connection.unwrap(StatementCache.class);
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

    private boolean plainTextRefused() {
        if (plainTextRefused.get()) {
            return true;
        }
        boolean refused = queryOne("SELECT plain_text_refused FROM sealing_key WHERE singleton = 1", List.of(),
                Row::bool).orElse(false);
        if (refused) {
            plainTextRefused.set(true);
        }
        return refused;
    }

    <T> List<T> query(String sql, List<?> params, RowMapper<T> mapper) {
        return run("query", sql, ps -> {
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
        var all = List.copyOf(ids);
        var out = new ArrayList<T>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            var params = new ArrayList<Object>(leadingParams);
            int size = inList(all.subList(from, Math.min(all.size(), from + IN_CHUNK)), params);
            out.addAll(query(sqlPrefix + placeholders(size) + sqlSuffix, params, mapper));
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
        return run("update", sql, ps -> {
            bind(ps, params);
            return ps.executeUpdate();
        });
    }

    void batch(String sql, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        run("batch", sql, ps -> {
            for (List<?> row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /**
     * Runs {@code use} on the cached statement of {@code sql}, leaving it with no parameters (see
     * {@link SqlDialect#clearParameters}); a statement that failed is closed, not reused.
     */
    private <T> T run(String what, String sql, Use<T> use) {
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
