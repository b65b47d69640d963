package dev.vpnd.core.model;

import java.time.Instant;
import java.util.List;

/** The on-premises peer of IPsec connections: its public address and, for BGP, its ASN (0 when unset). */
public record CustomerGateway(
        String id,
        long serial,
        Scope scope,
        String name,
        String description,
        String ipAddress,
        long asn,
        String authKey,
        Instant createdAt,
        List<Tag> tags,
        long revision) {

    public CustomerGateway {
        tags = List.copyOf(tags);
    }

    public CustomerGateway withTags(List<Tag> newTags) {
        return new CustomerGateway(id, serial, scope, name, description, ipAddress, asn, authKey, createdAt,
                newTags, revision);
    }
}
