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
    private boolean byTags;
    /** Set by {@link #scope}; with {@link #tagType} and {@link #tagFilters}, what {@link #onlyTags} needs. */
    private Scope scope;
    private ResourceType tagType;
    private List<TagFilter> tagFilters = List.of();
    /** How many of the conditions are the scope's and the tag filter's. */
    private int scopeAndTags;

    /** Rows of {@code alias} (a table alias) in the scope's account and region. */
    static Where scope(String alias, Scope scope) {
        var where = new Where().eq(alias + ".account_id", scope.accountId()).eq(alias + ".region", scope.region());
        where.scope = scope;
        where.scopeAndTags = where.conditions.size();
        return where;
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
    Where in(String column, Collection<?> values) {
        if (values.isEmpty()) {
            return this;
        }
        return condition(column + " IN " + Jdbc.placeholders(values.size()), values.toArray());
    }

    /** {@code column} contains {@code text}, ignoring ASCII case, or nothing when it is empty. */
    Where contains(String column, String text) {
        if (text.isEmpty()) {
            return this;
        }
        String escaped = text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return condition("LOWER(" + column + ") LIKE ? ESCAPE '\\'", "%" + escaped + "%");
    }

    /**
     * Resources carrying every filter's key, with the filter's value unless that is null, as one
     * {@code idColumn IN (...)}: the subquery walks the first filter's range of the tags index and
     * checks each resource it finds against the other filters with one index lookup each (resource_id
     * is part of tags_by_key_value, and of the primary key for a key-only filter), so its cost follows
     * the first filter's matches; put the most selective first (JdbcTagStore#mostSelectiveFirst).
     */
    Where tags(ResourceType type, String idColumn, List<TagFilter> filters) {
        if (filters.isEmpty()) {
            return this;
        }
        byTags = true;
        tagType = type;
        tagFilters = List.copyOf(filters);
        scopeAndTags++;
        var values = new ArrayList<Object>();
        var sql = new StringBuilder(idColumn).append(" IN (SELECT f0.resource_id FROM tags f0 WHERE ")
                .append(tagMatch("f0", filters.getFirst(), type, values));
        for (int i = 1; i < filters.size(); i++) {
            String alias = "f" + i;
            sql.append(" AND EXISTS (SELECT 1 FROM tags ").append(alias).append(" WHERE ")
                    .append(tagMatch(alias, filters.get(i), type, values))
                    .append(" AND ").append(alias).append(".resource_id = f0.resource_id)");
        }
        return condition(sql.append(")").toString(), values.toArray());
    }

    /**
     * Whether the clause is a scope and a tag filter and nothing else: what {@link TagFilteredPage}
     * lists by walking the tags in the resources' order.
     */
    boolean onlyTags() {
        return byTags && scope != null && conditions.size() == scopeAndTags;
    }

    Scope scope() {
        return scope;
    }

    ResourceType tagType() {
        return tagType;
    }

    /** The tag filters, in the order the clause checks them (the first one's range is walked). */
    List<TagFilter> tagFilters() {
        return tagFilters;
    }

    static String tagMatch(String alias, TagFilter filter, ResourceType type, List<Object> values) {
        values.add(type.name());
        values.add(filter.key());
        if (filter.value() == null) {
            return alias + ".resource_type = ? AND " + alias + ".tag_key = ?";
        }
        values.add(filter.value());
        return alias + ".resource_type = ? AND " + alias + ".tag_key = ? AND " + alias + ".tag_value = ?";
    }

    /** Whether a tag filter is part of the clause. */
    boolean byTags() {
        return byTags;
    }

    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    List<Object> params() {
        return params;
    }
}
