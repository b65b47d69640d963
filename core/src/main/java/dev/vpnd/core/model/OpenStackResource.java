package dev.vpnd.core.model;

/**
 * One Neutron resource kept as a document: its {@code kind} (the collection, such as
 * {@code ikepolicies}), id, owning project (a vpnd account id) and its attributes as a JSON object,
 * which only the Neutron dialect reads and writes. Routers also have a canonical VPC of the same
 * id, written in the same transaction, through which every other part of vpnd sees them. VPN
 * services and IPsec site connections are no documents: they are canonical gateways and
 * connections (see {@link dev.vpnd.core.port.OpenStackStore}). {@code seenByEveryone} marks the
 * resources every project sees (shared and external networks and their subnets), which the
 * dialect derives from the attributes, so that a store can select what a caller may see without
 * reading the attributes of everyone's resources.
 */
public record OpenStackResource(String kind, String id, String projectId, String attributes,
        boolean seenByEveryone) {
    /**
     * Kinds whose documents hold a secret (an IPsec site connection's {@code psk}, in the documents
     * stored before site connections became canonical records): the store seals their whole
     * document, as it seals every {@link Secret}.
     */
    public static final java.util.Set<String> SECRET_KINDS = java.util.Set.of("vpn/ipsec-site-connections");

    public boolean holdsSecret() {
        return SECRET_KINDS.contains(kind);
    }
}
