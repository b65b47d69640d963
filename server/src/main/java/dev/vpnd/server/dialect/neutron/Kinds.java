package dev.vpnd.server.dialect.neutron;

import static dev.vpnd.server.dialect.neutron.Attribute.postOnly;
import static dev.vpnd.server.dialect.neutron.Attribute.readOnly;
import static dev.vpnd.server.dialect.neutron.Attribute.requiredPostOnly;
import static dev.vpnd.server.dialect.neutron.Attribute.requiredWritable;
import static dev.vpnd.server.dialect.neutron.Attribute.writable;
import static dev.vpnd.server.dialect.neutron.NeutronJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnd.server.dialect.neutron.Attribute.Filter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attribute maps of neutron-lib 3.1 (Zed) for the VPN extension, and of the core resources as
 * far as the tools use them, in the order the reference writes attributes.
 */
final class Kinds {
    /** neutron-lib's ATTR_NOT_SPECIFIED: a default the behaviour computes (a subnet's gateway). */
    static final String UNSPECIFIED = "<not specified>";
    private static final JsonNode EMPTY = NODES.textNode("");
    private static final JsonNode NULL = NODES.nullNode();
    private static final JsonNode TRUE = NODES.booleanNode(true);
    private static final JsonNode EMPTY_DICT = NODES.objectNode();
    private static final JsonNode EMPTY_LIST = NODES.arrayNode();

    private static final Attribute.Check AUTH_ALGORITHMS = Checks.values(NeutronSpelling.INTEGRITY.keySet());
    private static final Attribute.Check ENCRYPTION_ALGORITHMS = Checks.values(NeutronSpelling.ENCRYPTION.keySet());
    private static final Attribute.Check PFS = Checks.values(NeutronSpelling.PFS.keySet());
    private static final Attribute.Check PHASE1_MODES = Checks.values(NeutronSpelling.PHASE1_MODE.keySet());
    private static final Attribute.Check TRANSFORM_PROTOCOLS = Checks.values(NeutronSpelling.TRANSFORM_PROTOCOLS);
    private static final Attribute.Check ENCAPSULATION_MODES = Checks.values(NeutronSpelling.ENCAPSULATION_MODES);

    private static final Attribute.Check LIFETIME = Checks.dict(ordered(
            "units", Checks.values(NeutronSpelling.LIFETIME_UNITS), "value", Checks.dictAtLeast(60)));
    private static final Attribute.Check DPD = Checks.dict(ordered(
            "action", Checks.values(NeutronSpelling.DPD_ACTION.keySet()), "interval", Checks.DICT_NON_NEGATIVE,
            "timeout", Checks.DICT_NON_NEGATIVE));

    static final Kind IKE_POLICIES = new Kind("vpn/ikepolicies", "ikepolicy", "ikepolicies", withProject(
            id(), tenant(), name(), description(),
            writable("auth_algorithm", text("sha1"), AUTH_ALGORITHMS, Filter.TEXT),
            writable("encryption_algorithm", text("aes-128"), ENCRYPTION_ALGORITHMS, Filter.TEXT),
            writable("phase1_negotiation_mode", text("main"), PHASE1_MODES, Filter.TEXT),
            writable("lifetime", EMPTY_DICT, LIFETIME, Filter.NONE),
            writable("ike_version", text("v1"), Checks.values(NeutronSpelling.IKE_VERSION.keySet()), Filter.TEXT),
            writable("pfs", text("group5"), PFS, Filter.TEXT)),
            NeutronError.IKE_POLICY_NOT_FOUND, true, VpnPolicies.IKE);

    static final Kind IPSEC_POLICIES = new Kind("vpn/ipsecpolicies", "ipsecpolicy", "ipsecpolicies", withProject(
            id(), tenant(), name(), description(),
            writable("transform_protocol", text("esp"), TRANSFORM_PROTOCOLS, Filter.TEXT),
            writable("auth_algorithm", text("sha1"), AUTH_ALGORITHMS, Filter.TEXT),
            writable("encryption_algorithm", text("aes-128"), ENCRYPTION_ALGORITHMS, Filter.TEXT),
            writable("encapsulation_mode", text("tunnel"), ENCAPSULATION_MODES, Filter.TEXT),
            writable("lifetime", EMPTY_DICT, LIFETIME, Filter.NONE),
            writable("pfs", text("group5"), PFS, Filter.TEXT)),
            NeutronError.IPSEC_POLICY_NOT_FOUND, true, VpnPolicies.IPSEC);

    static final Kind VPN_SERVICES = new Kind("vpn/vpnservices", "vpnservice", "vpnservices", withProject(
            id(), name(), description(), tenant(),
            postOnly("subnet_id", NULL, Checks.UUID_OR_NONE, Filter.TEXT),
            requiredPostOnly("router_id", Checks.UUID_CHECK, Filter.TEXT),
            postOnly("flavor_id", NULL, Checks.UUID_OR_NONE, Filter.TEXT),
            adminStateUp(),
            readOnly("external_v4_ip", Filter.TEXT), readOnly("external_v6_ip", Filter.TEXT),
            readOnly("status", Filter.TEXT)),
            NeutronError.VPN_SERVICE_NOT_FOUND, true, new VpnServices());

    static final Kind ENDPOINT_GROUPS = new Kind("vpn/endpoint-groups", "endpoint_group", "endpoint_groups",
            withProject(id(), tenant(), name(), description(),
                    requiredPostOnly("type", Checks.values(NeutronSpelling.ENDPOINT_TYPES), Filter.TEXT),
                    postOnly("endpoints", EMPTY_LIST, Checks.LIST, Filter.NONE)),
            NeutronError.ENDPOINT_GROUP_NOT_FOUND, true, new EndpointGroups());

    static final Kind SITE_CONNECTIONS = new Kind("vpn/ipsec-site-connections", "ipsec_site_connection",
            "ipsec_site_connections", withProject(
            id(), tenant(), name(), description(),
            requiredWritable("peer_address", Checks.TEXT, Filter.TEXT),
            requiredWritable("peer_id", Checks.TEXT, Filter.TEXT),
            writable("local_id", EMPTY, Checks.TEXT, Filter.TEXT),
            readOnly("route_mode", Filter.TEXT),
            writable("mtu", NODES.numberNode(1500), Checks.NON_NEGATIVE_INT, Filter.INTEGER),
            readOnly("auth_mode", Filter.TEXT),
            requiredWritable("psk", Checks.TEXT, Filter.TEXT),
            writable("initiator", text("bi-directional"), Checks.values(NeutronSpelling.INITIATOR.keySet()),
                    Filter.TEXT),
            writable("dpd", EMPTY_DICT, DPD, Filter.NONE),
            adminStateUp(),
            readOnly("status", Filter.TEXT),
            requiredPostOnly("vpnservice_id", Checks.UUID_CHECK, Filter.TEXT),
            requiredPostOnly("ikepolicy_id", Checks.UUID_CHECK, Filter.TEXT),
            requiredPostOnly("ipsecpolicy_id", Checks.UUID_CHECK, Filter.TEXT),
            writable("peer_cidrs", NULL, Checks.SUBNETS_OR_NONE, Filter.NONE),
            writable("local_ep_group_id", NULL, Checks.UUID_OR_NONE, Filter.TEXT),
            writable("peer_ep_group_id", NULL, Checks.UUID_OR_NONE, Filter.TEXT)),
            NeutronError.SITE_CONNECTION_NOT_FOUND, true, new SiteConnections());

    static final Kind NETWORKS = new Kind("networks", "network", "networks", projectAfter("shared", withStandard(
            id(), name(), tenant(), adminStateUp(),
            writable("mtu", NULL, Checks.NON_NEGATIVE_INT, Filter.INTEGER),
            readOnly("status", Filter.TEXT), readOnly("subnets", Filter.NONE),
            writable("shared", NODES.booleanNode(false), Checks.BOOLEAN, Filter.BOOLEAN),
            writable("port_security_enabled", TRUE, Checks.BOOLEAN, Filter.BOOLEAN),
            writable("router:external", NODES.booleanNode(false), Checks.BOOLEAN, Filter.BOOLEAN),
            postOnly("provider:network_type", NULL, Attribute.ANY, Filter.TEXT),
            postOnly("provider:physical_network", NULL, Attribute.ANY, Filter.TEXT),
            postOnly("provider:segmentation_id", NULL, Attribute.ANY, Filter.TEXT),
            writable("is_default", NODES.booleanNode(false), Checks.BOOLEAN, Filter.BOOLEAN),
            postOnly("availability_zone_hints", EMPTY_LIST, Checks.LIST, Filter.NONE),
            readOnly("availability_zones", Filter.NONE),
            readOnly("ipv4_address_scope", Filter.TEXT), readOnly("ipv6_address_scope", Filter.TEXT),
            description())),
            NeutronError.NETWORK_NOT_FOUND, false, new Networks());

    static final Kind SUBNETS = new Kind("subnets", "subnet", "subnets", withStandard(
            id(), name(), tenant(),
            requiredPostOnly("network_id", Checks.UUID_CHECK, Filter.TEXT),
            requiredPostOnly("ip_version", (n, v) -> {
                long version = Checks.toInt(v);
                if (version != 4 && version != 6) {
                    throw Checks.invalid(n, "'" + version + "' is not in [4, 6]");
                }
                return NODES.numberNode(version);
            }, Filter.INTEGER),
            postOnly("subnetpool_id", NULL, Checks.UUID_OR_NONE, Filter.TEXT),
            writable("enable_dhcp", TRUE, Checks.BOOLEAN, Filter.BOOLEAN),
            postOnly("ipv6_ra_mode", NULL, Attribute.ANY, Filter.TEXT),
            postOnly("ipv6_address_mode", NULL, Attribute.ANY, Filter.TEXT),
            writable("gateway_ip", NODES.textNode(UNSPECIFIED), Attribute.ANY, Filter.TEXT),
            requiredPostOnly("cidr", Checks.TEXT, Filter.TEXT),
            writable("allocation_pools", NULL, Attribute.ANY, Filter.NONE),
            writable("host_routes", EMPTY_LIST, Checks.LIST, Filter.NONE),
            writable("dns_nameservers", EMPTY_LIST, Checks.LIST, Filter.NONE),
            description(),
            writable("service_types", EMPTY_LIST, Checks.LIST, Filter.NONE)),
            NeutronError.SUBNET_NOT_FOUND, false, new Subnets());

    static final Kind ROUTERS = new Kind("routers", "router", "routers", withStandard(
            id(), name(), tenant(), adminStateUp(),
            readOnly("status", Filter.TEXT),
            writable("external_gateway_info", NULL, Attribute.ANY, Filter.NONE),
            description(),
            readOnly("availability_zones", Filter.NONE),
            postOnly("availability_zone_hints", EMPTY_LIST, Checks.LIST, Filter.NONE),
            writable("routes", EMPTY_LIST, (n, v) -> v.isNull() ? EMPTY_LIST : Checks.toList(v), Filter.NONE),
            postOnly("flavor_id", NULL, Checks.UUID_OR_NONE, Filter.TEXT)),
            NeutronError.ROUTER_NOT_FOUND, true, new Routers());

    /** Ports exist here only as router interfaces and gateways; clients list them, they never create them. */
    static final Kind PORTS = new Kind("ports", "port", "ports", withStandard(
            id(), name(),
            readOnly("network_id", Filter.TEXT), tenant(),
            readOnly("mac_address", Filter.TEXT), adminStateUp(),
            readOnly("status", Filter.TEXT), readOnly("device_id", Filter.TEXT),
            readOnly("device_owner", Filter.TEXT), readOnly("fixed_ips", Filter.NONE),
            readOnly("allowed_address_pairs", Filter.NONE), readOnly("extra_dhcp_opts", Filter.NONE),
            readOnly("security_groups", Filter.NONE), description(),
            readOnly("binding:vnic_type", Filter.TEXT), readOnly("port_security_enabled", Filter.BOOLEAN)),
            NeutronError.PORT_NOT_FOUND, false, Behaviour.PLAIN);

    /** Attributes only an admin sees (neutron's policy: get_network:provider:* is admin_only). */
    static final Set<String> ADMIN_ONLY = Set.of("provider:network_type",
            "provider:physical_network", "provider:segmentation_id");

    static final List<Kind> ALL = List.of(NETWORKS, SUBNETS, ROUTERS, PORTS, IKE_POLICIES, IPSEC_POLICIES,
            VPN_SERVICES, ENDPOINT_GROUPS, SITE_CONNECTIONS);

    private Kinds() {
    }

    private static Attribute id() {
        return readOnly("id", Filter.TEXT).asSortKey();
    }

    private static Attribute tenant() {
        return postOnly("tenant_id", NULL, Checks.string(255), Filter.TEXT).asSortKey();
    }

    private static Attribute name() {
        return writable("name", EMPTY, Checks.NAME, Filter.TEXT).asSortKey();
    }

    private static Attribute description() {
        return writable("description", EMPTY, Checks.DESCRIPTION, Filter.TEXT);
    }

    private static Attribute adminStateUp() {
        return writable("admin_state_up", TRUE, Checks.BOOLEAN, Filter.BOOLEAN);
    }

    private static JsonNode text(String value) {
        return NODES.textNode(value);
    }

    /** Every resource shows its owner as both tenant_id and project_id; project_id comes last in VPN bodies. */
    private static List<Attribute> withProject(Attribute... attributes) {
        var list = new ArrayList<>(List.of(attributes));
        list.add(postOnly("project_id", NULL, Checks.string(255), Filter.TEXT).asSortKey());
        return list;
    }

    /** Core resources also carry the standard attributes (tags, timestamps, revision). */
    private static List<Attribute> withStandard(Attribute... attributes) {
        var list = new ArrayList<>(List.of(attributes));
        list.add(readOnly("tags", Filter.NONE));
        list.add(readOnly("created_at", Filter.TEXT));
        list.add(readOnly("updated_at", Filter.TEXT));
        list.add(readOnly("revision_number", Filter.INTEGER));
        list.add(postOnly("project_id", NULL, Checks.string(255), Filter.TEXT).asSortKey());
        return list;
    }

    /** The list with project_id moved right after {@code name}: where the reference writes it for networks. */
    private static List<Attribute> projectAfter(String name, List<Attribute> attributes) {
        var list = new ArrayList<>(attributes);
        Attribute project = list.stream().filter(a -> a.name().equals("project_id")).findFirst().orElseThrow();
        list.remove(project);
        int at = list.stream().map(Attribute::name).toList().indexOf(name);
        list.add(at + 1, project);
        return list;
    }

    private static Map<String, Attribute.Check> ordered(Object... pairs) {
        var map = new LinkedHashMap<String, Attribute.Check>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Attribute.Check) pairs[i + 1]);
        }
        return map;
    }
}
