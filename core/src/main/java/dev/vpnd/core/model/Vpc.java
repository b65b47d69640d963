package dev.vpnd.core.model;

import java.time.Instant;
import java.util.List;

/**
 * A virtual private network of one region; VPN gateways attach to it. Like every resource it has a
 * {@code serial}: a small positive number the store assigns on create, never reused within its
 * resource type, from which dialects with short or numeric ids derive theirs.
 */
public record Vpc(
        String id,
        long serial,
        Scope scope,
        String name,
        String description,
        String cidrBlock,
        boolean enableMulticast,
        List<String> dnsServers,
        String domainName,
        Lifecycle lifecycle,
        Instant createdAt,
        List<Tag> tags,
        long revision) {

    public Vpc {
        dnsServers = List.copyOf(dnsServers);
        tags = List.copyOf(tags);
    }

    public Vpc withTags(List<Tag> newTags) {
        return new Vpc(id, serial, scope, name, description, cidrBlock, enableMulticast, dnsServers, domainName,
                lifecycle, createdAt, newTags, revision);
    }
}
