package dev.vpnd.core.memory;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rows of one resource type, as the store keeps them: by id, each with its client token and
 * its place in insertion order, which the lists order by; a client token is unique within a scope,
 * an id and a serial within the table. Records are kept without their tags (the tag table has them).
 */
final class MemoryTable<T> {
    /** How to read the columns every resource has, and write a new revision. */
    interface Shape<T> {
        String id(T record);

        Scope scope(T record);

        long serial(T record);

        long revision(T record);

        String name(T record);

        T withRevision(T record, long revision);
    }

    private record Row<T>(T record, String clientToken, long seq) {
    }

    private final Shape<T> shape;
    private final Map<String, Row<T>> rows;
    private long lastSeq;
    private long lastSerial;

    MemoryTable(Shape<T> shape) {
        this(shape, new LinkedHashMap<>(), 0, 0);
    }

    private MemoryTable(Shape<T> shape, Map<String, Row<T>> rows, long lastSeq, long lastSerial) {
        this.shape = shape;
        this.rows = rows;
        this.lastSeq = lastSeq;
        this.lastSerial = lastSerial;
    }

    MemoryTable<T> copy() {
        return new MemoryTable<>(shape, new LinkedHashMap<>(rows), lastSeq, lastSerial);
    }

    void insert(T record, String clientToken) {
        String id = shape.id(record);
        if (rows.containsKey(id)) {
            throw new IllegalStateException("duplicate id " + id);
        }
        if (rows.values().stream().anyMatch(r -> shape.serial(r.record()) == shape.serial(record))) {
            throw new IllegalStateException("duplicate serial " + shape.serial(record));
        }
        if (!clientToken.isEmpty() && findByClientToken(shape.scope(record), clientToken).isPresent()) {
            throw new IllegalStateException("duplicate client token in " + shape.scope(record));
        }
        rows.put(id, new Row<>(record, clientToken, ++lastSeq));
    }

    Optional<T> find(Scope scope, String id) {
        return Optional.ofNullable(rows.get(id)).map(Row::record).filter(r -> shape.scope(r).equals(scope));
    }

    Optional<T> findByClientToken(Scope scope, String clientToken) {
        return rows.values().stream()
                .filter(r -> !clientToken.isEmpty() && r.clientToken().equals(clientToken)
                        && shape.scope(r.record()).equals(scope))
                .map(Row::record).findFirst();
    }

    Optional<T> findBySerial(Scope scope, long serial) {
        return rows.values().stream().map(Row::record)
                .filter(r -> shape.serial(r) == serial && shape.scope(r).equals(scope)).findFirst();
    }

    /** The record of this id in whichever scope. */
    Optional<T> findAnywhere(String id) {
        return Optional.ofNullable(rows.get(id)).map(Row::record);
    }

    /** The record of this serial in whichever scope. */
    Optional<T> findBySerialAnywhere(long serial) {
        return rows.values().stream().map(Row::record).filter(r -> shape.serial(r) == serial).findFirst();
    }

    long nextSerial() {
        return ++lastSerial;
    }

    /** The records of the scope that {@code matches} accepts, one page in the asked order, and their total. */
    Page<T> list(Scope scope, Predicate<T> matches, PageRequest page) {
        List<Row<T>> found = rows.values().stream()
                .filter(r -> shape.scope(r.record()).equals(scope) && matches.test(r.record()))
                .sorted(order(page.order())).toList();
        var items = found.stream().skip(page.offset()).limit(page.limit()).map(Row::record).toList();
        return new Page<>(items, found.size());
    }

    /** The ids of the scope's records, newest first. */
    List<String> idsNewestFirst(Scope scope) {
        return rows.values().stream().filter(r -> shape.scope(r.record()).equals(scope))
                .sorted(order(PageRequest.Order.NEWEST_FIRST)).map(r -> shape.id(r.record())).toList();
    }

    long count(Scope scope, Predicate<T> matches) {
        return rows.values().stream().map(Row::record).filter(r -> shape.scope(r).equals(scope) && matches.test(r))
                .count();
    }

    /** Compare-and-set on the revision, within the record's scope. */
    boolean update(T record, long expectedRevision) {
        var row = rows.get(shape.id(record));
        if (row == null || !shape.scope(row.record()).equals(shape.scope(record))
                || shape.revision(row.record()) != expectedRevision) {
            return false;
        }
        rows.put(shape.id(record), new Row<>(record, row.clientToken(), row.seq()));
        return true;
    }

    boolean delete(Scope scope, String id) {
        if (find(scope, id).isEmpty()) {
            return false;
        }
        rows.remove(id);
        return true;
    }

    /** Moves the record's revision on; it must exist in the scope. */
    void bumpRevision(Scope scope, String id) {
        var row = rows.get(id);
        if (row == null || !shape.scope(row.record()).equals(scope)) {
            throw new IllegalStateException("no " + id + " in " + scope + " to move on");
        }
        var moved = shape.withRevision(row.record(), shape.revision(row.record()) + 1);
        rows.put(id, new Row<>(moved, row.clientToken(), row.seq()));
    }

    private Comparator<Row<T>> order(PageRequest.Order order) {
        Comparator<Row<T>> bySeq = Comparator.comparingLong(Row::seq);
        Comparator<Row<T>> byName = Comparator.comparing(r -> shape.name(r.record()));
        return switch (order) {
            case NEWEST_FIRST -> bySeq.reversed();
            case OLDEST_FIRST -> bySeq;
            case NAME_ASCENDING -> byName.thenComparing(bySeq);
            case NAME_DESCENDING -> byName.reversed().thenComparing(bySeq.reversed());
        };
    }
}
