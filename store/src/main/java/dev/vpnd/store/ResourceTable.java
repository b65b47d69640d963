package dev.vpnd.store;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.PageRequest.Order;
import dev.vpnd.core.problem.ResourceType;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What every resource store shares, over one table with the common columns (id, account_id, region,
 * seq, serial, client_token, revision, created_at): scoped lookups, paged lists newest first with an
 * exact total, compare-and-set updates, and records returned with their tags. {@code seq} is the
 * insertion order and never leaves the store; {@code serial} is the record's number as dialects
 * show it (see {@link #nextSerial}).
 */
final class ResourceTable<T> {
    /** The common columns a record is read from, first in every select list, in {@link Base#read}'s order. */
    private static final List<String> BASE_COLUMNS =
            List.of("id", "serial", "account_id", "region", "revision", "created_at");
    /** What an insert writes before the record's own columns: client_token is never read back. */
    private static final List<String> INSERT_COLUMNS =
            List.of("id", "account_id", "region", "seq", "serial", "client_token", "revision", "created_at");
    /**
     * Serials are drawn below this: small enough for the shortest external form of an id (eight
     * base-36 digits hold 36^8, a little more), large enough that a random draw rarely meets a taken one.
     */
    static final long SERIAL_BOUND = 1L << 41;
    private static final int SERIAL_DRAWS = 16;
    private static final SecureRandom SERIALS = new SecureRandom();

    /** The common fields of a record. */
    record Base(String id, long serial, Scope scope, long revision, Instant createdAt) {
        /** Reads {@link #BASE_COLUMNS}. */
        static Base read(Row row) throws SQLException {
            return new Base(row.text(), row.int64(), row.scope(), row.int64(), row.instant());
        }
    }

    /** Adds what lives in child tables to freshly read records; {@code withChildren} are the ids that have some. */
    @FunctionalInterface
    interface Children<T> {
        List<T> load(List<T> records, Set<String> withChildren);
    }

    /**
     * How one record type maps onto its table, and its statements, built once. {@code columns} and
     * {@code values} are the record's own columns, in the same order; {@code reader} reads a row
     * (the base columns, then {@code columns}) into a record without tags. {@code childProbe}, when
     * not null, is an SQL expression over the row {@code r} that is 1 when the record has child rows.
     */
    static final class Mapping<T> {
        final String table;
        final ResourceType type;
        final Function<T, List<Object>> values;
        final Jdbc.RowMapper<T> reader;
        final Function<T, Base> base;
        final BiFunction<T, List<Tag>, T> withTags;
        final boolean probesChildren;
        /** The selected columns of {@link #select} (of the row {@code r}), for queries that join more to them. */
        final String selectList;
        final String select;
        /**
         * PostgreSQL: {@link #select} with the record's tags as a last column, an array of
         * {key, value} pairs by key (null for none), so one statement reads a record whole.
         */
        final String selectWithTagArray;
        /** The id and revision of rows, for lists that take records from a {@link RecordCache}. */
        final String selectVersions;
        final String count;
        final String insert;
        final String update;
        final String delete;

        Mapping(String table, ResourceType type, List<String> columns, Function<T, List<Object>> values,
                Jdbc.RowMapper<T> reader, Function<T, Base> base, BiFunction<T, List<Tag>, T> withTags,
                String childProbe) {
            this.table = table;
            this.type = type;
            this.values = values;
            this.reader = reader;
            this.base = base;
            this.withTags = withTags;
            this.probesChildren = childProbe != null;
            var selected = Stream.concat(BASE_COLUMNS.stream(), columns.stream()).map(c -> "r." + c)
                    .collect(Collectors.toCollection(ArrayList::new));
            if (childProbe != null) {
                selected.add(childProbe);
            }
            this.selectList = String.join(", ", selected);
            this.select = "SELECT " + selectList + " FROM " + table + " r";
            this.selectWithTagArray = "SELECT " + selectList + ", (SELECT array_agg(ARRAY[t.tag_key, t.tag_value] "
                    + "ORDER BY t.tag_key) FROM tags t WHERE t.resource_type = '" + type.name()
                    + "' AND t.resource_id = r.id) FROM " + table + " r";
            this.selectVersions = "SELECT r.id, r.revision FROM " + table + " r";
            this.count = "SELECT COUNT(*) FROM " + table + " r";
            var inserted = Stream.concat(INSERT_COLUMNS.stream(), columns.stream()).toList();
            this.insert = "INSERT INTO " + table + " (" + String.join(", ", inserted) + ") VALUES "
                    + Jdbc.placeholders(inserted.size());
            this.update = "UPDATE " + table + " SET " + String.join(" = ?, ", columns)
                    + " = ?, revision = ? WHERE id = ? AND account_id = ? AND region = ? AND revision = ?";
            this.delete = "DELETE FROM " + table + " WHERE id = ? AND account_id = ? AND region = ?";
        }

        Mapping(String table, ResourceType type, List<String> columns, Function<T, List<Object>> values,
                Jdbc.RowMapper<T> reader, Function<T, Base> base, BiFunction<T, List<Tag>, T> withTags) {
            this(table, type, columns, values, reader, base, withTags, null);
        }
    }

    /** A row's id and revision: which version of the record it holds. */
    private record Version(String id, long revision) {
    }

    /**
     * A list's total kept elsewhere (ConnectionCounts), as a query of one value, so that the
     * statement that lists a page's versions reads it too, on the same snapshot.
     */
    record KeptTotal(String sql, List<Object> params) {
    }

    /** A page's versions and the kept total, read by one statement; the total is 0 when no row came. */
    private record Listed(List<Version> versions, long total) {
    }

    private final Jdbc db;
    private final Mapping<T> mapping;
    private final JdbcTagStore tags;
    /** Null in a write transaction (see {@link RecordCache}). */
    private final RecordCache<T> cache;
    private final Children<T> children;

    ResourceTable(Jdbc db, Mapping<T> mapping, JdbcTagStore tags, RecordCache<T> cache, Children<T> children) {
        this.db = db;
        this.mapping = mapping;
        this.tags = tags;
        this.cache = cache;
        this.children = children;
    }

    ResourceTable(Jdbc db, Mapping<T> mapping, JdbcTagStore tags, RecordCache<T> cache) {
        this(db, mapping, tags, cache, (records, withChildren) -> records);
    }

    void insert(T record, String clientToken) {
        Base base = mapping.base.apply(record);
        var params = new ArrayList<Object>();
        params.add(base.id());
        params.add(base.scope().accountId());
        params.add(base.scope().region());
        params.add(db.dialect().nextSeq(db, mapping.table));
        params.add(base.serial());
        params.add(clientToken == null ? "" : clientToken);
        params.add(base.revision());
        params.add(base.createdAt());
        params.addAll(mapping.values.apply(record));
        db.update(mapping.insert, params);
    }

    /**
     * A serial for a record about to be inserted: drawn at random among those no record of the table
     * holds, so the number a tenant sees says nothing of how many resources others have made (a
     * counter would). Unique across the table (its unique index), never that of a deleted record
     * still in the table; records made before serials were drawn keep their counted ones.
     */
    long nextSerial() {
        String taken = "SELECT COUNT(*) FROM " + mapping.table + " WHERE serial = ?";
        for (int draw = 0; draw < SERIAL_DRAWS; draw++) {
            long serial = 1 + SERIALS.nextLong(SERIAL_BOUND - 1);
            if (db.queryOne(taken, List.of(serial), Row::int64).orElse(0L) == 0) {
                return serial;
            }
        }
        throw new IllegalStateException("no free serial in " + mapping.table + " after " + SERIAL_DRAWS + " draws");
    }

    /** Writes the record if the stored revision is still {@code expectedRevision}; false otherwise. */
    boolean update(T record, long expectedRevision) {
        Base base = mapping.base.apply(record);
        var params = new ArrayList<Object>(mapping.values.apply(record));
        params.add(base.revision());
        params.add(base.id());
        params.add(base.scope().accountId());
        params.add(base.scope().region());
        params.add(expectedRevision);
        return db.update(mapping.update, params) == 1;
    }

    Optional<T> find(Scope scope, String id) {
        return findBy(scope, "id", id);
    }

    Optional<T> findBySerial(Scope scope, long serial) {
        return findBy(scope, "serial", serial);
    }

    /**
     * The row created with this ClientToken. The unique index of tokens is partial (rows without a
     * token are left out), and a planner uses it only when the query says so itself: a bound value
     * cannot tell it that the token is not empty, and without the literal condition each create
     * walked every row of its scope.
     */
    Optional<T> findByClientToken(Scope scope, String clientToken) {
        if (clientToken == null || clientToken.isEmpty()) {
            return Optional.empty();
        }
        return findBy(Where.scope("r", scope).condition("r.client_token <> ''")
                .condition("r.client_token = ?", clientToken));
    }

    /**
     * The newest row of the scope whose {@code column} equals {@code value}. In a write transaction
     * the row stays locked until commit (see {@link SqlDialect#rowLock}), so what a write checked
     * about it still holds when it commits. Read whole, never from the cache: for one row, asking
     * for its version first costs about what the cache saves.
     */
    Optional<T> findBy(Scope scope, String column, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        return findBy(Where.scope("r", scope).condition("r." + column + " = ?", value));
    }

    /** The newest row matching {@code where} (which must include the scope), locked as {@link #findBy} says. */
    private Optional<T> findBy(Where where) {
        var params = new ArrayList<>(where.params());
        params.add(1);
        params.add(0);
        boolean tagsInRow = tagsInRow();
        return load((tagsInRow ? mapping.selectWithTagArray : mapping.select) + where.sql()
                + orderBy(Order.NEWEST_FIRST) + " LIMIT ? OFFSET ?" + db.dialect().rowLock(db), params, tagsInRow)
                .stream().findFirst();
    }

    /**
     * Whether rows are read with their tags ({@link Mapping#selectWithTagArray}): in PostgreSQL's
     * reads, where a second statement is a round trip, and may have to run on a snapshot of its own.
     */
    private boolean tagsInRow() {
        return cache != null && db.dialect() == SqlDialect.POSTGRESQL;
    }

    /**
     * A page of the rows matching {@code where} (which must include the scope), newest first, and
     * their exact total, both from the transaction's one snapshot.
     */
    Page<T> list(Where where, PageRequest page) {
        return list(where, page, () -> count(where));
    }

    /** As {@link #list(Where, PageRequest)}, with the total of {@code where} from {@code total}, kept elsewhere. */
    Page<T> list(Where where, PageRequest page, LongSupplier total) {
        if (page.order() != Order.NEWEST_FIRST) {
            return new Page<>(select(where, page.limit(), page.offset(), page.order()), total.getAsLong());
        }
        if (where.byTags()) {
            return listByTags(where, page);
        }
        if (page.offset() == 0) {
            var items = select(where, page.limit(), 0, Order.NEWEST_FIRST);
            // Fewer rows than asked for are all there are: no need to count them again.
            return new Page<>(items, items.size() < page.limit() ? items.size() : total.getAsLong());
        }
        long matching = total.getAsLong();
        long end = Math.min(matching, page.offset() + page.limit());
        if (page.offset() >= end) {
            return new Page<>(List.of(), matching);
        }
        // An OFFSET steps over every row it skips, so a page nearer the oldest end is read from
        // there, oldest first, and turned around: the last page costs what the first does.
        if (matching - end < page.offset()) {
            var items = new ArrayList<>(select(where, end - page.offset(), matching - end, Order.OLDEST_FIRST));
            Collections.reverse(items);
            return new Page<>(items, matching);
        }
        return new Page<>(select(where, end - page.offset(), page.offset(), Order.NEWEST_FIRST), matching);
    }

    /**
     * As {@link #list(Where, PageRequest)}, with a total {@code kept} elsewhere: in a read, newest
     * first and without tag filters, the statement that lists the page's versions reads the total
     * too, so a first page is one statement, and a later one two (the total first, to choose from
     * which end to read, then the page with the total again, which must agree).
     */
    Page<T> list(Where where, PageRequest page, KeptTotal kept) {
        LongSupplier total = () -> db.count(kept.sql(), kept.params());
        if (page.order() != Order.NEWEST_FIRST || where.byTags() || cache == null || page.limit() <= 0) {
            return list(where, page, total);
        }
        if (page.offset() == 0) {
            var listed = listed(where, page.limit(), 0, Order.NEWEST_FIRST, kept, false);
            int size = listed.versions().size();
            // Fewer rows than asked for are all there are.
            return new Page<>(records(listed.versions()), size < page.limit() ? size : listed.total());
        }
        long matching = total.getAsLong();
        long end = Math.min(matching, page.offset() + page.limit());
        if (page.offset() >= end) {
            return new Page<>(List.of(), matching);
        }
        // As in list(Where, PageRequest, LongSupplier): a page nearer the oldest end is read from there.
        boolean fromOldest = matching - end < page.offset();
        var listed = fromOldest ? listed(where, end - page.offset(), matching - end, Order.OLDEST_FIRST, kept, true)
                : listed(where, end - page.offset(), page.offset(), Order.NEWEST_FIRST, kept, true);
        if (listed.versions().isEmpty() || listed.total() != matching) {
            db.requireOneSnapshot();
        }
        var items = new ArrayList<>(records(listed.versions()));
        if (fromOldest) {
            Collections.reverse(items);
        }
        return new Page<>(items, matching);
    }

    /** The versions of a page and the kept total, by one statement ({@code checked}: see Jdbc#queryChecked). */
    private Listed listed(Where where, long limit, long offset, Order order, KeptTotal kept, boolean checked) {
        var params = new ArrayList<Object>(kept.params());
        params.addAll(where.params());
        params.add(limit);
        params.add(offset);
        String sql = "SELECT r.id, r.revision, (" + kept.sql() + ") FROM " + mapping.table + " r" + where.sql()
                + orderBy(order) + " LIMIT ? OFFSET ?";
        var total = new long[1];
        Jdbc.RowMapper<Version> version = row -> {
            var v = new Version(row.text(), row.int64());
            total[0] = row.int64();
            return v;
        };
        var versions = checked ? db.queryChecked(sql, params, version) : db.query(sql, params, version);
        return new Listed(versions, total[0]);
    }

    /**
     * A list filtered by tags, newest first: each evaluation of the filter walks the tags index, so
     * one query evaluates it once for both the page's ids and the total (a window count over the
     * matches), and a second reads the page's rows by id.
     */
    private Page<T> listByTags(Where where, PageRequest page) {
        if (where.onlyTags()) {
            long total = tags.total(mapping.table, where, () -> count(where));
            var walk = TagFilteredPage.of(mapping.table, where, page.limit(), page.offset());
            return new Page<>(page.limit() == 0 || page.offset() >= total ? List.of()
                    : records(db.query(walk.sql(), walk.params(), row -> new Version(row.text(), row.int64()))),
                    total);
        }
        if (page.limit() == 0) {
            return new Page<>(List.of(), count(where));
        }
        var params = new ArrayList<>(where.params());
        params.add(page.limit());
        params.add(page.offset());
        var total = new long[1];
        var versions = db.query("SELECT r.id, r.revision, COUNT(*) OVER () FROM " + mapping.table + " r" + where.sql()
                + " ORDER BY " + db.dialect().tagFilteredOrder() + " DESC LIMIT ? OFFSET ?", params, row -> {
                    var version = new Version(row.text(), row.int64());
                    total[0] = row.int64();
                    return version;
                });
        if (versions.isEmpty()) {
            // No row carries the total: past the end (or nothing matches at all).
            return new Page<>(List.of(), page.offset() == 0 ? 0 : count(where));
        }
        return new Page<>(records(versions), total[0]);
    }

    long count(Where where) {
        return db.count(mapping.count + where.sql(), where.params());
    }

    boolean delete(Scope scope, String id) {
        tags.moveGenerationOfTags(mapping.type, id);
        return db.update(mapping.delete, List.of(id, scope.accountId(), scope.region())) > 0;
    }

    /**
     * Rows in {@code order} (names tied by seq), with their tags and child rows. In a read
     * transaction, only their versions are selected and the records come from the cache where it
     * has them.
     */
    private List<T> select(Where where, long limit, long offset, Order order) {
        if (limit <= 0) {
            return List.of();
        }
        var params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        String page = orderBy(order) + " LIMIT ? OFFSET ?";
        if (cache != null) {
            return records(db.query(mapping.selectVersions + where.sql() + page, params,
                    row -> new Version(row.text(), row.int64())));
        }
        return load(mapping.select + where.sql() + page, params);
    }

    /**
     * The records of {@code versions}, in their order: kept ones from the cache, the others read
     * whole (all in one query, from this transaction's snapshot, hence at the listed revisions) and
     * kept.
     */
    private List<T> records(List<Version> versions) {
        var found = new ArrayList<T>(versions.size());
        var missing = new ArrayList<String>();
        for (Version v : versions) {
            T kept = cache == null ? null : cache.find(v.id(), v.revision());
            found.add(kept);
            if (kept == null) {
                missing.add(v.id());
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        var withChildren = new HashSet<String>();
        boolean tagsInRow = tagsInRow();
        // Checked below against the versions listed: a read without a transaction may run it on a later snapshot.
        var rows = db.queryInChecked((tagsInRow ? mapping.selectWithTagArray : mapping.select) + " WHERE r.id IN ",
                missing, reader(withChildren, tagsInRow));
        var read = new HashMap<String, T>();
        for (T record : complete(rows, withChildren, tagsInRow)) {
            Base base = mapping.base.apply(record);
            read.put(base.id(), record);
            if (cache != null) {
                cache.keep(base.id(), base.revision(), record);
            }
        }
        var out = new ArrayList<T>(versions.size());
        for (int i = 0; i < versions.size(); i++) {
            T record = found.get(i) != null ? found.get(i) : read.get(versions.get(i).id());
            if (record != null && mapping.base.apply(record).revision() != versions.get(i).revision()) {
                // Read on another snapshot than the list's (see Jdbc#queryChecked).
                db.requireOneSnapshot();
            }
            if (record == null) {
                db.requireOneSnapshot();
                // Both queries read one snapshot in a read transaction; only a write's (READ
                // COMMITTED on PostgreSQL) may see a row go in between, and then it is gone.
                if (cache != null) {
                    throw new IllegalStateException(mapping.table + " row " + versions.get(i).id()
                            + " listed but not read in the same snapshot");
                }
                continue;
            }
            out.add(record);
        }
        return out;
    }

    /** The records of a full select (see {@link Mapping#select}), with their tags and child rows. */
    private List<T> load(String sql, List<Object> params) {
        return load(sql, params, false);
    }

    /** As {@link #load(String, List)}; {@code tagsInRow}: the select is {@link Mapping#selectWithTagArray}. */
    private List<T> load(String sql, List<Object> params, boolean tagsInRow) {
        var withChildren = new HashSet<String>();
        return complete(db.query(sql, params, reader(withChildren, tagsInRow)), withChildren, tagsInRow);
    }

    /**
     * Reads a full row; adds its id to {@code withChildren} when the child probe says it has some;
     * with {@code tagsInRow}, the tags from its last column.
     */
    private Jdbc.RowMapper<T> reader(Set<String> withChildren, boolean tagsInRow) {
        return row -> {
            T record = mapping.reader.map(row);
            if (mapping.probesChildren && row.bool()) {
                withChildren.add(mapping.base.apply(record).id());
            }
            return tagsInRow ? mapping.withTags.apply(record, row.tagArray()) : record;
        };
    }

    private static String orderBy(Order order) {
        return switch (order) {
            case NEWEST_FIRST -> " ORDER BY r.seq DESC";
            case OLDEST_FIRST -> " ORDER BY r.seq";
            case NAME_ASCENDING -> " ORDER BY r.name, r.seq";
            case NAME_DESCENDING -> " ORDER BY r.name DESC, r.seq DESC";
        };
    }

    /** Tags (one query for the batch, unless read with the rows), then child rows where the probe found some. */
    private List<T> complete(List<T> records, Set<String> withChildren, boolean tagsInRow) {
        if (records.isEmpty()) {
            return records;
        }
        if (tagsInRow) {
            return withChildren.isEmpty() ? records : children.load(records, withChildren);
        }
        var ids = records.stream().map(r -> mapping.base.apply(r).id()).toList();
        var tagsById = tags.tagsOf(mapping.type, ids);
        var tagged = new ArrayList<T>(records.size());
        for (int i = 0; i < records.size(); i++) {
            tagged.add(mapping.withTags.apply(records.get(i), tagsById.getOrDefault(ids.get(i), List.of())));
        }
        return withChildren.isEmpty() ? tagged : children.load(tagged, withChildren);
    }
}
