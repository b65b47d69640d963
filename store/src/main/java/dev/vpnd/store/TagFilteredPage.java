package dev.vpnd.store;

import dev.vpnd.core.port.TagFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * The query of one page of a list filtered by tags and nothing else, newest first: it walks the
 * first filter's range of tags_by_value_in_seq_order (or tags_by_key_in_seq_order for a key
 * without a value) backwards in the resources' insertion order, checks each resource against the
 * other filters with one index lookup each, and stops once it has the page, so its cost follows the
 * page's offset and the filters' overlap, not the number of matches. A tag's resource_seq is its
 * resource's seq: tags are written after their resource, in its scope, and seq never changes.
 *
 * @param sql selects the id and revision of each resource of the page
 * @param params its bind values, the offset and limit last
 */
record TagFilteredPage(String sql, List<Object> params) {

    static TagFilteredPage of(String table, Where where, long limit, long offset) {
        var params = new ArrayList<Object>();
        List<TagFilter> filters = where.tagFilters();
        // CROSS JOIN: SQLite then walks the tags first, whatever its statistics say of a common key.
        var sql = new StringBuilder("SELECT r.id, r.revision FROM tags f0 CROSS JOIN ").append(table)
                .append(" r WHERE r.id = f0.resource_id AND ")
                .append(Where.tagMatch("f0", filters.getFirst(), where.tagType(), params))
                .append(" AND f0.account_id = ? AND f0.region = ?");
        params.add(where.scope().accountId());
        params.add(where.scope().region());
        for (int i = 1; i < filters.size(); i++) {
            String alias = "f" + i;
            sql.append(" AND EXISTS (SELECT 1 FROM tags ").append(alias).append(" WHERE ")
                    .append(Where.tagMatch(alias, filters.get(i), where.tagType(), params))
                    .append(" AND ").append(alias).append(".resource_id = f0.resource_id)");
        }
        sql.append(" AND r.account_id = ? AND r.region = ? ORDER BY f0.resource_seq DESC LIMIT ? OFFSET ?");
        params.add(where.scope().accountId());
        params.add(where.scope().region());
        params.add(limit);
        params.add(offset);
        return new TagFilteredPage(sql.toString(), params);
    }
}
