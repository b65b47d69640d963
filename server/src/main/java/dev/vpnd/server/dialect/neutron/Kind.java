package dev.vpnd.server.dialect.neutron;

import dev.vpnd.server.dialect.WireFault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Neutron collection: its URL path under {@code /v2.0}, its singular and plural JSON keys, its
 * attribute map in the order Neutron writes the attributes, the 404 it answers for a missing id,
 * whether its JSON is spaced (see {@link NeutronJson}), and what it does beyond storing documents.
 */
record Kind(String path, String member, String collection, List<Attribute> attributes, NeutronError missing,
        boolean spaced, Behaviour behaviour) {

    Map<String, Attribute> byName() {
        var map = new LinkedHashMap<String, Attribute>();
        attributes.forEach(a -> map.put(a.name(), a));
        return map;
    }

    WireFault notFound(String id) {
        return missing.fault(id);
    }
}
