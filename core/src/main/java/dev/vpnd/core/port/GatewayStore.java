package dev.vpnd.core.port;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnGateway;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public interface GatewayStore {
    void insert(VpnGateway gateway, String clientToken);

    Optional<VpnGateway> find(Scope scope, String id);

    Optional<VpnGateway> findByClientToken(Scope scope, String clientToken);

    /** The next serial of this resource type; the caller puts it in the record it inserts. */
    long nextSerial();

    Optional<VpnGateway> findBySerial(Scope scope, long serial);

    Page<VpnGateway> list(Scope scope, Filter filter, PageRequest page);

    long countInVpc(Scope scope, String vpcId);

    /** Compare-and-set on {@code revision}: false when the stored row is gone or has moved on. */
    boolean update(VpnGateway gateway, long expectedRevision);

    boolean delete(Scope scope, String id);

    /**
     * Gateways matching every field (each a set of accepted values, empty for any; see {@link Match});
     * {@code ssl}, when not empty, matches gateways by whether they serve SSL-VPN.
     */
    record Filter(Set<String> ids, Set<Long> serials, Set<String> vpcIds, Set<String> names,
            Set<String> internetIps, Set<String> zones, Set<Boolean> ssl, List<TagFilter> tags) {
        public Filter {
            ids = Set.copyOf(ids);
            serials = Set.copyOf(serials);
            vpcIds = Set.copyOf(vpcIds);
            names = Set.copyOf(names);
            internetIps = Set.copyOf(internetIps);
            zones = Set.copyOf(zones);
            ssl = Set.copyOf(ssl);
            tags = List.copyOf(tags);
        }

        public static Filter any() {
            return new Filter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), List.of());
        }
    }
}
