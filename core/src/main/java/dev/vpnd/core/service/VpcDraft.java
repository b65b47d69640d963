package dev.vpnd.core.service;

import dev.vpnd.core.model.Tag;
import java.util.List;

/** What a caller decides about a new VPC; the service decides id, lifecycle and time. */
public record VpcDraft(String name, String description, String cidrBlock, boolean enableMulticast,
        List<String> dnsServers, String domainName, List<Tag> tags) {
    public VpcDraft {
        dnsServers = List.copyOf(dnsServers);
        tags = List.copyOf(tags);
    }
}
