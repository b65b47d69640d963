package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.port.NeutronQuery;
import dev.vpnd.core.port.NeutronQuery.Condition;
import dev.vpnd.core.port.NeutronQuery.Order;
import dev.vpnd.server.dialect.WireFault;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How a list of a {@link Canonical} kind is asked of the store: each filterable attribute as a
 * field of the kind's {@link NeutronQuery} (what each wanted value means in the field's type, none
 * when it can match nothing), as a constant, or as a filter on the documents themselves for what
 * the store cannot compare (a sealed secret). The store filters, sorts and pages; only with a
 * document filter does it answer every match, sorted, which the filter and Neutron's paging then cut.
 *
 * @param attributes every filterable attribute of the kind (its sortable ones are text fields)
 */
record CanonicalList<F extends Enum<F>>(Map<String, Filter<F>> attributes) {

    /** How one attribute is filtered. */
    sealed interface Filter<F extends Enum<F>> {
    }

    /** By a field of the query; {@code meaning} gives the field's values a wanted value stands for. */
    record OnField<F extends Enum<F>>(F field, Function<String, Set<?>> meaning) implements Filter<F> {
    }

    /** The same value on every resource (a site connection's route_mode): no record is excluded, or all are. */
    record Constant<F extends Enum<F>>(String value, F anyField) implements Filter<F> {
    }

    /** On the documents, after the store's answer. */
    record OnDocuments<F extends Enum<F>>() implements Filter<F> {
    }

    /** A text field: the value as given. */
    static <F extends Enum<F>> OnField<F> text(F field) {
        return new OnField<>(field, Set::of);
    }

    /** An integer field: the value as an integer, nothing when it is none (Neutron compares it so). */
    static <F extends Enum<F>> OnField<F> integer(F field) {
        return new OnField<>(field, wanted -> {
            try {
                return Set.of(Long.parseLong(wanted.strip()));
            } catch (NumberFormatException e) {
                return Set.of();
            }
        });
    }

    /** A boolean field, as convert_to_boolean reads the value; nothing when it reads none. */
    static <F extends Enum<F>> OnField<F> bool(F field) {
        return new OnField<>(field, wanted -> {
            try {
                return Set.of(Checks.toBoolean(NeutronJson.NODES.textNode(wanted)));
            } catch (WireFault e) {
                return Set.of();
            }
        });
    }

    /** A field of canonical values shown through {@code spelling}: every value spelled as wanted. */
    static <F extends Enum<F>, V> OnField<F> spelled(F field, V[] values, Function<V, String> spelling) {
        return new OnField<>(field, wanted -> {
            var meant = new HashSet<V>();
            for (V value : values) {
                if (spelling.apply(value).equals(wanted)) {
                    meant.add(value);
                }
            }
            return meant;
        });
    }

    /**
     * The page {@code query} asks for, read through {@code read}: the caller's account's (every
     * account's for an admin), filtered, sorted and paged by the store.
     */
    List<ObjectNode> page(Operation op, Kind kind, ListQuery query, Function<NeutronQuery<F>, List<ObjectNode>> read) {
        var order = new ArrayList<Order<F>>();
        for (var key : query.sortKeys(kind)) {
            order.add(new Order<>(field(key.attribute()), key.descending()));
        }
        int limit = query.limit();
        var conditions = new ArrayList<Condition<F>>();
        var onDocuments = new HashSet<String>();
        for (var filter : query.filters(kind).entrySet()) {
            switch (attributes.get(filter.getKey())) {
                case OnField<F> f -> {
                    var values = new HashSet<Object>();
                    filter.getValue().forEach(wanted -> values.addAll(f.meaning().apply(wanted)));
                    conditions.add(new Condition<>(f.field(), values));
                }
                case Constant<F> c -> {
                    if (!filter.getValue().contains(c.value())) {
                        conditions.add(new Condition<>(c.anyField(), Set.of()));
                    }
                }
                case OnDocuments<F> d -> onDocuments.add(filter.getKey());
                case null -> throw new IllegalStateException(kind.collection() + " have no filter on "
                        + filter.getKey());
            }
        }
        if (onDocuments.isEmpty()) {
            return read.apply(new NeutronQuery<>(op.readableAccount(), op.tx.region(), conditions, order,
                    limit > 0 ? query.marker() : null, limit > 0 && query.reverse(), limit, op.now()));
        }
        var matching = read.apply(new NeutronQuery<>(op.readableAccount(), op.tx.region(), conditions, order, null,
                false, 0, op.now())).stream().filter(doc -> query.matches(kind, doc, onDocuments)).toList();
        return query.page(matching);
    }

    private F field(String attribute) {
        if (attributes.get(attribute) instanceof OnField<F> f) {
            return f.field();
        }
        throw new IllegalStateException("no field sorts by " + attribute);
    }
}
