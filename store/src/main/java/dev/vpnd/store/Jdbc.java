package dev.vpnd.store;

import dev.vpnd.core.model.Secret;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Prepared-statement plumbing: binding plain values and mapping rows, SQLException turned unchecked. */
final class Jdbc {
    /** Largest IN list per statement; SQLite and PostgreSQL both allow far more bind variables. */
    static final int IN_CHUNK = 500;

    private Jdbc() {
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> query(Connection c, SqlDialect dialect, String sql, List<?> params, RowMapper<T> mapper) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                var out = new ArrayList<T>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw dialect.failure("query failed: " + sql, e);
        }
    }

    static <T> Optional<T> queryOne(Connection c, SqlDialect dialect, String sql, List<?> params,
            RowMapper<T> mapper) {
        return query(c, dialect, sql, params, mapper).stream().findFirst();
    }

    static long count(Connection c, SqlDialect dialect, String sql, List<?> params) {
        return queryOne(c, dialect, sql, params, rs -> rs.getLong(1)).orElse(0L);
    }

    /** Runs {@code sqlPrefix + "(?, ...)" + sqlSuffix} once per chunk of {@code ids}, rows concatenated. */
    static <T> List<T> queryIn(Connection c, SqlDialect dialect, String sqlPrefix, List<?> leadingParams,
            Collection<String> ids, String sqlSuffix, RowMapper<T> mapper) {
        var all = List.copyOf(ids);
        var out = new ArrayList<T>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            var chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            var params = new ArrayList<Object>(leadingParams);
            params.addAll(chunk);
            out.addAll(query(c, dialect, sqlPrefix + placeholders(chunk.size()) + sqlSuffix, params, mapper));
        }
        return out;
    }

    static int update(Connection c, SqlDialect dialect, String sql, List<?> params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw dialect.failure("update failed: " + sql, e);
        }
    }

    static void batch(Connection c, SqlDialect dialect, String sql, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (List<?> row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw dialect.failure("batch failed: " + sql, e);
        }
    }

    /** "(?, ?, ?)" for {@code n} values. */
    static String placeholders(int n) {
        return "(" + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
    }

    /**
     * Binds plain values: booleans as 0/1, instants as epoch millis, enums by name, secrets as their
     * text; null as an untyped NULL (accepted for any column type by both drivers).
     */
    static void bind(PreparedStatement ps, List<?> params) throws SQLException {
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
                case Secret s -> ps.setString(n, s.value());
                default -> throw new IllegalArgumentException("cannot bind " + params.get(i).getClass());
            }
        }
    }
}
