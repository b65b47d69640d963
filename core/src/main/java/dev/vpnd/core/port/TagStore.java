package dev.vpnd.core.port;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.problem.ResourceType;
import java.util.Collection;
import java.util.List;

/** Tags of every resource type, kept apart from the resources so that any list can filter by them. */
public interface TagStore {
    List<Tag> tagsOf(ResourceType type, String resourceId);

    /** Sets each tag, replacing the value of a key the resource already has. */
    void put(Scope scope, ResourceType type, String resourceId, Collection<Tag> tags);

    void remove(ResourceType type, String resourceId, Collection<String> keys);

    void removeAll(ResourceType type, String resourceId);

    /**
     * Moves the tagged resource's revision on. A change of a resource's tags is a change of the
     * resource, and whoever keeps records or their renderings by revision (the store's record cache,
     * a dialect's rendered JSON) must see it; callers that change the tags of an existing resource
     * call this in the same transaction. The resource must exist in the scope.
     */
    void bumpRevision(Scope scope, ResourceType type, String resourceId);

    /** Tag bindings of one type, ordered by resource then key, for tag listing APIs. */
    List<TagBinding> list(Scope scope, ResourceType type, Collection<String> resourceIds, List<TagFilter> filters,
            long offset, int limit);

    record TagBinding(String resourceId, Tag tag) {
    }
}
