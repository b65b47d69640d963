package dev.vpnd.core.port;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnConnection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public interface ConnectionStore {
    void insert(VpnConnection connection, String clientToken);

    Optional<VpnConnection> find(Scope scope, String id);

    Optional<VpnConnection> findByClientToken(Scope scope, String clientToken);

    /** The next serial of this resource type; the caller puts it in the record it inserts. */
    long nextSerial();

    Optional<VpnConnection> findBySerial(Scope scope, long serial);

    Page<VpnConnection> list(Scope scope, Filter filter, PageRequest page);

    long countOnGateway(Scope scope, String gatewayId);

    /** Connections that use the customer gateway directly or through one of their tunnels. */
    long countOnCustomerGateway(Scope scope, String customerGatewayId);

    boolean update(VpnConnection connection, long expectedRevision);

    boolean delete(Scope scope, String id);

    /**
     * Connections matching every field (each a set of accepted values, empty for any; see
     * {@link Match}); {@code nameContains}, when not empty, is a substring of the name.
     */
    record Filter(Set<String> ids, Set<Long> serials, Set<String> gatewayIds, Set<String> customerGatewayIds,
            Set<String> vpcIds, Set<String> names, String nameContains, List<TagFilter> tags) {
        public Filter {
            ids = Set.copyOf(ids);
            serials = Set.copyOf(serials);
            gatewayIds = Set.copyOf(gatewayIds);
            customerGatewayIds = Set.copyOf(customerGatewayIds);
            vpcIds = Set.copyOf(vpcIds);
            names = Set.copyOf(names);
            nameContains = nameContains == null ? "" : nameContains;
            tags = List.copyOf(tags);
        }

        public static Filter any() {
            return new Filter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), "", List.of());
        }

        /** Whether this filter names nothing but the scope and at most one gateway. */
        public boolean atMostOneGateway() {
            return equals(new Filter(Set.of(), Set.of(), gatewayIds, Set.of(), Set.of(), Set.of(), "", List.of()))
                    && gatewayIds.size() <= 1;
        }
    }
}
