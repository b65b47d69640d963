package dev.vpnd.core.memory;

import static dev.vpnd.core.memory.Matching.accepts;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class MemoryConnectionStore implements ConnectionStore {
    private final MemoryState state;

    MemoryConnectionStore(MemoryState state) {
        this.state = state;
    }

    @Override
    public void insert(VpnConnection connection, String clientToken) {
        state.checkWritable();
        state.connections.insert(connection.withTags(List.of()), clientToken);
    }

    @Override
    public Optional<VpnConnection> find(Scope scope, String id) {
        return state.connections.find(scope, id).map(this::tagged);
    }

    @Override
    public Optional<VpnConnection> findByClientToken(Scope scope, String clientToken) {
        return state.connections.findByClientToken(scope, clientToken).map(this::tagged);
    }

    @Override
    public long nextSerial() {
        state.checkWritable();
        return state.connections.nextSerial();
    }

    @Override
    public Optional<VpnConnection> findBySerial(Scope scope, long serial) {
        return state.connections.findBySerial(scope, serial).map(this::tagged);
    }

    /** {@code nameContains} ignores ASCII case, as the store's LIKE does. */
    @Override
    public Page<VpnConnection> list(Scope scope, Filter filter, PageRequest page) {
        String part = filter.nameContains().toLowerCase(Locale.ROOT);
        var found = state.connections.list(scope, c -> accepts(filter.ids(), c.id())
                && accepts(filter.serials(), c.serial()) && accepts(filter.gatewayIds(), c.gatewayId())
                && accepts(filter.customerGatewayIds(), c.customerGatewayId())
                && accepts(filter.vpcIds(), c.vpcId()) && accepts(filter.names(), c.name())
                && c.name().toLowerCase(Locale.ROOT).contains(part)
                && state.tagged(ResourceType.VPN_CONNECTION, c.id(), filter.tags()), page);
        return new Page<>(found.items().stream().map(this::tagged).toList(), found.total());
    }

    @Override
    public long countOnGateway(Scope scope, String gatewayId) {
        return state.connections.count(scope, c -> c.gatewayId().equals(gatewayId));
    }

    @Override
    public long countOnCustomerGateway(Scope scope, String customerGatewayId) {
        return state.connections.count(scope, c -> c.customerGatewayId().equals(customerGatewayId)
                || c.tunnels().stream().anyMatch(t -> t.customerGatewayId().equals(customerGatewayId)));
    }

    @Override
    public boolean update(VpnConnection connection, long expectedRevision) {
        state.checkWritable();
        return state.connections.update(connection.withTags(List.of()), expectedRevision);
    }

    @Override
    public boolean delete(Scope scope, String id) {
        state.checkWritable();
        if (!state.connections.delete(scope, id)) {
            return false;
        }
        state.dataPlane.forget(id);
        return true;
    }

    private VpnConnection tagged(VpnConnection c) {
        return c.withTags(state.tagsOf(ResourceType.VPN_CONNECTION, c.id()));
    }
}
