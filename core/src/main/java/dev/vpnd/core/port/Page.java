package dev.vpnd.core.port;

import java.util.List;

/** One page of a list and the exact number of items matching the filter. */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
