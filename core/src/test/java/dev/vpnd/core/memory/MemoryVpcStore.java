package dev.vpnd.core.memory;

import static dev.vpnd.core.memory.Matching.accepts;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import java.util.Optional;

final class MemoryVpcStore implements VpcStore {
    private final MemoryState state;

    MemoryVpcStore(MemoryState state) {
        this.state = state;
    }

    @Override
    public void insert(Vpc vpc, String clientToken) {
        state.checkWritable();
        state.vpcs.insert(vpc.withTags(List.of()), clientToken);
    }

    @Override
    public Optional<Vpc> find(Scope scope, String id) {
        return state.vpcs.find(scope, id).map(this::tagged);
    }

    @Override
    public Optional<Vpc> findByClientToken(Scope scope, String clientToken) {
        return state.vpcs.findByClientToken(scope, clientToken).map(this::tagged);
    }

    @Override
    public long nextSerial() {
        state.checkWritable();
        return state.vpcs.nextSerial();
    }

    @Override
    public Optional<Vpc> findBySerial(Scope scope, long serial) {
        return state.vpcs.findBySerial(scope, serial).map(this::tagged);
    }

    @Override
    public Page<Vpc> list(Scope scope, Filter filter, PageRequest page) {
        var found = state.vpcs.list(scope, v -> accepts(filter.ids(), v.id())
                && accepts(filter.serials(), v.serial()) && accepts(filter.names(), v.name())
                && accepts(filter.cidrBlocks(), v.cidrBlock())
                && state.tagged(ResourceType.VPC, v.id(), filter.tags()), page);
        return new Page<>(found.items().stream().map(this::tagged).toList(), found.total());
    }

    @Override
    public boolean delete(Scope scope, String id) {
        state.checkWritable();
        return state.vpcs.delete(scope, id);
    }

    private Vpc tagged(Vpc v) {
        return v.withTags(state.tagsOf(ResourceType.VPC, v.id()));
    }
}
