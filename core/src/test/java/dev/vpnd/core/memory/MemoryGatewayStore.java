package dev.vpnd.core.memory;

import static dev.vpnd.core.memory.Matching.accepts;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import java.util.Optional;

final class MemoryGatewayStore implements GatewayStore {
    private final MemoryState state;

    MemoryGatewayStore(MemoryState state) {
        this.state = state;
    }

    @Override
    public void insert(VpnGateway gateway, String clientToken) {
        state.checkWritable();
        state.gateways.insert(gateway.withTags(List.of()), clientToken);
    }

    @Override
    public Optional<VpnGateway> find(Scope scope, String id) {
        return state.gateways.find(scope, id).map(this::tagged);
    }

    @Override
    public Optional<VpnGateway> findByClientToken(Scope scope, String clientToken) {
        return state.gateways.findByClientToken(scope, clientToken).map(this::tagged);
    }

    @Override
    public long nextSerial() {
        state.checkWritable();
        return state.gateways.nextSerial();
    }

    @Override
    public Optional<VpnGateway> findBySerial(Scope scope, long serial) {
        return state.gateways.findBySerial(scope, serial).map(this::tagged);
    }

    @Override
    public Page<VpnGateway> list(Scope scope, Filter filter, PageRequest page) {
        var found = state.gateways.list(scope, g -> accepts(filter.ids(), g.id())
                && accepts(filter.serials(), g.serial()) && accepts(filter.vpcIds(), g.vpcId())
                && accepts(filter.names(), g.name()) && accepts(filter.internetIps(), g.internetIp())
                && accepts(filter.zones(), g.zone()) && accepts(filter.ssl(), g.enableSsl())
                && state.tagged(ResourceType.VPN_GATEWAY, g.id(), filter.tags()), page);
        return new Page<>(found.items().stream().map(this::tagged).toList(), found.total());
    }

    @Override
    public long countInVpc(Scope scope, String vpcId) {
        return state.gateways.count(scope, g -> g.vpcId().equals(vpcId));
    }

    @Override
    public boolean update(VpnGateway gateway, long expectedRevision) {
        state.checkWritable();
        return state.gateways.update(gateway.withTags(List.of()), expectedRevision);
    }

    @Override
    public boolean delete(Scope scope, String id) {
        state.checkWritable();
        return state.gateways.delete(scope, id);
    }

    private VpnGateway tagged(VpnGateway g) {
        return g.withTags(state.tagsOf(ResourceType.VPN_GATEWAY, g.id()));
    }
}
