package dev.vpnd.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One region of the inventory every dialect shares. {@code id} is what {@link Scope#region} holds
 * and the store keeps with each resource of the region; {@code names} gives, by dialect key, the
 * name a dialect's clients use for it. A dialect that has no name for the region cannot reach what
 * it holds; the others still can. {@link Regions} checks the ids and names.
 */
public record Region(String id, Map<String, String> names) {
    public Region {
        Objects.requireNonNull(id, "id");
        names = Map.copyOf(names);
    }

    /** The region's name in {@code dialect}, if that dialect serves it. */
    public Optional<String> name(String dialect) {
        return Optional.ofNullable(names.get(dialect));
    }
}
