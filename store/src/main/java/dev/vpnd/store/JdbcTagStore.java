package dev.vpnd.store;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.port.TagStore;
import dev.vpnd.core.problem.ResourceType;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tags of every resource type in one table, keyed by (resource_type, resource_id, tag_key). */
final class JdbcTagStore implements TagStore {
    private static final String UPSERT = "INSERT INTO tags (resource_type, resource_id, account_id, region, tag_key, "
            + "tag_value) VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (resource_type, resource_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value";

    private final Connection connection;
    private final SqlDialect dialect;

    JdbcTagStore(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** The table holding resources of {@code type}, for the types that can carry tags. */
    static Optional<String> tableOf(ResourceType type) {
        return switch (type) {
            case VPC -> Optional.of("vpcs");
            case VPN_GATEWAY -> Optional.of("vpn_gateways");
            case CUSTOMER_GATEWAY -> Optional.of("customer_gateways");
            case VPN_CONNECTION -> Optional.of("vpn_connections");
            case ACCOUNT, TAG -> Optional.empty();
        };
    }

    @Override
    public List<Tag> tagsOf(ResourceType type, String resourceId) {
        return Jdbc.query(connection, dialect,
                "SELECT tag_key, tag_value FROM tags WHERE resource_type = ? AND resource_id = ? ORDER BY tag_key",
                List.of(type.name(), resourceId), rs -> new Tag(rs.getString(1), rs.getString(2)));
    }

    /** Tags of many resources with one query per {@value Jdbc#IN_CHUNK} ids, each list sorted by key. */
    Map<String, List<Tag>> tagsOf(ResourceType type, Collection<String> resourceIds) {
        var out = new HashMap<String, List<Tag>>();
        Jdbc.queryIn(connection, dialect,
                "SELECT resource_id, tag_key, tag_value FROM tags WHERE resource_type = ? AND resource_id IN ",
                List.of(type.name()), resourceIds, " ORDER BY resource_id, tag_key",
                rs -> new TagBinding(rs.getString(1), new Tag(rs.getString(2), rs.getString(3))))
                .forEach(b -> out.computeIfAbsent(b.resourceId(), k -> new ArrayList<>()).add(b.tag()));
        return out;
    }

    @Override
    public void put(Scope scope, ResourceType type, String resourceId, Collection<Tag> tags) {
        var rows = tags.stream()
                .map(t -> List.of(type.name(), resourceId, scope.accountId(), scope.region(), t.key(), t.value()))
                .toList();
        Jdbc.batch(connection, dialect, UPSERT, rows);
    }

    @Override
    public void remove(ResourceType type, String resourceId, Collection<String> keys) {
        var rows = keys.stream().map(k -> List.of(type.name(), resourceId, k)).toList();
        Jdbc.batch(connection, dialect,
                "DELETE FROM tags WHERE resource_type = ? AND resource_id = ? AND tag_key = ?", rows);
    }

    @Override
    public void removeAll(ResourceType type, String resourceId) {
        Jdbc.update(connection, dialect, "DELETE FROM tags WHERE resource_type = ? AND resource_id = ?",
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
                .tags(type, "t.resource_id", filters);
        var params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return Jdbc.query(connection, dialect, "SELECT t.resource_id, t.tag_key, t.tag_value FROM tags t JOIN "
                + table + " r ON r.id = t.resource_id" + where.sql()
                + " ORDER BY r.seq DESC, t.tag_key LIMIT ? OFFSET ?", params,
                rs -> new TagBinding(rs.getString(1), new Tag(rs.getString(2), rs.getString(3))));
    }
}
