package dev.vpnd.core.port;

import java.util.Collection;
import java.util.Set;

/** Values a filter field accepts; an empty set accepts any (the field was not given). */
public final class Match {
    private Match() {
    }

    /** The one value, or any when it is null. */
    public static <T> Set<T> oneOrAny(T value) {
        return value == null ? Set.of() : Set.of(value);
    }

    public static <T> Set<T> anyOf(Collection<T> values) {
        return Set.copyOf(values);
    }
}
