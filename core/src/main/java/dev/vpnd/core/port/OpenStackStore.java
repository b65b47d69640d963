package dev.vpnd.core.port;

import dev.vpnd.core.model.OpenStackResource;
import dev.vpnd.core.model.SiteConnectionAttributes;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnServiceAttributes;
import java.util.List;
import java.util.Optional;

/**
 * Neutron resources: those with no canonical counterpart as JSON documents by kind and id, owned
 * by the Neutron dialect; and the canonical records Neutron shows as its VPN resources, read with
 * the attributes only Neutron has, which live in side tables keyed by the canonical id.
 */
public interface OpenStackStore {
    void insert(OpenStackResource resource);

    Optional<OpenStackResource> find(String kind, String id);

    /** Every resource of the kind, of every project, in ascending id order (Neutron's unsorted order). */
    List<OpenStackResource> list(String kind);

    /**
     * The resources of the kind that the project owns or that every project sees ({@link
     * OpenStackResource#seenByEveryone}), in ascending id order; others' private ones are not read.
     */
    List<OpenStackResource> listVisible(String kind, String projectId);

    /** How many resources of the kind the project owns. */
    long count(String kind, String projectId);

    /** Replaces the attributes and the mark; false when there was no such resource. */
    boolean update(OpenStackResource resource);

    boolean delete(String kind, String id);

    /**
     * VPN connections as Neutron's site connections, in ascending id order: those of the account in
     * every region (of every account when {@code accountId} is null), only the one of {@code id}
     * when it is not null.
     */
    List<SiteConnection> siteConnections(String accountId, String id);

    /** How many VPN connections the account holds, in every region. */
    long countConnections(String accountId);

    /** Stores the Neutron attributes of a connection, replacing those it had. */
    void putSiteConnectionAttributes(SiteConnectionAttributes attributes);

    /** Whether any connection's Neutron attributes name the policy or endpoint group {@code id}. */
    boolean siteConnectionUses(Reference reference, String id);

    /**
     * VPN gateways as Neutron's VPN services, in ascending id order: those of the account in every
     * region (of every account when {@code accountId} is null), only the one of {@code id} when it
     * is not null.
     */
    List<VpnService> vpnServices(String accountId, String id);

    /** How many VPN gateways the account holds, in every region. */
    long countGateways(String accountId);

    /** Stores the Neutron attributes of a gateway, replacing those it had. */
    void putVpnServiceAttributes(VpnServiceAttributes attributes);

    /**
     * A VPN service (gateway), of any project, on the router (VPC) {@code routerId}, and on the
     * subnet {@code subnetId} when that is not null; the one with the lowest id.
     */
    Optional<String> vpnServiceOf(String routerId, String subnetId);

    /** A gateway with its Neutron attributes, absent when it was made through another cloud's API. */
    record VpnService(VpnGateway gateway, Optional<VpnServiceAttributes> attributes) {
    }

    /**
     * A connection with its peer's address (for a dual-tunnel connection, the master tunnel's) and
     * its Neutron attributes, absent when it was made through another cloud's API.
     */
    record SiteConnection(VpnConnection connection, String peerIp, Optional<SiteConnectionAttributes> attributes) {
    }

    /** What a site connection's Neutron attributes refer to. */
    enum Reference {
        IKE_POLICY, IPSEC_POLICY, ENDPOINT_GROUP
    }
}
