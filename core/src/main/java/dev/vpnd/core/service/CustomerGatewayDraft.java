package dev.vpnd.core.service;

import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.Tag;
import java.util.List;

/** What a caller decides about a customer gateway, on create or modify. */
public record CustomerGatewayDraft(String name, String description, String ipAddress, long asn, String authKey,
        List<Tag> tags) {

    public CustomerGatewayDraft {
        tags = List.copyOf(tags);
    }

    public static CustomerGatewayDraft of(CustomerGateway g) {
        return new CustomerGatewayDraft(g.name(), g.description(), g.ipAddress(), g.asn(), g.authKey(), g.tags());
    }
}
