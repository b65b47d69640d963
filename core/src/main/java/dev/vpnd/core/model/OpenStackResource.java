package dev.vpnd.core.model;

/**
 * One Neutron resource as the OpenStack API shows it: its {@code kind} (the collection, such as
 * {@code ikepolicies}), id, owning project (a vpnd account id) and its attributes as a JSON object,
 * which only the Neutron dialect reads and writes. Routers, VPN services and IPsec site connections
 * also have a canonical record of the same id (a VPC, a VPN gateway, a VPN connection), written in
 * the same transaction, through which every other part of vpnd sees them. {@code seenByEveryone}
 * marks the resources every project sees (shared and external networks and their subnets), which the
 * dialect derives from the attributes, so that a store can select what a caller may see without
 * reading the attributes of everyone's resources.
 */
public record OpenStackResource(String kind, String id, String projectId, String attributes,
        boolean seenByEveryone) {
    /**
     * Kinds whose documents hold a secret (an IPsec site connection's {@code psk}): the store seals
     * their whole document, as it seals every {@link Secret}.
     */
    public static final java.util.Set<String> SECRET_KINDS = java.util.Set.of("vpn/ipsec-site-connections");

    public boolean holdsSecret() {
        return SECRET_KINDS.contains(kind);
    }
}
