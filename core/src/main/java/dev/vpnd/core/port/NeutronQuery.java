package dev.vpnd.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Neutron list of canonical records, answered by the store in one query: whose records (an
 * account's, every account's when {@code accountId} is null; of one region, an id), which values the
 * fields must take (each condition is met by any of its values, and every condition must be met;
 * a condition with no values is met by nothing), in what order (then by id), and which page: the
 * first {@code limit} records after the {@code marker} record, or the last ones before it when
 * {@code reverse}, in list order (no marker: from the start, or the end when {@code reverse}). A
 * marker that names no record of the list gives an empty page, as Neutron's emulated paging does.
 * {@code limit} 0 is every record, marker and direction ignored. {@code now} tells which records
 * are still pending.
 *
 * @param <F> the kind's fields (see {@link OpenStackStore}); only text fields sort
 */
public record NeutronQuery<F extends Enum<F>>(String accountId, String region, List<Condition<F>> conditions,
        List<Order<F>> order, String marker, boolean reverse, int limit, Instant now) {

    public NeutronQuery {
        Objects.requireNonNull(region, "region");
        conditions = List.copyOf(conditions);
        order = List.copyOf(order);
        Objects.requireNonNull(now, "now");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }

    /** The one record of this id, when the account holds it in the region. */
    public static <F extends Enum<F>> NeutronQuery<F> one(String accountId, String region, F idField, String id,
            Instant now) {
        return new NeutronQuery<>(accountId, region, List.of(new Condition<>(idField, Set.of(id))), List.of(), null,
                false, 0, now);
    }

    /** Every record of the account in the region, in id order. */
    public static <F extends Enum<F>> NeutronQuery<F> all(String accountId, String region, Instant now) {
        return new NeutronQuery<>(accountId, region, List.of(), List.of(), null, false, 0, now);
    }

    /** The field takes one of {@code anyOf}, values of the field's type. */
    public record Condition<F extends Enum<F>>(F field, Set<?> anyOf) {
        public Condition {
            Objects.requireNonNull(field, "field");
            anyOf = Set.copyOf(anyOf);
        }
    }

    /** One sort key. */
    public record Order<F extends Enum<F>>(F field, boolean descending) {
        public Order {
            Objects.requireNonNull(field, "field");
        }
    }
}
