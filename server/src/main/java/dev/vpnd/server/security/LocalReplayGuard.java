package dev.vpnd.server.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers nonces in this process's memory: right for one node on SQLite, where a database write
 * per request would cost a disk flush. Nodes sharing PostgreSQL use {@link SharedReplayGuard}.
 *
 * <p>A nonce is kept two windows from its first use, with the millisecond of that use, in the map of
 * the bucket of time (a third of a window) it arrived in; a whole map is dropped, without looking
 * into it, once its newest entry is
 * two windows old. So memory follows the request rate times two windows and a bucket, however long
 * the process runs, and no entry is ever scanned to expire it. A fresh nonce is looked for in every
 * map still kept, about one cache miss each: buckets of a third of a window keep that to seven
 * maps, at the price of holding nonces up to a sixth longer (figures in docs/design.md, "Signature
 * nonces").
 *
 * <p>Kept is a 64-bit hash of (key id, nonce), not the text, and its first use. A fresh pair whose hash equals a kept
 * one is refused as a replay (a replay is never accepted): with n hashes kept, that happens to a
 * fresh request with probability about n/2^64, one in a million million at 21 million. The hash
 * is seeded per process, so colliding nonces cannot be prepared in advance; it is not a
 * cryptographic hash, but the guard is asked only after the signature checked, so whoever found
 * collisions would get their own key's requests refused, no one else's.
 *
 * <p>The hashes are spread over stripes, each with its own lock and ring of maps, so concurrent
 * requests seldom wait for each other.
 */
public final class LocalReplayGuard implements ReplayGuard {
    static final int BUCKETS_PER_WINDOW = 3;
    /** The stripe is the hash's top bits; a map's slot, its low bits. */
    private static final int STRIPE_BITS = 4;
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private final long bucketMillis;
    private final int buckets;
    private final long seed;
    private final Stripe[] stripes = new Stripe[1 << STRIPE_BITS];

    public LocalReplayGuard(Duration window) {
        this(window, window.dividedBy(BUCKETS_PER_WINDOW), new SecureRandom().nextLong());
    }

    LocalReplayGuard(Duration window, Duration bucket, long seed) {
        this.bucketMillis = bucket.toMillis();
        // A nonce arrives at most a bucket before its bucket ends; its map is kept two windows past that end.
        this.buckets = (int) Math.ceilDiv(window.toMillis() * 2, bucketMillis) + 1;
        this.seed = seed;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Stripe();
        }
    }

    @Override
    public Optional<Instant> earlierUse(String accessKeyId, String nonce, Instant now) {
        long hash = hash(accessKeyId, nonce);
        long millis = now.toEpochMilli();
        long earlier = stripes[(int) (hash >>> (Long.SIZE - STRIPE_BITS))].use(hash, millis);
        return earlier == LongMap.ABSENT ? Optional.empty() : Optional.of(Instant.ofEpochMilli(earlier));
    }

    /** The hashes held, in maps not yet dropped, whether or not they are still needed. */
    long held() {
        long held = 0;
        for (Stripe stripe : stripes) {
            held += stripe.held();
        }
        return held;
    }

    /**
     * Every character through a multiply and a rotate (so high bits feed the low ones), the key id's
     * length between the two texts (so no split of one text looks like another), then MurmurHash3's
     * finalizer. Never 0, which marks a free slot in {@link LongMap}.
     */
    private long hash(String keyId, String nonce) {
        long h = mix(seed, keyId);
        h = Long.rotateLeft((h ^ keyId.length()) * MULTIPLIER, 27);
        h = mix(h, nonce);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private static long mix(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h = Long.rotateLeft((h ^ text.charAt(i)) * MULTIPLIER, 27);
        }
        return h;
    }

    /** A ring of {@link #buckets} maps: the map of bucket b sits at b mod buckets until b + buckets replaces it. */
    private final class Stripe {
        private final LongMap[] maps = new LongMap[buckets];
        private final long[] labels = new long[buckets];
        private long newest = Long.MIN_VALUE;

        /**
         * The millisecond {@code hash} was first used at, or {@link LongMap#ABSENT} (and it is now, at
         * {@code millis}).
         */
        synchronized long use(long hash, long millis) {
            long bucket = Math.floorDiv(millis, bucketMillis);
            // Requests reach the lock a little out of the order of their times; a late one joins
            // the newest map, which keeps it a little longer, never too short.
            if (bucket < newest) {
                bucket = newest;
            } else {
                newest = bucket;
            }
            for (int i = 0; i < buckets; i++) {
                if (maps[i] != null && labels[i] > bucket - buckets) {
                    long earlier = maps[i].get(hash);
                    if (earlier != LongMap.ABSENT) {
                        return earlier;
                    }
                }
            }
            int slot = (int) Math.floorMod(bucket, (long) buckets);
            if (maps[slot] == null || labels[slot] != bucket) {
                maps[slot] = new LongMap();
                labels[slot] = bucket;
            }
            maps[slot].putIfAbsent(hash, millis);
            return LongMap.ABSENT;
        }

        synchronized long held() {
            long held = 0;
            for (LongMap map : maps) {
                held += map == null ? 0 : map.size();
            }
            return held;
        }
    }
}
