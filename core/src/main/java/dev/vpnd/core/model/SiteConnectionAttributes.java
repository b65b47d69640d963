package dev.vpnd.core.model;

import java.util.Objects;

/**
 * What an OpenStack IPsec site connection has beyond its canonical {@link VpnConnection} (the same
 * id): attributes no other cloud has. A connection made through another cloud's API has none
 * stored; it shows {@link #defaults}, Neutron's defaults, and no policies or endpoint groups of
 * its own (their ids are null).
 *
 * @param peerAddress the peer as the client wrote it (an address or a DNS name), shown while the
 *     connection's peer is still {@code peerIp}, the address it resolved to
 * @param dpdIntervalSeconds Neutron's DPD interval; the canonical record keeps only the timeout
 */
public record SiteConnectionAttributes(String connectionId, String description, String peerAddress, String peerIp,
        long mtu, long dpdIntervalSeconds, String ikePolicyId, String ipsecPolicyId, String localEndpointGroupId,
        String peerEndpointGroupId, boolean adminStateUp) {
    /** Neutron's default MTU of a site connection. */
    public static final long DEFAULT_MTU = 1500;
    /** Neutron's default DPD interval. */
    public static final long DEFAULT_DPD_INTERVAL_SECONDS = 30;

    public SiteConnectionAttributes {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(peerAddress, "peerAddress");
        Objects.requireNonNull(peerIp, "peerIp");
    }

    /** What a connection without stored attributes shows: Neutron's defaults, its peer as its address. */
    public static SiteConnectionAttributes defaults(String connectionId, String peerIp) {
        return new SiteConnectionAttributes(connectionId, "", peerIp, peerIp, DEFAULT_MTU,
                DEFAULT_DPD_INTERVAL_SECONDS, null, null, null, null, true);
    }

    /** Whether the connection was made with IKE and IPsec policies (through Neutron). */
    public boolean hasPolicies() {
        return ikePolicyId != null;
    }
}
