package dev.vpnd.core.port;

import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.Scope;
import java.util.List;
import java.util.Optional;

public interface CustomerGatewayStore {
    void insert(CustomerGateway gateway, String clientToken);

    Optional<CustomerGateway> find(Scope scope, String id);

    Optional<CustomerGateway> findByClientToken(Scope scope, String clientToken);

    Optional<CustomerGateway> findByIpAddress(Scope scope, String ipAddress);

    Page<CustomerGateway> list(Scope scope, Filter filter, PageRequest page);

    boolean update(CustomerGateway gateway, long expectedRevision);

    boolean delete(Scope scope, String id);

    record Filter(String customerGatewayId, List<TagFilter> tags) {
        public Filter {
            tags = List.copyOf(tags);
        }
    }
}
