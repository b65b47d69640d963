package dev.vpnd.core.memory;

import dev.vpnd.core.memory.MemoryState.TagOwner;
import dev.vpnd.core.memory.MemoryState.TagSet;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.port.TagStore;
import dev.vpnd.core.problem.ResourceType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class MemoryTagStore implements TagStore {
    private final MemoryState state;

    MemoryTagStore(MemoryState state) {
        this.state = state;
    }

    @Override
    public List<Tag> tagsOf(ResourceType type, String resourceId) {
        return state.tagsOf(type, resourceId);
    }

    @Override
    public void put(Scope scope, ResourceType type, String resourceId, Collection<Tag> tags) {
        state.checkWritable();
        var owner = new TagOwner(type, resourceId);
        var current = state.tags.get(owner);
        var byKey = new HashMap<String, String>(current == null ? Map.of() : current.byKey());
        tags.forEach(t -> byKey.put(t.key(), t.value()));
        if (!byKey.isEmpty()) {
            state.tags.put(owner, new TagSet(scope, byKey));
        }
    }

    @Override
    public void remove(ResourceType type, String resourceId, Collection<String> keys) {
        state.checkWritable();
        var owner = new TagOwner(type, resourceId);
        var current = state.tags.get(owner);
        if (current == null) {
            return;
        }
        var byKey = new HashMap<>(current.byKey());
        keys.forEach(byKey::remove);
        if (byKey.isEmpty()) {
            state.tags.remove(owner);
        } else {
            state.tags.put(owner, new TagSet(current.scope(), byKey));
        }
    }

    @Override
    public void removeAll(ResourceType type, String resourceId) {
        state.checkWritable();
        state.tags.remove(new TagOwner(type, resourceId));
    }

    @Override
    public void bumpRevision(Scope scope, ResourceType type, String resourceId) {
        state.checkWritable();
        state.table(type).bumpRevision(scope, resourceId);
    }

    /** Newest resource first, then by key; empty {@code resourceIds} means every resource of the scope. */
    @Override
    public List<TagBinding> list(Scope scope, ResourceType type, Collection<String> resourceIds,
            List<TagFilter> filters, long offset, int limit) {
        boolean carriesTags = switch (type) {
            case VPC, VPN_GATEWAY, CUSTOMER_GATEWAY, VPN_CONNECTION -> true;
            case ACCOUNT, TAG, OPENSTACK -> false;
        };
        if (!carriesTags || limit <= 0) {
            return List.of();
        }
        return state.table(type).idsNewestFirst(scope).stream()
                .filter(id -> resourceIds.isEmpty() || resourceIds.contains(id))
                .filter(id -> state.tagged(type, id, filters))
                .flatMap(id -> state.tagsOf(type, id).stream().map(tag -> new TagBinding(id, tag)))
                .skip(offset).limit(limit).toList();
    }
}
