package dev.vpnd.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;

/**
 * Records of one type that read transactions loaded lately, each with the revision it was read at.
 * A list then reads only the ids and revisions of its page and decodes whole rows (fifty-odd columns,
 * their tags, their tunnels) only for records it has not seen at that revision: on SQLite a full row
 * costs ten times what its id and revision do.
 *
 * <p>Exact because every write of a record's stored content moves its revision on in the same
 * transaction (a compare-and-set update of its columns and child rows, a change of its tags through
 * {@link dev.vpnd.core.port.TagStore#bumpRevision}), and because only committed snapshots fill it:
 * write transactions neither read from it nor add to it, so a record that a rollback undid never
 * gets in. Revisions of a record only grow and are never reused, ids never return, so the content
 * of (id, revision) is the same on every node sharing a database, and nodes need not tell each
 * other anything.
 */
final class RecordCache<T> {
    /**
     * Twice the first pages of a thousand gateways. A connection is a few kilobytes of objects, so
     * this bounds the cache to tens of megabytes (docs/design.md, Storage).
     */
    static final int CAPACITY = 20_000;

    private record Kept<T>(long revision, T record) {
    }

    private final Cache<String, Kept<T>> kept = Caffeine.newBuilder().maximumSize(CAPACITY)
            // Upkeep runs on the calling thread: handing it to the common pool costs more on two cores.
            .executor(Runnable::run).build();
    /**
     * Reads leave the eviction order alone. Recording each read moved cache nodes, long in the old
     * generation, on every request; each move marks a card that the next young collection must scan,
     * and those scans were most of its pause (docs/design.md, Storage). Eviction then follows
     * insertion and write frequency: a record still read when evicted is read whole once more, then
     * kept again.
     */
    private final Policy<String, Kept<T>> quietly = kept.policy();

    /** The record as read at {@code revision}, or null when this cache has not seen that version. */
    T find(String id, long revision) {
        Kept<T> found = quietly.getIfPresentQuietly(id);
        return found != null && found.revision() == revision ? found.record() : null;
    }

    void keep(String id, long revision, T record) {
        kept.asMap().merge(id, new Kept<>(revision, record),
                (old, fresh) -> fresh.revision() >= old.revision() ? fresh : old);
    }
}
