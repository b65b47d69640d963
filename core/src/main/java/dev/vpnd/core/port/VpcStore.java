package dev.vpnd.core.port;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Vpc;
import java.util.List;
import java.util.Optional;

public interface VpcStore {
    void insert(Vpc vpc, String clientToken);

    Optional<Vpc> find(Scope scope, String id);

    Optional<Vpc> findByClientToken(Scope scope, String clientToken);

    Page<Vpc> list(Scope scope, Filter filter, PageRequest page);

    boolean delete(Scope scope, String id);

    record Filter(String vpcId, String name, List<TagFilter> tags) {
        public Filter {
            tags = List.copyOf(tags);
        }
    }
}
