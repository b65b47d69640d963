package dev.vpnd.core.service;

import dev.vpnd.core.model.Tag;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/** Rules every dialect's tags share: one value per key, at most {@value #MAX_PER_RESOURCE} per resource. */
public final class Tags {
    public static final int MAX_PER_RESOURCE = 20;

    private Tags() {
    }

    /** Existing tags with {@code added} applied on top (a repeated key takes the new value). */
    static List<Tag> merge(Collection<Tag> existing, Collection<Tag> added, ResourceType type) {
        var byKey = new LinkedHashMap<String, Tag>();
        existing.forEach(t -> byKey.put(t.key(), t));
        added.forEach(t -> byKey.put(t.key(), t));
        if (byKey.size() > MAX_PER_RESOURCE) {
            throw new ProblemException(new Problem.LimitExceeded(type, "tags", MAX_PER_RESOURCE));
        }
        return List.copyOf(byKey.values());
    }
}
