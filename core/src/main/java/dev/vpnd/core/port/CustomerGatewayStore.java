package dev.vpnd.core.port;

import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public interface CustomerGatewayStore {
    void insert(CustomerGateway gateway, String clientToken);

    Optional<CustomerGateway> find(Scope scope, String id);

    Optional<CustomerGateway> findByClientToken(Scope scope, String clientToken);

    /** The next serial of this resource type; the caller puts it in the record it inserts. */
    long nextSerial();

    Optional<CustomerGateway> findBySerial(Scope scope, long serial);

    Optional<CustomerGateway> findByIpAddress(Scope scope, String ipAddress);

    Page<CustomerGateway> list(Scope scope, Filter filter, PageRequest page);

    boolean update(CustomerGateway gateway, long expectedRevision);

    boolean delete(Scope scope, String id);

    /** Customer gateways matching every field (each a set of accepted values, empty for any; see {@link Match}). */
    record Filter(Set<String> ids, Set<Long> serials, Set<String> names, Set<String> ipAddresses,
            List<TagFilter> tags) {
        public Filter {
            ids = Set.copyOf(ids);
            serials = Set.copyOf(serials);
            names = Set.copyOf(names);
            ipAddresses = Set.copyOf(ipAddresses);
            tags = List.copyOf(tags);
        }

        public static Filter any() {
            return new Filter(Set.of(), Set.of(), Set.of(), Set.of(), List.of());
        }
    }
}
