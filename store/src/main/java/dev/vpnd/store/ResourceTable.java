package dev.vpnd.store;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.problem.ResourceType;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What every resource store shares, over one table with the common columns (id, account_id, region,
 * seq, client_token, revision, created_at): scoped lookups, paged lists newest first with an exact
 * total, compare-and-set updates, and records returned with their tags.
 */
final class ResourceTable<T> {
    private static final List<String> BASE_COLUMNS =
            List.of("id", "account_id", "region", "seq", "client_token", "revision", "created_at");

    /** The common fields of a record. */
    record Base(String id, Scope scope, long revision, Instant createdAt) {
    }

    /**
     * How one record type maps onto its table. {@code columns} and {@code values} are the record's
     * own columns, in the same order; {@code mapper} reads a row into a record without tags.
     */
    record Mapping<T>(String table, ResourceType type, List<String> columns, Function<T, List<Object>> values,
            Jdbc.RowMapper<T> mapper, Function<T, Base> base, BiFunction<T, List<Tag>, T> withTags) {
        Mapping {
            columns = List.copyOf(columns);
        }
    }

    private final Connection connection;
    private final SqlDialect dialect;
    private final Mapping<T> mapping;
    private final JdbcTagStore tags;
    private final UnaryOperator<List<T>> complete;
    private final String insertSql;
    private final String updateSql;

    /** {@code complete} adds what lives in child tables to a batch of freshly read records. */
    ResourceTable(Connection connection, SqlDialect dialect, Mapping<T> mapping, JdbcTagStore tags,
            UnaryOperator<List<T>> complete) {
        this.connection = connection;
        this.dialect = dialect;
        this.mapping = mapping;
        this.tags = tags;
        this.complete = complete;
        var all = new ArrayList<>(BASE_COLUMNS);
        all.addAll(mapping.columns());
        this.insertSql = "INSERT INTO " + mapping.table() + " (" + String.join(", ", all) + ") VALUES "
                + Jdbc.placeholders(all.size());
        this.updateSql = "UPDATE " + mapping.table() + " SET " + String.join(" = ?, ", mapping.columns())
                + " = ?, revision = ? WHERE id = ? AND account_id = ? AND region = ? AND revision = ?";
    }

    ResourceTable(Connection connection, SqlDialect dialect, Mapping<T> mapping, JdbcTagStore tags) {
        this(connection, dialect, mapping, tags, UnaryOperator.identity());
    }

    void insert(T record, String clientToken) {
        Base base = mapping.base().apply(record);
        var params = new ArrayList<Object>();
        params.add(base.id());
        params.add(base.scope().accountId());
        params.add(base.scope().region());
        params.add(dialect.nextSeq(connection, mapping.table()));
        params.add(clientToken == null ? "" : clientToken);
        params.add(base.revision());
        params.add(base.createdAt());
        params.addAll(mapping.values().apply(record));
        Jdbc.update(connection, dialect, insertSql, params);
    }

    /** Writes the record if the stored revision is still {@code expectedRevision}; false otherwise. */
    boolean update(T record, long expectedRevision) {
        Base base = mapping.base().apply(record);
        var params = new ArrayList<Object>(mapping.values().apply(record));
        params.add(base.revision());
        params.add(base.id());
        params.add(base.scope().accountId());
        params.add(base.scope().region());
        params.add(expectedRevision);
        return Jdbc.update(connection, dialect, updateSql, params) == 1;
    }

    Optional<T> find(Scope scope, String id) {
        return findBy(scope, "id", id);
    }

    Optional<T> findByClientToken(Scope scope, String clientToken) {
        return clientToken == null || clientToken.isEmpty() ? Optional.empty()
                : findBy(scope, "client_token", clientToken);
    }

    /**
     * The newest row of the scope whose {@code column} equals {@code value}. In a write transaction
     * the row stays locked until commit (see {@link SqlDialect#rowLock}), so what a write checked
     * about it still holds when it commits.
     */
    Optional<T> findBy(Scope scope, String column, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        var where = Where.scope("r", scope).condition("r." + column + " = ?", value);
        var page = list(where, new PageRequest(0, 1), false, dialect.rowLock(connection));
        return page.items().stream().findFirst();
    }

    /** A page of the rows matching {@code where} (which must include the scope), newest first. */
    Page<T> list(Where where, PageRequest page) {
        return list(where, page, true, "");
    }

    private Page<T> list(Where where, PageRequest page, boolean withTotal, String lock) {
        var items = new ArrayList<T>();
        if (page.limit() > 0) {
            var params = new ArrayList<>(where.params());
            params.add(page.limit());
            params.add(page.offset());
            items.addAll(Jdbc.query(connection, dialect, "SELECT r.* FROM " + mapping.table() + " r" + where.sql()
                    + " ORDER BY r.seq DESC LIMIT ? OFFSET ?" + lock, params, mapping.mapper()));
        }
        long total = withTotal ? count(where) : items.size();
        return new Page<>(withChildren(items), total);
    }

    long count(Where where) {
        return Jdbc.count(connection, dialect, "SELECT COUNT(*) FROM " + mapping.table() + " r" + where.sql(),
                where.params());
    }

    boolean delete(Scope scope, String id) {
        return Jdbc.update(connection, dialect,
                "DELETE FROM " + mapping.table() + " WHERE id = ? AND account_id = ? AND region = ?",
                List.of(id, scope.accountId(), scope.region())) > 0;
    }

    /** Tags (one query for the batch) and child rows of freshly read records. */
    private List<T> withChildren(List<T> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        var ids = rows.stream().map(r -> mapping.base().apply(r).id()).toList();
        var tagsById = tags.tagsOf(mapping.type(), ids);
        var tagged = rows.stream()
                .map(r -> mapping.withTags().apply(r, tagsById.getOrDefault(mapping.base().apply(r).id(), List.of())))
                .toList();
        return complete.apply(tagged);
    }
}
