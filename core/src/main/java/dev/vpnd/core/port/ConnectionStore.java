package dev.vpnd.core.port;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnConnection;
import java.util.List;
import java.util.Optional;

public interface ConnectionStore {
    void insert(VpnConnection connection, String clientToken);

    Optional<VpnConnection> find(Scope scope, String id);

    Optional<VpnConnection> findByClientToken(Scope scope, String clientToken);

    Page<VpnConnection> list(Scope scope, Filter filter, PageRequest page);

    long countOnGateway(Scope scope, String gatewayId);

    /** Connections that use the customer gateway directly or through one of their tunnels. */
    long countOnCustomerGateway(Scope scope, String customerGatewayId);

    boolean update(VpnConnection connection, long expectedRevision);

    boolean delete(Scope scope, String id);

    record Filter(String gatewayId, String customerGatewayId, String connectionId, List<TagFilter> tags) {
        public Filter {
            tags = List.copyOf(tags);
        }
    }
}
