package dev.vpnd.server.dialect;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A dialect's actions by the name the wire gives them. Adding an action is adding a line to the
 * table; the pipeline answers any other name with the dialect's unknown-action error.
 */
public record ActionTable<A>(Map<String, A> byName) {

    public ActionTable {
        byName = Map.copyOf(byName);
    }

    /** The action called {@code name}; empty for a null name too. */
    public Optional<A> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
