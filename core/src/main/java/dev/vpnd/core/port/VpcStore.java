package dev.vpnd.core.port;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Vpc;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public interface VpcStore {
    void insert(Vpc vpc, String clientToken);

    Optional<Vpc> find(Scope scope, String id);

    Optional<Vpc> findByClientToken(Scope scope, String clientToken);

    /** The next serial of this resource type; the caller puts it in the record it inserts. */
    long nextSerial();

    Optional<Vpc> findBySerial(Scope scope, long serial);

    Page<Vpc> list(Scope scope, Filter filter, PageRequest page);

    boolean delete(Scope scope, String id);

    /** VPCs matching every field (each a set of accepted values, empty for any; see {@link Match}). */
    record Filter(Set<String> ids, Set<Long> serials, Set<String> names, Set<String> cidrBlocks,
            List<TagFilter> tags) {
        public Filter {
            ids = Set.copyOf(ids);
            serials = Set.copyOf(serials);
            names = Set.copyOf(names);
            cidrBlocks = Set.copyOf(cidrBlocks);
            tags = List.copyOf(tags);
        }

        public static Filter any() {
            return new Filter(Set.of(), Set.of(), Set.of(), Set.of(), List.of());
        }
    }
}
