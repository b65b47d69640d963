package dev.vpnd.core.service;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.port.TagStore;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.util.Collection;
import java.util.List;

/** Tagging and untagging of any resource type, all resources of one call in one transaction. */
public final class TagService {
    private final Storage storage;

    public TagService(Storage storage) {
        this.storage = storage;
    }

    public void tag(Scope scope, ResourceType type, Collection<String> ids, List<Tag> tags) {
        FreeText.checkTags(tags);
        storage.write(s -> {
            for (String id : ids) {
                requireExists(s, scope, type, id);
                Tags.merge(s.tags().tagsOf(type, id), tags, type);
                s.tags().put(scope, type, id, tags);
                s.tags().bumpRevision(scope, type, id);
            }
            return null;
        });
    }

    public void untag(Scope scope, ResourceType type, Collection<String> ids, Collection<String> keys, boolean all) {
        storage.write(s -> {
            for (String id : ids) {
                requireExists(s, scope, type, id);
                if (all) {
                    s.tags().removeAll(type, id);
                } else {
                    s.tags().remove(type, id, keys);
                }
                s.tags().bumpRevision(scope, type, id);
            }
            return null;
        });
    }

    public List<TagStore.TagBinding> list(Scope scope, ResourceType type, Collection<String> ids,
            List<TagFilter> filters, long offset, int limit) {
        return storage.read(s -> s.tags().list(scope, type, ids, filters, offset, limit));
    }

    private static void requireExists(Stores s, Scope scope, ResourceType type, String id) {
        boolean exists = switch (type) {
            case VPC -> s.vpcs().find(scope, id).isPresent();
            case VPN_GATEWAY -> s.gateways().find(scope, id).isPresent();
            case CUSTOMER_GATEWAY -> s.customerGateways().find(scope, id).isPresent();
            case VPN_CONNECTION -> s.connections().find(scope, id).isPresent();
            case ACCOUNT, TAG, OPENSTACK -> false;
        };
        if (!exists) {
            throw new ProblemException(new Problem.NotFound(type, id));
        }
    }
}
