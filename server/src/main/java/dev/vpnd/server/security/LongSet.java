package dev.vpnd.server.security;

/**
 * A growing set of non-zero longs in one array (open addressing, linear probing): 8 bytes a slot,
 * against some 150 bytes for a String key, an Instant and a map node each. No removal: whole sets
 * are dropped instead. Not thread-safe. The values are already well-mixed hashes, so their low
 * bits are the slot.
 */
final class LongSet {
    private long[] slots = new long[64];
    private int size;

    /** Adds {@code value} (not 0, which marks a free slot); false when it was there already. */
    boolean add(long value) {
        int mask = slots.length - 1;
        int i = (int) value & mask;
        while (slots[i] != 0) {
            if (slots[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = value;
        // At most three quarters full, so a probe run stays short.
        if (++size * 4 > slots.length * 3) {
            grow();
        }
        return true;
    }

    boolean contains(long value) {
        int mask = slots.length - 1;
        int i = (int) value & mask;
        while (slots[i] != 0) {
            if (slots[i] == value) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    int size() {
        return size;
    }

    /** The slots the set holds, for its memory: 8 bytes each. */
    int capacity() {
        return slots.length;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long value : old) {
            if (value != 0) {
                int i = (int) value & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = value;
            }
        }
    }
}
