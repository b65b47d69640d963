package dev.vpnd.store;

import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Secret;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Reading the plain column encodings back into model values; every reader is null-safe. */
final class Rows {
    private Rows() {
    }

    static Scope scope(ResultSet rs) throws SQLException {
        return new Scope(rs.getString("account_id"), rs.getString("region"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static boolean bool(ResultSet rs, String column) throws SQLException {
        return rs.getInt(column) != 0;
    }

    static boolean isNull(ResultSet rs, String column) throws SQLException {
        rs.getObject(column);
        return rs.wasNull();
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, ResultSet rs, String column) throws SQLException {
        String name = rs.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }

    static Secret secret(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : new Secret(value);
    }

    /** pending_state and ready_at; both NULL when the record had no lifecycle. */
    static Lifecycle lifecycle(ResultSet rs) throws SQLException {
        var pending = enumOf(ResourceState.class, rs, "pending_state");
        var readyAt = instant(rs, "ready_at");
        return pending == null && readyAt == null ? null : new Lifecycle(pending, readyAt);
    }

    static List<Object> lifecycleValues(Lifecycle lifecycle) {
        return lifecycle == null ? Arrays.asList(null, null)
                : Arrays.asList(lifecycle.pending(), lifecycle.readyAt());
    }

    static String joinList(List<String> values) {
        return String.join(",", values);
    }

    static List<String> splitList(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null || text.isEmpty() ? List.of() : List.of(text.split(",", -1));
    }
}
