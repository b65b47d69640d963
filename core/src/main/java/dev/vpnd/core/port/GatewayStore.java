package dev.vpnd.core.port;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnGateway;
import java.util.List;
import java.util.Optional;

public interface GatewayStore {
    void insert(VpnGateway gateway, String clientToken);

    Optional<VpnGateway> find(Scope scope, String id);

    Optional<VpnGateway> findByClientToken(Scope scope, String clientToken);

    Page<VpnGateway> list(Scope scope, Filter filter, PageRequest page);

    long countInVpc(Scope scope, String vpcId);

    /** Compare-and-set on {@code revision}: false when the stored row is gone or has moved on. */
    boolean update(VpnGateway gateway, long expectedRevision);

    boolean delete(Scope scope, String id);

    record Filter(String gatewayId, String vpcId, List<TagFilter> tags) {
        public Filter {
            tags = List.copyOf(tags);
        }
    }
}
