package dev.vpnd.bench;

/**
 * Timestamps for a batch of requests signed before a run, spread so that no two carry the same
 * signature where the server spends signatures (docs/benchmarks.md, "Other dialects"). Tencent's
 * signatures have no random part of a size to rely on: TC3 signs the body and the timestamp only,
 * and the legacy Nonce is a 16-bit number. So the {@code k}th request of a batch takes the
 * {@code k mod perSecond}th variant of the call (a gateway, a nonce) and the timestamp
 * {@code base + 0, -1, +1, -2, +2, …} seconds by {@code k / perSecond}: distinct pairs, all within
 * {@link #MAX_SKEW_SECONDS} of the signing time, inside the five minutes Tencent accepts for a run
 * that ends well within the other half minute. A client fleet with clocks a few minutes apart
 * sends the same.
 */
record UniqueStamps(long base, long perSecond) {
    static final long MAX_SKEW_SECONDS = 270;

    UniqueStamps {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1");
        }
    }

    /** From now, the current second. */
    static UniqueStamps fromNow(long perSecond) {
        return new UniqueStamps(System.currentTimeMillis() / 1000, perSecond);
    }

    /** How many requests a batch can hold. */
    long capacity() {
        return (2 * MAX_SKEW_SECONDS + 1) * perSecond;
    }

    /** Which variant the {@code k}th request takes: {@code k mod perSecond}. */
    int variant(long k) {
        return (int) (k % perSecond);
    }

    /** The Unix timestamp of the {@code k}th request. */
    long timestamp(long k) {
        if (k < 0 || k >= capacity()) {
            throw new IllegalArgumentException("request " + k + " of a batch that holds " + capacity());
        }
        long second = k / perSecond;
        long skew = second % 2 == 0 ? second / 2 : -(second + 1) / 2;
        return base + skew;
    }
}
