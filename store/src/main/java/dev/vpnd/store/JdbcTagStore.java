package dev.vpnd.store;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.port.TagStore;
import dev.vpnd.core.problem.ResourceType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/** Tags of every resource type in one table, keyed by (resource_type, resource_id, tag_key). */
final class JdbcTagStore implements TagStore {
    private static final String MOVE_GENERATION = "INSERT INTO tag_generations (account_id, region, resource_type, "
            + "generation) VALUES (?, ?, ?, 1) ON CONFLICT (account_id, region, resource_type) "
            + "DO UPDATE SET generation = tag_generations.generation + 1";
    /** As {@link #MOVE_GENERATION}, for the scope a resource's tags are in (none: nothing changes). */
    private static final String MOVE_GENERATION_OF_TAGS = "INSERT INTO tag_generations (account_id, region, "
            + "resource_type, generation) SELECT DISTINCT account_id, region, resource_type, 1 FROM tags "
            + "WHERE resource_type = ? AND resource_id = ? ON CONFLICT (account_id, region, resource_type) "
            + "DO UPDATE SET generation = tag_generations.generation + 1";

    /**
     * How many tags {@link #mostSelectiveFirst} counts per filter at most: enough to tell a rare
     * value from a common one, while each count stays a short walk of the tags_by_key_value index.
     */
    private static final int SELECTIVITY_PROBE_LIMIT = 4096;

    private final Jdbc db;
    /** Null in a write transaction (see {@link TagFilterTotals}). */
    private final TagFilterTotals totals;
    /** Null in a write transaction. */
    private final TagSelectivities selectivities;

    JdbcTagStore(Jdbc db, TagFilterTotals totals, TagSelectivities selectivities) {
        this.db = db;
        this.totals = totals;
        this.selectivities = selectivities;
    }

    /** The table holding resources of {@code type}, for the types that can carry tags. */
    static Optional<String> tableOf(ResourceType type) {
        return switch (type) {
            case VPC -> Optional.of("vpcs");
            case VPN_GATEWAY -> Optional.of("vpn_gateways");
            case CUSTOMER_GATEWAY -> Optional.of("customer_gateways");
            case VPN_CONNECTION -> Optional.of("vpn_connections");
            case ACCOUNT, TAG, OPENSTACK -> Optional.empty();
        };
    }

    @Override
    public List<Tag> tagsOf(ResourceType type, String resourceId) {
        return db.query("SELECT tag_key, tag_value FROM tags WHERE resource_type = ? AND resource_id = ? "
                + "ORDER BY tag_key", List.of(type.name(), resourceId), JdbcTagStore::tag);
    }

    /** Tags of many resources with one query per {@value Jdbc#IN_CHUNK} ids, each list sorted by key. */
    Map<String, List<Tag>> tagsOf(ResourceType type, Collection<String> resourceIds) {
        var out = new HashMap<String, List<Tag>>();
        db.queryIn("SELECT resource_id, tag_key, tag_value FROM tags WHERE resource_type = ? AND resource_id IN ",
                List.of(type.name()), resourceIds, " ORDER BY resource_id, tag_key", JdbcTagStore::binding)
                .forEach(b -> out.computeIfAbsent(b.resourceId(), k -> new ArrayList<>()).add(b.tag()));
        return out;
    }

    @Override
    public void put(Scope scope, ResourceType type, String resourceId, Collection<Tag> tags) {
        if (tags.isEmpty()) {
            return;
        }
        String table = tableOf(type).orElseThrow(() -> new IllegalArgumentException(type + " carries no tags"));
        moveGeneration(scope, type);
        var rows = tags.stream().map(t -> List.<Object>of(type.name(), resourceId, scope.accountId(), scope.region(),
                t.key(), t.value(), resourceId)).toList();
        // resource_seq comes from the resource's row (see TagFilteredPage).
        db.batch("INSERT INTO tags (resource_type, resource_id, account_id, region, tag_key, tag_value, resource_seq) "
                + "VALUES (?, ?, ?, ?, ?, ?, COALESCE((SELECT seq FROM " + table + " WHERE id = ?), 0)) "
                + "ON CONFLICT (resource_type, resource_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value",
                rows);
    }

    /**
     * Moves the tag generation of the scope and type on (see {@link TagFilterTotals}), in the caller's
     * transaction. A write that also moves connection totals (ConnectionCounts) moves this first, so
     * that concurrent writers on PostgreSQL lock the two rows in one order.
     */
    void moveGeneration(Scope scope, ResourceType type) {
        db.update(MOVE_GENERATION, List.of(scope.accountId(), scope.region(), type.name()));
    }

    /** The tag generation of the scope and type in this transaction's snapshot; 0 before any tag was written. */
    long generation(Scope scope, ResourceType type) {
        return db.queryOne("SELECT generation FROM tag_generations WHERE account_id = ? AND region = ? "
                + "AND resource_type = ?", List.of(scope.accountId(), scope.region(), type.name()), Row::int64)
                .orElse(0L);
    }

    /**
     * The exact total of {@code where} (a scope and tag filters only, see {@link Where#onlyTags}):
     * kept by {@link TagFilterTotals} in a read transaction, counted by {@code count} otherwise.
     */
    long total(String table, Where where, LongSupplier count) {
        if (totals == null) {
            return count.getAsLong();
        }
        return totals.total(table, where, generation(where.scope(), where.tagType()), count);
    }

    /**
     * Moves the tag generation on where the resource has tags: before those tags go, or before the
     * resource's row goes (a tag filter's total counts resources whose row is there).
     */
    void moveGenerationOfTags(ResourceType type, String resourceId) {
        db.update(MOVE_GENERATION_OF_TAGS, List.of(type.name(), resourceId));
    }

    @Override
    public void remove(ResourceType type, String resourceId, Collection<String> keys) {
        moveGenerationOfTags(type, resourceId);
        var rows = keys.stream().map(k -> List.of(type.name(), resourceId, k)).toList();
        db.batch("DELETE FROM tags WHERE resource_type = ? AND resource_id = ? AND tag_key = ?", rows);
    }

    @Override
    public void bumpRevision(Scope scope, ResourceType type, String resourceId) {
        String table = tableOf(type).orElseThrow(() -> new IllegalArgumentException(type + " carries no tags"));
        int updated = db.update("UPDATE " + table + " SET revision = revision + 1 WHERE id = ? AND account_id = ? "
                + "AND region = ?", List.of(resourceId, scope.accountId(), scope.region()));
        if (updated != 1) {
            throw new IllegalStateException("no " + type + " " + resourceId + " in " + scope + " to move on");
        }
    }

    @Override
    public void removeAll(ResourceType type, String resourceId) {
        moveGenerationOfTags(type, resourceId);
        db.update("DELETE FROM tags WHERE resource_type = ? AND resource_id = ?",
                List.of(type.name(), resourceId));
    }

    /**
     * Bindings of resources of {@code type} in the scope, newest resource first (the order of the
     * resource lists), then by key; empty {@code resourceIds} means every resource.
     */
    @Override
    public List<TagBinding> list(Scope scope, ResourceType type, Collection<String> resourceIds,
            List<TagFilter> filters, long offset, int limit) {
        String table = tableOf(type).orElse(null);
        if (table == null || limit <= 0) {
            return List.of();
        }
        var where = Where.scope("t", scope)
                .eq("t.resource_type", type.name())
                .in("t.resource_id", resourceIds)
                .tags(type, "t.resource_id", mostSelectiveFirst(type, filters));
        var params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return db.query("SELECT t.resource_id, t.tag_key, t.tag_value FROM tags t JOIN " + table
                + " r ON r.id = t.resource_id" + where.sql() + " ORDER BY r.seq DESC, t.tag_key LIMIT ? OFFSET ?",
                params, JdbcTagStore::binding);
    }

    /**
     * The filters, the one matching the fewest tags first (up to {@value #SELECTIVITY_PROBE_LIMIT}
     * each; ties keep their order). A list filtered by tags walks the first filter's range and looks
     * the others up per resource (see {@link Where#tags}, {@link TagFilteredPage}), so starting from a
     * rare value rather than a common one is what makes it fast. On both databases: SQLite keeps no
     * value frequencies (see JdbcStorage), and PostgreSQL, which does, still walks the first filter to
     * keep the insertion order. Probes are kept a few seconds per node ({@link TagSelectivities}).
     */
    List<TagFilter> mostSelectiveFirst(ResourceType type, List<TagFilter> filters) {
        if (filters.size() < 2) {
            return filters;
        }
        long[] matches = new long[filters.size()];
        for (int i = 0; i < matches.length; i++) {
            TagFilter f = filters.get(i);
            matches[i] = selectivities == null ? probe(type, f) : selectivities.matches(type, f, () -> probe(type, f));
        }
        return IntStream.range(0, filters.size()).boxed().sorted(Comparator.comparingLong(i -> matches[i]))
                .map(filters::get).toList();
    }

    /** How many tags match {@code filter}, counted up to {@value #SELECTIVITY_PROBE_LIMIT}. */
    private long probe(ResourceType type, TagFilter filter) {
        var params = new ArrayList<Object>();
        params.add(type.name());
        params.add(filter.key());
        if (filter.value() != null) {
            params.add(filter.value());
        }
        return db.count("SELECT COUNT(*) FROM (SELECT 1 FROM tags WHERE resource_type = ? AND tag_key = ?"
                + (filter.value() == null ? "" : " AND tag_value = ?") + " LIMIT " + SELECTIVITY_PROBE_LIMIT + ") c",
                params);
    }

    /** tag_key, tag_value. */
    private static Tag tag(Row row) throws SQLException {
        String key = row.text();
        return new Tag(key, row.text());
    }

    /** resource_id, tag_key, tag_value. */
    private static TagBinding binding(Row row) throws SQLException {
        String resourceId = row.text();
        return new TagBinding(resourceId, tag(row));
    }
}
