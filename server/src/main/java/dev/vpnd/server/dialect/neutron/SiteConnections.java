package dev.vpnd.server.dialect.neutron;

import static dev.vpnd.server.dialect.neutron.NeutronJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.dataplane.ConnectionDataPlane;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.model.SecurityPolicy;
import dev.vpnd.core.model.SiteConnectionAttributes;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.TunnelRole;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.port.OpenStackStore.SiteConnection;
import dev.vpnd.core.port.OpenStackStore.SiteConnectionField;
import dev.vpnd.core.service.ConnectionProjection;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IPsec site connections: every canonical VPN connection of the project, whichever API made it,
 * with the attributes only Neutron has ({@link SiteConnectionAttributes}) beside it. The checks are
 * neutron-vpnaas's vpn_validator, in its order: the referenced service and policies, legacy (peer
 * CIDRs, service with a subnet) or endpoint-group style, DPD, endpoint types and IP versions, MTU,
 * then the peer address.
 *
 * <p>A connection made through another cloud's API has no policies of its own: its policy ids are
 * null, and its IKE and IPsec settings are only its canonical ones. An update keeps them, and it
 * behaves as a legacy connection whose local subnets are its own: peer CIDRs, no endpoint groups.
 * An update changes only what the request names, so values another API set (initiation on
 * traffic, an IKE identity left empty, a DPD timeout) stay as they are.
 */
final class SiteConnections implements Canonical {
    /** Every site connection's: routes are static, authentication by pre-shared key. */
    private static final String ROUTE_MODE = "static";
    private static final String AUTH_MODE = "psk";
    /** The attributes a dual-tunnel connection holds per tunnel, which a site connection cannot address. */
    private static final List<String> TUNNEL_ATTRIBUTES = List.of("peer_address", "peer_id", "local_id", "psk");
    /**
     * Every filterable attribute as the store compares it; the pre-shared key is sealed in the
     * store, so it is compared on the documents.
     */
    static final CanonicalList<SiteConnectionField> LIST = new CanonicalList<>(Map.ofEntries(
            Map.entry("id", CanonicalList.text(SiteConnectionField.ID)),
            Map.entry("tenant_id", CanonicalList.text(SiteConnectionField.PROJECT)),
            Map.entry("project_id", CanonicalList.text(SiteConnectionField.PROJECT)),
            Map.entry("name", CanonicalList.text(SiteConnectionField.NAME)),
            Map.entry("description", CanonicalList.text(SiteConnectionField.DESCRIPTION)),
            Map.entry("peer_address", CanonicalList.text(SiteConnectionField.PEER_ADDRESS)),
            Map.entry("peer_id", CanonicalList.text(SiteConnectionField.PEER_ID)),
            Map.entry("local_id", CanonicalList.text(SiteConnectionField.LOCAL_ID)),
            Map.entry("route_mode", new CanonicalList.Constant<>(ROUTE_MODE, SiteConnectionField.ID)),
            Map.entry("mtu", CanonicalList.integer(SiteConnectionField.MTU)),
            Map.entry("auth_mode", new CanonicalList.Constant<>(AUTH_MODE, SiteConnectionField.ID)),
            Map.entry("psk", new CanonicalList.OnDocuments<>()),
            Map.entry("initiator", CanonicalList.spelled(SiteConnectionField.INITIATION, Initiation.values(),
                    NeutronSpelling::initiator)),
            Map.entry("admin_state_up", CanonicalList.bool(SiteConnectionField.ADMIN_STATE_UP)),
            Map.entry("status", new CanonicalList.OnDocuments<>()),
            Map.entry("vpnservice_id", CanonicalList.text(SiteConnectionField.GATEWAY)),
            Map.entry("ikepolicy_id", CanonicalList.text(SiteConnectionField.IKE_POLICY)),
            Map.entry("ipsecpolicy_id", CanonicalList.text(SiteConnectionField.IPSEC_POLICY)),
            Map.entry("local_ep_group_id", CanonicalList.text(SiteConnectionField.LOCAL_ENDPOINT_GROUP)),
            Map.entry("peer_ep_group_id", CanonicalList.text(SiteConnectionField.PEER_ENDPOINT_GROUP))));

    @Override
    public Optional<ObjectNode> find(Operation op, String id) {
        return op.tx.siteConnection(op.readableAccount(), id).map(c -> documents(op, List.of(c)).getFirst());
    }

    @Override
    public List<ObjectNode> page(Operation op, ListQuery query) {
        return LIST.page(op, Kinds.SITE_CONNECTIONS, query, q -> documents(op, op.tx.siteConnections(q)));
    }

    /** The documents of the rows, with what the data plane says of each read in one go. */
    private static List<ObjectNode> documents(Operation op, List<SiteConnection> rows) {
        var planes = op.tx.dataPlane(rows.stream().map(SiteConnection::connection).toList());
        return rows.stream().map(r -> document(r, planes.getOrDefault(r.connection().id(),
                ConnectionDataPlane.UNSERVED))).toList();
    }

    @Override
    public long count(Operation op, String projectId) {
        return op.tx.countConnections(projectId);
    }

    @Override
    public void create(Operation op, ObjectNode doc) {
        doc.set("dpd", dpd(NODES.objectNode(), doc.get("dpd")));
        // The reference answers 500 for an unknown vpnservice_id (KeyError in its driver lookup); vpnd
        // answers the 404 it should.
        ObjectNode service = op.get(Kinds.VPN_SERVICES, doc.path("vpnservice_id").asText());
        ObjectNode ike = op.get(Kinds.IKE_POLICIES, doc.path("ikepolicy_id").asText());
        ObjectNode ipsec = op.get(Kinds.IPSEC_POLICIES, doc.path("ipsecpolicy_id").asText());
        checkStyle(Style.of(service), doc);
        checkDpd(doc.get("dpd"));
        Sides sides = sides(op, service, doc);
        String peerIp = checkPeer(op, service, doc, sides);
        String id = doc.path("id").asText();
        var ikeConfig = new IkeConfig(NeutronSpelling.IKE_VERSION.get(ike.path("ike_version").asText()),
                NeutronSpelling.PHASE1_MODE.get(ike.path("phase1_negotiation_mode").asText()),
                NeutronSpelling.ENCRYPTION.get(ike.path("encryption_algorithm").asText()),
                NeutronSpelling.INTEGRITY.get(ike.path("auth_algorithm").asText()),
                NeutronSpelling.PFS.get(ike.path("pfs").asText()), Checks.toInt(ike.path("lifetime").path("value")),
                doc.path("local_id").asText(), doc.path("peer_id").asText(), new Secret(doc.path("psk").asText()));
        var ipsecConfig = new IpsecConfig(NeutronSpelling.ENCRYPTION.get(ipsec.path("encryption_algorithm").asText()),
                NeutronSpelling.INTEGRITY.get(ipsec.path("auth_algorithm").asText()),
                NeutronSpelling.PFS.get(ipsec.path("pfs").asText()), Checks.toInt(ipsec.path("lifetime").path("value")),
                0);
        JsonNode dpd = doc.get("dpd");
        String action = dpd.path("action").asText();
        var projection = new ConnectionProjection(service.path("id").asText(), peerIp, doc.path("name").asText(),
                List.of(new SecurityPolicy(sides.local(), sides.peer())),
                NeutronSpelling.INITIATOR.get(doc.path("initiator").asText()), !action.equals("disabled"),
                NeutronSpelling.DPD_ACTION.get(action), (int) dpd.path("timeout").asLong(), ikeConfig, ipsecConfig);
        op.tx.createConnection(op.scope(doc), id, projection,
                new Lifecycle(ResourceState.PROVISIONING, op.tx.readyAt()), attributes(doc, peerIp));
        doc.removeAll();
        doc.setAll(stored(op, id));
    }

    @Override
    public ObjectNode update(Operation op, ObjectNode current, ObjectNode changes) {
        VpnServices.checkUpdatable(op, current);
        String id = current.path("id").asText();
        VpnConnection connection = op.tx.siteConnection(op.readableAccount(), id).orElseThrow(
                () -> Kinds.SITE_CONNECTIONS.notFound(id)).connection();
        if (connection.dualTunnel()) {
            for (String name : TUNNEL_ATTRIBUTES) {
                if (changes.has(name)) {
                    throw NeutronError.TUNNEL_ATTRIBUTE.fault(name, id);
                }
            }
        }
        ObjectNode merged = current.deepCopy();
        changes.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        merged.set("dpd", dpd((ObjectNode) current.get("dpd"), changes.get("dpd")));
        if (changes.has("peer_cidrs") && changes.get("peer_cidrs").isNull()) {
            merged.putArray("peer_cidrs");
        }
        // A connection without policies of its own needs nothing of its service: its subnets are its own.
        ObjectNode service = current.path("ikepolicy_id").isNull() ? null
                : op.get(Kinds.VPN_SERVICES, merged.path("vpnservice_id").asText());
        Style style = service == null ? Style.OWN_SUBNETS : Style.of(service);
        checkStyle(style, merged);
        if (changes.has("dpd")) {
            // The stored values passed this check, unless another API has changed the timeout since.
            checkDpd(merged.get("dpd"));
        }
        Sides sides = style == Style.OWN_SUBNETS ? ownSides(connection, merged) : sides(op, service, merged);
        String peerIp = checkPeer(op, service, merged, sides);

        List<SecurityPolicy> policies = style != Style.OWN_SUBNETS || changes.has("peer_cidrs")
                ? List.of(new SecurityPolicy(sides.local(), sides.peer())) : connection.securityPolicies();
        Initiation initiation = changes.has("initiator")
                ? NeutronSpelling.INITIATOR.get(merged.path("initiator").asText()) : connection.initiation();
        JsonNode dpd = merged.get("dpd");
        String action = dpd.path("action").asText();
        boolean dpdEnabled = changes.has("dpd") ? !action.equals("disabled") : connection.enableDpd();
        DpdAction dpdAction = changes.has("dpd") ? NeutronSpelling.DPD_ACTION.get(action) : connection.dpdAction();
        int dpdTimeout = changes.has("dpd") ? (int) dpd.path("timeout").asLong() : connection.dpdTimeoutSeconds();
        IkeConfig ike = connection.ike();
        if (ike != null) {
            ike = ike.withIdentities(changes.has("local_id") ? merged.path("local_id").asText() : ike.localId(),
                    changes.has("peer_id") ? merged.path("peer_id").asText() : ike.remoteId());
            if (changes.has("psk")) {
                ike = ike.withPsk(new Secret(merged.path("psk").asText()));
            }
        }
        var projection = new ConnectionProjection(connection.gatewayId(), peerIp, merged.path("name").asText(),
                policies, initiation, dpdEnabled, dpdAction, dpdTimeout, ike, connection.ipsec());
        op.tx.updateConnection(connection.scope(), id, projection, new Lifecycle(ResourceState.UPDATING, op.now()),
                attributes(merged, peerIp));
        return stored(op, id);
    }

    @Override
    public void delete(Operation op, ObjectNode connection) {
        op.tx.deleteConnection(op.scope(connection), connection.path("id").asText());
    }

    /** The site connection as just written. */
    private ObjectNode stored(Operation op, String id) {
        return find(op, id).orElseThrow(() -> new IllegalStateException("site connection " + id + " was not stored"));
    }

    /**
     * The document of a connection: its canonical values, spelled as Neutron does, and its Neutron
     * attributes (Neutron's defaults when it has none). The peer address is the one written while it
     * still resolves to the connection's peer; the peer id is the peer's address when the IKE remote
     * id is empty (the identity then used). A dual-tunnel connection shows its master tunnel's peer,
     * identities and pre-shared key.
     */
    private static ObjectNode document(SiteConnection row, ConnectionDataPlane plane) {
        VpnConnection c = row.connection();
        var a = row.attributes().orElseGet(() -> SiteConnectionAttributes.defaults(c.id(), row.peerIp()));
        IkeConfig ike = c.tunnels().stream().filter(t -> t.role() == TunnelRole.MASTER).map(Tunnel::ike)
                .findFirst().orElse(c.ike());
        ObjectNode doc = NODES.objectNode();
        doc.put("id", c.id());
        doc.put("tenant_id", c.scope().accountId());
        doc.put("name", c.name());
        doc.put("description", a.description());
        doc.put("peer_address", row.peerIp().equals(a.peerIp()) ? a.peerAddress() : row.peerIp());
        doc.put("peer_id", ike == null || ike.remoteId().isEmpty() ? row.peerIp() : ike.remoteId());
        doc.put("local_id", ike == null ? "" : ike.localId());
        doc.put("route_mode", ROUTE_MODE);
        doc.put("mtu", a.mtu());
        doc.put("auth_mode", AUTH_MODE);
        doc.put("psk", ike == null || ike.psk() == null ? "" : ike.psk().value());
        doc.put("initiator", NeutronSpelling.initiator(c.initiation()));
        doc.putObject("dpd").put("action", NeutronSpelling.dpdAction(c.enableDpd(), c.dpdAction()))
                .put("interval", a.dpdIntervalSeconds()).put("timeout", c.dpdTimeoutSeconds());
        doc.put("admin_state_up", a.adminStateUp());
        doc.put("status", NeutronSpelling.connectionStatus(c, a.adminStateUp(), plane));
        doc.put("vpnservice_id", c.gatewayId());
        doc.put("ikepolicy_id", a.ikePolicyId());
        doc.put("ipsecpolicy_id", a.ipsecPolicyId());
        var peerCidrs = doc.putArray("peer_cidrs");
        if (a.localEndpointGroupId() == null) {
            c.remoteSubnets().forEach(peerCidrs::add);
        }
        doc.put("local_ep_group_id", a.localEndpointGroupId());
        doc.put("peer_ep_group_id", a.peerEndpointGroupId());
        doc.put("project_id", c.scope().accountId());
        return doc;
    }

    /** The Neutron attributes of a checked document whose peer resolved to {@code peerIp}. */
    private static SiteConnectionAttributes attributes(ObjectNode doc, String peerIp) {
        return new SiteConnectionAttributes(doc.path("id").asText(), doc.path("description").asText(),
                doc.path("peer_address").asText(), peerIp, doc.path("mtu").asLong(),
                doc.path("dpd").path("interval").asLong(), text(doc, "ikepolicy_id"), text(doc, "ipsecpolicy_id"),
                text(doc, "local_ep_group_id"), text(doc, "peer_ep_group_id"), doc.path("admin_state_up").asBoolean());
    }

    private static String text(ObjectNode doc, String name) {
        return doc.path(name).isTextual() ? doc.get(name).asText() : null;
    }

    /** assign_sensible_ipsec_sitecon_defaults: missing DPD keys from {@code base}, else hold/30/120. */
    private static ObjectNode dpd(ObjectNode base, JsonNode given) {
        ObjectNode out = NODES.objectNode();
        JsonNode from = given == null ? NODES.objectNode() : given;
        out.set("action", from.has("action") ? from.get("action") : base.has("action") ? base.get("action")
                : NODES.textNode("hold"));
        out.put("interval", from.has("interval") ? Checks.toInt(from.get("interval"))
                : base.path("interval").asLong(30));
        out.put("timeout", from.has("timeout") ? Checks.toInt(from.get("timeout")) : base.path("timeout").asLong(120));
        return out;
    }

    /**
     * Where a connection's local subnets come from: its service's subnet (legacy), its local
     * endpoint group, or, for a connection without policies of its own, its canonical record.
     */
    private enum Style {
        LEGACY, ENDPOINT_GROUPS, OWN_SUBNETS;

        static Style of(ObjectNode service) {
            return service.path("subnet_id").isNull() ? ENDPOINT_GROUPS : LEGACY;
        }
    }

    /** validate_ipsec_conn_optional_args: legacy services take peer CIDRs, the others two endpoint groups. */
    private static void checkStyle(Style style, ObjectNode conn) {
        boolean local = !conn.path("local_ep_group_id").isNull();
        boolean peer = !conn.path("peer_ep_group_id").isNull();
        boolean cidrs = conn.path("peer_cidrs").isArray() && !conn.path("peer_cidrs").isEmpty();
        if (style != Style.ENDPOINT_GROUPS) {
            if (!cidrs) {
                throw NeutronError.MISSING_PEER_CIDRS.fault();
            }
            var groups = new ArrayList<String>();
            if (local) {
                groups.add("local");
            }
            if (peer) {
                groups.add("peer");
            }
            if (!groups.isEmpty()) {
                throw NeutronError.INVALID_ENDPOINT_GROUP.fault(groups.size() > 1 ? "s" : "",
                        String.join(" and ", groups), style == Style.LEGACY ? "VPN Service has subnet specified"
                                : "the connection has no IKE and IPsec policies");
            }
        } else {
            if (cidrs) {
                throw NeutronError.PEER_CIDRS_INVALID.fault();
            }
            var missing = new ArrayList<String>();
            if (!local) {
                missing.add("local");
            }
            if (!peer) {
                missing.add("peer");
            }
            if (!missing.isEmpty()) {
                throw NeutronError.MISSING_REQUIRED_ENDPOINT_GROUP.fault(missing.size() > 1 ? "s" : "",
                        String.join(" and ", missing));
            }
        }
    }

    private static void checkDpd(JsonNode dpd) {
        if (dpd.path("timeout").asLong() <= dpd.path("interval").asLong()) {
            throw NeutronError.DPD_INTERVAL_NOT_BELOW_TIMEOUT.fault();
        }
    }

    /**
     * MTU for the peer's IP version, then the peer address, which it answers resolved; then, for a
     * service on a Neutron router ({@code service} not null), the router's external address of the
     * peer's version.
     */
    private static String checkPeer(Operation op, ObjectNode service, ObjectNode conn, Sides sides) {
        int version = sides.peerVersion();
        long mtu = conn.path("mtu").asLong();
        if (mtu < (version == 6 ? 1280 : 68)) {
            throw NeutronError.MTU_TOO_SMALL.fault(mtu, version);
        }
        String peer = resolve(conn.path("peer_address").asText());
        if (service != null) {
            int peerVersion = Addresses.ip(peer).orElseThrow().version();
            String routerId = service.path("router_id").asText();
            ObjectNode router = op.get(Kinds.ROUTERS, routerId);
            if (VpnServices.externalIp(router.path("external_gateway_info"), peerVersion).isNull()) {
                throw NeutronError.EXTERNAL_NETWORK_HAS_NO_SUBNET.fault(routerId, peerVersion);
            }
        }
        return peer;
    }

    /** The local and peer CIDRs of a connection, checked for types, attachment and IP versions. */
    private record Sides(List<String> local, List<String> peer) {
        int peerVersion() {
            return peer.isEmpty() ? 4 : Addresses.cidr(peer.getFirst()).map(Addresses.Network::version).orElse(4);
        }
    }

    /** A connection without policies: its own local subnets, the peer CIDRs of the document. */
    private static Sides ownSides(VpnConnection connection, ObjectNode conn) {
        var peer = Checks.texts(conn.get("peer_cidrs"));
        checkVersions(connection.localSubnets(), peer);
        return new Sides(connection.localSubnets(), peer);
    }

    private static Sides sides(Operation op, ObjectNode service, ObjectNode conn) {
        String routerId = service.path("router_id").asText();
        var local = new ArrayList<String>();
        var peer = new ArrayList<String>();
        if (!service.path("subnet_id").isNull()) {
            local.add(op.get(Kinds.SUBNETS, service.path("subnet_id").asText()).path("cidr").asText());
            peer.addAll(Checks.texts(conn.get("peer_cidrs")));
        } else {
            ObjectNode localGroup = group(op, conn.path("local_ep_group_id").asText(), "subnet");
            ObjectNode peerGroup = group(op, conn.path("peer_ep_group_id").asText(), "cidr");
            for (String subnetId : Checks.texts(localGroup.get("endpoints"))) {
                if (!VpnServices.attached(op, routerId, subnetId)) {
                    throw NeutronError.SUBNET_IS_NOT_CONNECTED_TO_ROUTER.fault(subnetId, routerId);
                }
                local.add(op.get(Kinds.SUBNETS, subnetId).path("cidr").asText());
            }
            peer.addAll(Checks.texts(peerGroup.get("endpoints")));
            for (var side : List.of(List.of(localGroup.path("id").asText(), local),
                    List.of(peerGroup.path("id").asText(), peer))) {
                @SuppressWarnings("unchecked")
                List<String> cidrs = (List<String>) side.get(1);
                if (versions(cidrs).size() > 1) {
                    throw NeutronError.MIXED_IP_VERSIONS_FOR_ENDPOINTS.fault(side.get(0));
                }
            }
        }
        checkVersions(local, peer);
        return new Sides(local, peer);
    }

    /** One IP version among the peer CIDRs, and the same on both sides. */
    private static void checkVersions(List<String> local, List<String> peer) {
        if (versions(peer).size() > 1) {
            throw NeutronError.MIXED_IP_VERSIONS_FOR_PEER_CIDRS.fault();
        }
        Set<Integer> all = versions(local);
        all.addAll(versions(peer));
        if (all.size() > 1) {
            throw NeutronError.MIXED_IP_VERSIONS_FOR_CONNECTION.fault();
        }
    }

    private static ObjectNode group(Operation op, String id, String expected) {
        ObjectNode group = op.get(Kinds.ENDPOINT_GROUPS, id);
        String type = group.path("type").asText();
        if (!type.equals(expected)) {
            throw NeutronError.WRONG_ENDPOINT_GROUP_TYPE.fault(id, type, expected);
        }
        return group;
    }

    private static Set<Integer> versions(List<String> cidrs) {
        var versions = new HashSet<Integer>();
        cidrs.forEach(c -> Addresses.cidr(c).ifPresent(n -> versions.add(n.version())));
        return versions;
    }

    /** An IP literal as is; a name through the resolver, as the reference does (VPNPeerAddressNotResolved). */
    private static String resolve(String address) {
        if (Addresses.ip(address).isPresent()) {
            return address;
        }
        try {
            if (!address.isEmpty() && address.matches("[A-Za-z0-9.-]+")) {
                return InetAddress.getByName(address).getHostAddress();
            }
        } catch (UnknownHostException e) {
            // falls through to the error
        }
        throw NeutronError.PEER_ADDRESS_NOT_RESOLVED.fault(address);
    }
}
