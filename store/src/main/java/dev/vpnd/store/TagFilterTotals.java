package dev.vpnd.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Exact totals of lists filtered by tags alone, kept per node with the tag generation of their scope
 * and resource type (tag_generations, V24) that the counting snapshot read. Every transaction that
 * changes which resources of a scope carry which tags moves that number on (JdbcTagStore), and
 * concurrent movers queue on its row, so two snapshots reading the same number see the same tags and
 * the same total: a kept total serves a read only at the number it was counted at, on any number of
 * nodes. Only read transactions use it, so a rolled-back write never fills it. Counting a common
 * value walks every matching index entry (tens of milliseconds for a region's hundred thousand), so
 * repeated lists of an unchanged scope count once.
 */
final class TagFilterTotals {
    /** Distinct filters of scopes kept at once; an entry is a few hundred bytes. */
    static final int CAPACITY = 10_000;

    /** A list's table, the SQL of its clause and the clause's bind values (scope and filters). */
    private record Key(String table, String clause, List<Object> params) {
    }

    private record Kept(long generation, long total) {
    }

    private final Cache<Key, Kept> kept = Caffeine.newBuilder().maximumSize(CAPACITY)
            .executor(Runnable::run).build();

    /** The total of {@code where} in {@code table} at {@code generation}, counted by {@code count} if not kept. */
    long total(String table, Where where, long generation, LongSupplier count) {
        var key = new Key(table, where.sql(), List.copyOf(where.params()));
        Kept found = kept.policy().getIfPresentQuietly(key);
        if (found != null && found.generation() == generation) {
            return found.total();
        }
        long total = count.getAsLong();
        kept.asMap().merge(key, new Kept(generation, total),
                (old, fresh) -> fresh.generation() >= old.generation() ? fresh : old);
        return total;
    }
}
