package dev.vpnd.store;

import dev.vpnd.core.model.AccessPolicy;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An {@link AccessPolicy} as its columns hold it (migration V22): each part comma-separated, the
 * resources and regions empty when the policy does not limit them.
 */
final class PolicyColumns {
    private PolicyColumns() {
    }

    static String join(java.util.Collection<String> items) {
        return items.stream().sorted().collect(Collectors.joining(","));
    }

    static String actions(AccessPolicy policy) {
        return String.join(",", policy.actions());
    }

    static AccessPolicy policy(String actions, String resources, String regions) {
        return new AccessPolicy(List.of(actions.split(",")), split(resources), split(regions));
    }

    private static Set<String> split(String text) {
        return text.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(text.split(",")));
    }
}
