package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.model.SecurityPolicy;
import dev.vpnd.core.service.ConnectionProjection;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * IPsec site connections, the OpenStack face of a VPN connection (canonical connection of the same
 * id). The checks are neutron-vpnaas's vpn_validator, in its order: the referenced service and
 * policies, legacy (peer CIDRs, service with a subnet) or endpoint-group style, DPD, endpoint types
 * and IP versions, MTU, then the peer address.
 */
final class SiteConnections implements Behaviour {

    @Override
    public void create(Operation op, ObjectNode doc) {
        doc.set("dpd", dpd(NeutronJson.NODES.objectNode(), doc.get("dpd")));
        // The reference answers 500 for an unknown vpnservice_id (KeyError in its driver lookup); vpnd
        // answers the 404 it should.
        ObjectNode service = op.get(Kinds.VPN_SERVICES, doc.path("vpnservice_id").asText());
        op.get(Kinds.IKE_POLICIES, doc.path("ikepolicy_id").asText());
        op.get(Kinds.IPSEC_POLICIES, doc.path("ipsecpolicy_id").asText());
        checkStyle(service, doc);
        validate(op, service, doc);
        if (doc.path("peer_cidrs").isNull()) {
            doc.putArray("peer_cidrs");
        }
        doc.put("route_mode", "static");
        doc.put("auth_mode", "psk");
        doc.put("status", "PENDING_CREATE");
        Instant readyAt = op.tx.readyAt();
        doc.put(Operation.READY_AT, readyAt.toEpochMilli());
        project(op, service, doc, new Lifecycle(ResourceState.PROVISIONING, readyAt));
    }

    @Override
    public ObjectNode update(Operation op, ObjectNode current, ObjectNode changes) {
        VpnServices.checkUpdatable(op, current);
        ObjectNode merged = current.deepCopy();
        changes.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        merged.set("dpd", dpd((ObjectNode) current.get("dpd"), changes.get("dpd")));
        ObjectNode service = op.get(Kinds.VPN_SERVICES, merged.path("vpnservice_id").asText());
        if (changes.has("peer_cidrs") && changes.get("peer_cidrs").isNull()) {
            merged.putArray("peer_cidrs");
        }
        checkStyle(service, merged);
        validate(op, service, merged);
        project(op, service, merged, new Lifecycle(ResourceState.UPDATING, op.now()));
        return merged;
    }

    @Override
    public void delete(Operation op, ObjectNode connection) {
        op.tx.deleteConnection(Operation.scope(connection), connection.path("id").asText());
    }

    /** assign_sensible_ipsec_sitecon_defaults: missing DPD keys from {@code base}, else hold/30/120. */
    private static ObjectNode dpd(ObjectNode base, JsonNode given) {
        ObjectNode out = NeutronJson.NODES.objectNode();
        JsonNode from = given == null ? NeutronJson.NODES.objectNode() : given;
        out.set("action", from.has("action") ? from.get("action") : base.has("action") ? base.get("action")
                : NeutronJson.NODES.textNode("hold"));
        out.put("interval", from.has("interval") ? Checks.toInt(from.get("interval"))
                : base.path("interval").asLong(30));
        out.put("timeout", from.has("timeout") ? Checks.toInt(from.get("timeout")) : base.path("timeout").asLong(120));
        return out;
    }

    /** validate_ipsec_conn_optional_args: legacy services take peer CIDRs, the others two endpoint groups. */
    private static void checkStyle(ObjectNode service, ObjectNode conn) {
        boolean local = !conn.path("local_ep_group_id").isNull();
        boolean peer = !conn.path("peer_ep_group_id").isNull();
        boolean cidrs = conn.path("peer_cidrs").isArray() && !conn.path("peer_cidrs").isEmpty();
        if (!service.path("subnet_id").isNull()) {
            if (!cidrs) {
                throw NeutronFault.bad("MissingPeerCidrs", "Missing peer CIDRs for IPsec site-to-site connection");
            }
            var groups = new ArrayList<String>();
            if (local) {
                groups.add("local");
            }
            if (peer) {
                groups.add("peer");
            }
            if (!groups.isEmpty()) {
                throw NeutronFault.bad("InvalidEndpointGroup", "Endpoint group" + (groups.size() > 1 ? "s" : "") + " "
                        + String.join(" and ", groups) + " cannot be specified, when VPN Service has subnet specified");
            }
        } else {
            if (cidrs) {
                throw NeutronFault.bad("PeerCidrsInvalid", "Peer CIDRs cannot be specified, when using endpoint groups");
            }
            var missing = new ArrayList<String>();
            if (!local) {
                missing.add("local");
            }
            if (!peer) {
                missing.add("peer");
            }
            if (!missing.isEmpty()) {
                throw NeutronFault.bad("MissingRequiredEndpointGroup", "Missing endpoint group"
                        + (missing.size() > 1 ? "s" : "") + " " + String.join(" and ", missing)
                        + " for IPSec site-to-site connection");
            }
        }
    }

    /** DPD, endpoint groups and IP versions, MTU and the peer address; sets the resolved local/peer CIDRs aside. */
    private static void validate(Operation op, ObjectNode service, ObjectNode conn) {
        JsonNode dpd = conn.get("dpd");
        if (dpd.path("timeout").asLong() <= dpd.path("interval").asLong()) {
            throw NeutronFault.bad("IPsecSiteConnectionDpdIntervalValueError",
                    "ipsec_site_connection dpd_timeout is equal to or less than dpd_interval");
        }
        String routerId = service.path("router_id").asText();
        Sides sides = sides(op, service, conn, routerId);
        int version = sides.peerVersion();
        long mtu = conn.path("mtu").asLong();
        if (mtu < (version == 6 ? 1280 : 68)) {
            throw NeutronFault.bad("IPsecSiteConnectionMtuError", "ipsec_site_connection MTU " + mtu
                    + " is too small for ipv" + version);
        }
        String peer = resolve(conn.path("peer_address").asText());
        int peerVersion = Addresses.ip(peer).orElseThrow().version();
        ObjectNode router = op.get(Kinds.ROUTERS, routerId);
        if (VpnServices.externalIp(router.path("external_gateway_info"), peerVersion).isNull()) {
            throw NeutronFault.bad("ExternalNetworkHasNoSubnet", "Router's " + routerId
                    + " external network has no IPv" + peerVersion + " subnet");
        }
    }

    /** The local and peer CIDRs of a connection, checked for types, attachment and IP versions. */
    private record Sides(List<String> local, List<String> peer) {
        int peerVersion() {
            return peer.isEmpty() ? 4 : Addresses.cidr(peer.getFirst()).map(Addresses.Network::version).orElse(4);
        }
    }

    private static Sides sides(Operation op, ObjectNode service, ObjectNode conn, String routerId) {
        var local = new ArrayList<String>();
        var peer = new ArrayList<String>();
        if (!service.path("subnet_id").isNull()) {
            local.add(op.get(Kinds.SUBNETS, service.path("subnet_id").asText()).path("cidr").asText());
            peer.addAll(Checks.texts(conn.get("peer_cidrs")));
            if (versions(peer).size() > 1) {
                throw NeutronFault.bad("MixedIPVersionsForPeerCidrs", "Peer CIDRs do not have the same IP version, as "
                        + "required for IPSec site-to-site connection");
            }
        } else {
            ObjectNode localGroup = group(op, conn.path("local_ep_group_id").asText(), "subnet");
            ObjectNode peerGroup = group(op, conn.path("peer_ep_group_id").asText(), "cidr");
            for (String subnetId : Checks.texts(localGroup.get("endpoints"))) {
                if (!VpnServices.attached(op, routerId, subnetId)) {
                    throw NeutronFault.bad("SubnetIsNotConnectedToRouter", "Subnet " + subnetId
                            + " is not connected to Router " + routerId);
                }
                local.add(op.get(Kinds.SUBNETS, subnetId).path("cidr").asText());
            }
            peer.addAll(Checks.texts(peerGroup.get("endpoints")));
            for (var side : List.of(List.of(localGroup.path("id").asText(), local),
                    List.of(peerGroup.path("id").asText(), peer))) {
                @SuppressWarnings("unchecked")
                List<String> cidrs = (List<String>) side.get(1);
                if (versions(cidrs).size() > 1) {
                    throw NeutronFault.bad("MixedIPVersionsForIPSecEndpoints", "Endpoints in group " + side.get(0)
                            + " do not have the same IP version, as required for IPSec site-to-site connection");
                }
            }
        }
        Set<Integer> all = versions(local);
        all.addAll(versions(peer));
        if (all.size() > 1) {
            throw NeutronFault.bad("MixedIPVersionsForIPSecConnection",
                    "IP versions are not compatible between peer and local endpoints");
        }
        return new Sides(local, peer);
    }

    private static ObjectNode group(Operation op, String id, String expected) {
        ObjectNode group = op.get(Kinds.ENDPOINT_GROUPS, id);
        String type = group.path("type").asText();
        if (!type.equals(expected)) {
            throw NeutronFault.bad("WrongEndpointGroupType", "Endpoint group " + id + " type is '" + type
                    + "' and should be '" + expected + "'");
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
        throw NeutronFault.bad("VPNPeerAddressNotResolved", "Peer address " + address + " cannot be resolved");
    }

    /** Writes the canonical connection: the policies' values, traffic selectors, initiation and DPD. */
    private static void project(Operation op, ObjectNode service, ObjectNode conn, Lifecycle lifecycle) {
        ObjectNode ike = op.get(Kinds.IKE_POLICIES, conn.path("ikepolicy_id").asText());
        ObjectNode ipsec = op.get(Kinds.IPSEC_POLICIES, conn.path("ipsecpolicy_id").asText());
        Sides sides = sides(op, service, conn, service.path("router_id").asText());
        JsonNode dpd = conn.get("dpd");
        String action = dpd.path("action").asText();
        var ikeConfig = new IkeConfig(NeutronSpelling.IKE_VERSION.get(ike.path("ike_version").asText()),
                NeutronSpelling.PHASE1_MODE.get(ike.path("phase1_negotiation_mode").asText()),
                NeutronSpelling.ENCRYPTION.get(ike.path("encryption_algorithm").asText()),
                NeutronSpelling.INTEGRITY.get(ike.path("auth_algorithm").asText()),
                NeutronSpelling.PFS.get(ike.path("pfs").asText()), Checks.toInt(ike.path("lifetime").path("value")),
                conn.path("local_id").asText(), conn.path("peer_id").asText(), new Secret(conn.path("psk").asText()));
        var ipsecConfig = new IpsecConfig(NeutronSpelling.ENCRYPTION.get(ipsec.path("encryption_algorithm").asText()),
                NeutronSpelling.INTEGRITY.get(ipsec.path("auth_algorithm").asText()),
                NeutronSpelling.PFS.get(ipsec.path("pfs").asText()), Checks.toInt(ipsec.path("lifetime").path("value")),
                0);
        var projection = new ConnectionProjection(service.path("id").asText(),
                resolve(conn.path("peer_address").asText()), conn.path("name").asText(),
                List.of(new SecurityPolicy(sides.local(), sides.peer())),
                NeutronSpelling.INITIATOR.get(conn.path("initiator").asText()), !action.equals("disabled"),
                NeutronSpelling.DPD_ACTION.get(action), (int) dpd.path("timeout").asLong(), ikeConfig, ipsecConfig);
        op.tx.putConnection(Operation.scope(conn), conn.path("id").asText(), projection, lifecycle);
    }
}
