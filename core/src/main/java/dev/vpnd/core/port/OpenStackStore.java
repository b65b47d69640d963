package dev.vpnd.core.port;

import dev.vpnd.core.model.OpenStackResource;
import dev.vpnd.core.model.Scope;
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

    /** VPN connections as Neutron's site connections: the page {@code query} asks for. */
    List<SiteConnection> siteConnections(NeutronQuery<SiteConnectionField> query);

    /** How many VPN connections the account holds in the scope's region. */
    long countConnections(Scope scope);

    /** Stores the Neutron attributes of a connection, replacing those it had. */
    void putSiteConnectionAttributes(SiteConnectionAttributes attributes);

    /** Whether any connection's Neutron attributes name the policy or endpoint group {@code id}. */
    boolean siteConnectionUses(Reference reference, String id);

    /** VPN gateways as Neutron's VPN services: the page {@code query} asks for. */
    List<VpnService> vpnServices(NeutronQuery<VpnServiceField> query);

    /** How many VPN gateways the account holds in the scope's region. */
    long countGateways(Scope scope);

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

    /**
     * What a site connection list filters and sorts by, each as the connection shows it: the
     * Neutron attribute's value, the default when it has no attributes, and for the peer, its
     * address, identity and local identity as {@link SiteConnection} and the Neutron dialect
     * render them. Values are strings, except {@code MTU} (Long), {@code INITIATION}
     * ({@link dev.vpnd.core.model.Initiation}), {@code ADMIN_STATE_UP} (Boolean) and {@code STATE}
     * ({@link dev.vpnd.core.model.ResourceState} at the query's time).
     */
    enum SiteConnectionField {
        ID, PROJECT, NAME, DESCRIPTION, PEER_ADDRESS, PEER_ID, LOCAL_ID, MTU, INITIATION, ADMIN_STATE_UP, STATE,
        GATEWAY, IKE_POLICY, IPSEC_POLICY, LOCAL_ENDPOINT_GROUP, PEER_ENDPOINT_GROUP
    }

    /**
     * What a VPN service list filters and sorts by; values are strings, except
     * {@code ADMIN_STATE_UP} (Boolean) and {@code STATE} ({@link dev.vpnd.core.model.ResourceState}).
     * {@code INTERNET_IP} is null (matches nothing) for a gateway without an address.
     */
    enum VpnServiceField {
        ID, PROJECT, NAME, DESCRIPTION, SUBNET, VPC, FLAVOR, ADMIN_STATE_UP, INTERNET_IP, EXTERNAL_V6_IP, STATE
    }

    /** What a site connection's Neutron attributes refer to. */
    enum Reference {
        IKE_POLICY, IPSEC_POLICY, ENDPOINT_GROUP
    }
}
