package dev.vpnd.core.model;

import java.time.Instant;
import java.util.List;

/** A virtual private network of one region; VPN gateways attach to it. */
public record Vpc(
        String id,
        Scope scope,
        String name,
        String description,
        String cidrBlock,
        Lifecycle lifecycle,
        Instant createdAt,
        List<Tag> tags,
        long revision) {

    public Vpc {
        tags = List.copyOf(tags);
    }

    public Vpc withTags(List<Tag> newTags) {
        return new Vpc(id, scope, name, description, cidrBlock, lifecycle, createdAt, newTags, revision);
    }
}
