package dev.vpnd.server.security;

/**
 * A growing map from non-zero longs to longs in two arrays (open addressing, linear probing): 16
 * bytes a slot, against some 150 bytes for a String key, an Instant and a map node each. No
 * removal: whole maps are dropped instead. Not thread-safe. The keys are already well-mixed hashes,
 * so their low bits are the slot.
 */
final class LongMap {
    /** What {@link #putIfAbsent} answers for a key it did not hold. */
    static final long ABSENT = Long.MIN_VALUE;

    private long[] keys = new long[64];
    private long[] values = new long[64];
    private int size;

    /**
     * Maps {@code key} (not 0, which marks a free slot) to {@code value} unless it is mapped already.
     *
     * @return the value it had, or {@link #ABSENT} when it was added
     */
    long putIfAbsent(long key, long value) {
        int mask = keys.length - 1;
        int i = (int) key & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        // At most three quarters full, so a probe run stays short.
        if (++size * 4 > keys.length * 3) {
            grow();
        }
        return ABSENT;
    }

    /** The value of {@code key}, or {@link #ABSENT}. */
    long get(long key) {
        int mask = keys.length - 1;
        int i = (int) key & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return ABSENT;
    }

    int size() {
        return size;
    }

    /** The slots the map holds, for its memory: 16 bytes each. */
    int capacity() {
        return keys.length;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = (int) oldKeys[j] & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }
}
