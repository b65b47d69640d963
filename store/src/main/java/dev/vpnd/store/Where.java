package dev.vpnd.store;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.problem.ResourceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A WHERE clause built from AND-ed conditions, with its bind values in order. */
final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Rows of {@code alias} (a table alias) in the scope's account and region. */
    static Where scope(String alias, Scope scope) {
        return new Where().eq(alias + ".account_id", scope.accountId()).eq(alias + ".region", scope.region());
    }

    Where condition(String sql, Object... values) {
        conditions.add(sql);
        params.addAll(java.util.Arrays.asList(values));
        return this;
    }

    /** {@code column = value}, or nothing when the value is null (a filter field left unset). */
    Where eq(String column, Object value) {
        return value == null ? this : condition(column + " = ?", value);
    }

    /** {@code column IN (...)}, or nothing when {@code values} is empty (no restriction). */
    Where in(String column, Collection<String> values) {
        if (values.isEmpty()) {
            return this;
        }
        return condition(column + " IN " + Jdbc.placeholders(values.size()), values.toArray());
    }

    /**
     * One condition per filter, so every filter must match: the resource carries the key, with the
     * filter's value unless that is null. Each is an IN over the tags index (resource_type, tag_key,
     * tag_value), which lets the database start from the tagged resources. {@code idColumn} is the
     * resource id to match.
     */
    Where tags(ResourceType type, String idColumn, List<TagFilter> filters) {
        for (TagFilter f : filters) {
            String sql = idColumn + " IN (SELECT tf.resource_id FROM tags tf WHERE tf.resource_type = ? "
                    + "AND tf.tag_key = ?" + (f.value() == null ? "" : " AND tf.tag_value = ?") + ")";
            if (f.value() == null) {
                condition(sql, type.name(), f.key());
            } else {
                condition(sql, type.name(), f.key(), f.value());
            }
        }
        return this;
    }

    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    List<Object> params() {
        return params;
    }
}
