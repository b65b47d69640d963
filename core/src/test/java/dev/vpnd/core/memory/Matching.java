package dev.vpnd.core.memory;

import java.util.Set;

/** A filter field as the ports define it: an empty set of accepted values accepts any. */
final class Matching {
    private Matching() {
    }

    static <T> boolean accepts(Set<T> accepted, T value) {
        return accepted.isEmpty() || accepted.contains(value);
    }
}
