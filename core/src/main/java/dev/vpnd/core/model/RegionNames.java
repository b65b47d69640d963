package dev.vpnd.core.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One dialect's view of the {@link Regions}: the names its clients send, each standing for a
 * region's id. A dialect turns the name a request carries into the id ({@link #id}) before it
 * reads or writes, and the id of a stored resource back into its name ({@link #name}) when it
 * shows one.
 */
public final class RegionNames {
    private final String dialect;
    private final Map<String, String> idsByName;
    private final Map<String, String> namesById;
    private final List<String> names;

    RegionNames(String dialect, Map<String, String> idsByName) {
        this.dialect = dialect;
        this.idsByName = Map.copyOf(idsByName);
        var byId = new HashMap<String, String>();
        idsByName.forEach((name, id) -> byId.put(id, name));
        this.namesById = Map.copyOf(byId);
        this.names = List.copyOf(idsByName.keySet());
    }

    public String dialect() {
        return dialect;
    }

    /** The id of the region the dialect calls {@code name}; empty when the dialect has no such region. */
    public Optional<String> id(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(idsByName.get(name));
    }

    /** The dialect's name for the region {@code id}; empty when the dialect does not serve it. */
    public Optional<String> name(String id) {
        return Optional.ofNullable(namesById.get(id));
    }

    /** The names, in the table's order. */
    public List<String> names() {
        return names;
    }
}
