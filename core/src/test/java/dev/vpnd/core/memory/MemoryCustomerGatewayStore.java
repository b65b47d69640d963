package dev.vpnd.core.memory;

import static dev.vpnd.core.memory.Matching.accepts;

import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.port.CustomerGatewayStore;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import java.util.Optional;

final class MemoryCustomerGatewayStore implements CustomerGatewayStore {
    private final MemoryState state;

    MemoryCustomerGatewayStore(MemoryState state) {
        this.state = state;
    }

    /** An address is unique within a scope, as the store's index makes it. */
    @Override
    public void insert(CustomerGateway gateway, String clientToken) {
        state.checkWritable();
        if (findByIpAddress(gateway.scope(), gateway.ipAddress()).isPresent()) {
            throw new IllegalStateException("duplicate address " + gateway.ipAddress());
        }
        state.customerGateways.insert(gateway.withTags(List.of()), clientToken);
    }

    @Override
    public Optional<CustomerGateway> find(Scope scope, String id) {
        return state.customerGateways.find(scope, id).map(this::tagged);
    }

    @Override
    public Optional<CustomerGateway> findByClientToken(Scope scope, String clientToken) {
        return state.customerGateways.findByClientToken(scope, clientToken).map(this::tagged);
    }

    @Override
    public long nextSerial() {
        state.checkWritable();
        return state.customerGateways.nextSerial();
    }

    @Override
    public Optional<CustomerGateway> findBySerial(Scope scope, long serial) {
        return state.customerGateways.findBySerial(scope, serial).map(this::tagged);
    }

    @Override
    public Optional<CustomerGateway> findByIpAddress(Scope scope, String ipAddress) {
        return state.customerGateways.list(scope, g -> g.ipAddress().equals(ipAddress), new PageRequest(0, 1))
                .items().stream().findFirst().map(this::tagged);
    }

    @Override
    public Page<CustomerGateway> list(Scope scope, Filter filter, PageRequest page) {
        var found = state.customerGateways.list(scope, g -> accepts(filter.ids(), g.id())
                && accepts(filter.serials(), g.serial()) && accepts(filter.names(), g.name())
                && accepts(filter.ipAddresses(), g.ipAddress())
                && state.tagged(ResourceType.CUSTOMER_GATEWAY, g.id(), filter.tags()), page);
        return new Page<>(found.items().stream().map(this::tagged).toList(), found.total());
    }

    @Override
    public boolean update(CustomerGateway gateway, long expectedRevision) {
        state.checkWritable();
        return state.customerGateways.update(gateway.withTags(List.of()), expectedRevision);
    }

    @Override
    public boolean delete(Scope scope, String id) {
        state.checkWritable();
        return state.customerGateways.delete(scope, id);
    }

    private CustomerGateway tagged(CustomerGateway g) {
        return g.withTags(state.tagsOf(ResourceType.CUSTOMER_GATEWAY, g.id()));
    }
}
