package dev.vpnd.store;

import dev.vpnd.core.model.SecurityPolicy;
import java.util.ArrayList;
import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.model.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The current row of a result, read column after column in the order of the statement's select
 * list: each getter returns the next column. Reading by position with typed getters spares the
 * by-name lookup per value; the select lists come from one column list per table, so the readers
 * follow that list. Every reader is null-safe.
 */
final class Row {
    private final ResultSet rs;
    private final Jdbc db;
    private final SqlDialect dialect;
    private int column = 1;

    Row(ResultSet rs, Jdbc db) {
        this.rs = rs;
        this.db = db;
        this.dialect = db.dialect();
    }

    /** Moves to the next row, back at its first column. */
    boolean next() throws SQLException {
        column = 1;
        return rs.next();
    }

    String text() throws SQLException {
        return dialect.text(rs, column++);
    }

    /** An integer column; 0 when NULL. */
    long int64() throws SQLException {
        return rs.getLong(column++);
    }

    int int32() throws SQLException {
        return rs.getInt(column++);
    }

    /** An integer column, null when NULL (the marker of an absent setting). */
    Long nullableInt64() throws SQLException {
        long value = rs.getLong(column++);
        return rs.wasNull() ? null : value;
    }

    /** Booleans are stored as 0/1. */
    boolean bool() throws SQLException {
        return rs.getInt(column++) != 0;
    }

    /** A boolean that may be NULL (the marker of an absent setting). */
    Boolean nullableBool() throws SQLException {
        int value = rs.getInt(column++);
        return rs.wasNull() ? null : value != 0;
    }

    /** Instants are stored as epoch milliseconds. */
    Instant instant() throws SQLException {
        Long millis = nullableInt64();
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    <E extends Enum<E>> E enumOf(Class<E> type) throws SQLException {
        String name = text();
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** The secret stored in {@code slot}, the row being read (see {@link Jdbc#openSecret}). */
    Secret secret(SecretSlot slot) throws SQLException {
        String value = text();
        return value == null ? null : db.openSecret(value, slot);
    }

    /** A comma-joined list. */
    List<String> list() throws SQLException {
        String text = text();
        return text == null || text.isEmpty() ? List.of() : List.of(text.split(",", -1));
    }

    /** Security policies as {@link Rows#joinPolicies} writes them. */
    List<SecurityPolicy> policies() throws SQLException {
        String text = text();
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        var out = new ArrayList<SecurityPolicy>();
        for (String group : text.split(";", -1)) {
            String[] sides = group.split(">", -1);
            out.add(new SecurityPolicy(split(sides[0]), split(sides[1])));
        }
        return out;
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(",", -1));
    }

    /** Tags as an array of {key, value} pairs (PostgreSQL's text[][]); none when NULL. */
    List<Tag> tagArray() throws SQLException {
        java.sql.Array array = rs.getArray(column++);
        if (array == null) {
            return List.of();
        }
        try {
            var tags = new ArrayList<Tag>();
            for (Object pair : (Object[]) array.getArray()) {
                Object[] keyValue = (Object[]) pair;
                tags.add(new Tag((String) keyValue[0], (String) keyValue[1]));
            }
            return List.copyOf(tags);
        } finally {
            array.free();
        }
    }

    /** account_id and region, in that order. */
    Scope scope() throws SQLException {
        return new Scope(text(), text());
    }

    /** pending_state and ready_at, in that order; both NULL when the record had no lifecycle. */
    Lifecycle lifecycle() throws SQLException {
        var pending = enumOf(ResourceState.class);
        var readyAt = instant();
        return pending == null && readyAt == null ? null : new Lifecycle(pending, readyAt);
    }
}
