package dev.vpnd.core.model;

import java.util.List;

/**
 * One group of traffic selectors: traffic between any of {@code localCidrs} and any of
 * {@code remoteCidrs} goes through the connection. Canonical CIDR strings.
 */
public record SecurityPolicy(List<String> localCidrs, List<String> remoteCidrs) {
    public SecurityPolicy {
        localCidrs = List.copyOf(localCidrs);
        remoteCidrs = List.copyOf(remoteCidrs);
    }
}
