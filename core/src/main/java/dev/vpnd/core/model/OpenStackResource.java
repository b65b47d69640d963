package dev.vpnd.core.model;

/**
 * One Neutron resource as the OpenStack API shows it: its {@code kind} (the collection, such as
 * {@code ikepolicies}), id, owning project (a vpnd account id) and its attributes as a JSON object,
 * which only the Neutron dialect reads and writes. Routers, VPN services and IPsec site connections
 * also have a canonical record of the same id (a VPC, a VPN gateway, a VPN connection), written in
 * the same transaction, through which every other part of vpnd sees them.
 */
public record OpenStackResource(String kind, String id, String projectId, String attributes) {
    /**
     * Kinds whose documents hold a secret (an IPsec site connection's {@code psk}): the store seals
     * their whole document, as it seals every {@link Secret}.
     */
    public static final java.util.Set<String> SECRET_KINDS = java.util.Set.of("vpn/ipsec-site-connections");

    public boolean holdsSecret() {
        return SECRET_KINDS.contains(kind);
    }
}
