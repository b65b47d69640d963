package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnServiceAttributes;
import dev.vpnd.core.port.OpenStackStore.VpnService;
import dev.vpnd.core.port.OpenStackStore.VpnServiceField;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * VPN services: every canonical VPN gateway of the project, whichever API made it, with the
 * attributes only Neutron has ({@link VpnServiceAttributes}) beside it. Its router is the gateway's
 * VPC: a service made here is a gateway in its router's VPC, at the router's external address. The
 * router must have an external gateway; a legacy service's subnet must be attached to it.
 * Its status is {@link NeutronSpelling#serviceStatus}'s: whether an agent serves it. A gateway made
 * through another cloud's API has no subnet, and its router is a VPC that is not a Neutron router.
 */
final class VpnServices implements Canonical {
    /** Every filterable attribute as the store compares it. */
    static final CanonicalList<VpnServiceField> LIST = new CanonicalList<>(Map.ofEntries(
            Map.entry("id", CanonicalList.text(VpnServiceField.ID)),
            Map.entry("tenant_id", CanonicalList.text(VpnServiceField.PROJECT)),
            Map.entry("project_id", CanonicalList.text(VpnServiceField.PROJECT)),
            Map.entry("name", CanonicalList.text(VpnServiceField.NAME)),
            Map.entry("description", CanonicalList.text(VpnServiceField.DESCRIPTION)),
            Map.entry("subnet_id", CanonicalList.text(VpnServiceField.SUBNET)),
            Map.entry("router_id", CanonicalList.text(VpnServiceField.VPC)),
            Map.entry("flavor_id", CanonicalList.text(VpnServiceField.FLAVOR)),
            Map.entry("admin_state_up", CanonicalList.bool(VpnServiceField.ADMIN_STATE_UP)),
            Map.entry("external_v4_ip", CanonicalList.text(VpnServiceField.INTERNET_IP)),
            Map.entry("external_v6_ip", CanonicalList.text(VpnServiceField.EXTERNAL_V6_IP)),
            Map.entry("status", new CanonicalList.OnDocuments<>())));

    @Override
    public Optional<ObjectNode> find(Operation op, String id) {
        return op.tx.vpnService(op.readableAccount(), id).map(s -> documents(op, List.of(s)).getFirst());
    }

    @Override
    public List<ObjectNode> page(Operation op, ListQuery query) {
        return LIST.page(op, Kinds.VPN_SERVICES, query, q -> documents(op, op.tx.vpnServices(q)));
    }

    /** The documents of the services, with which of them an agent serves read in one go. */
    private static List<ObjectNode> documents(Operation op, List<VpnService> services) {
        var served = op.tx.servedGateways(services.stream().map(s -> s.gateway().id()).toList());
        return services.stream().map(s -> document(s, served.contains(s.gateway().id()))).toList();
    }

    @Override
    public long count(Operation op, String projectId) {
        return op.tx.countGateways(projectId);
    }

    @Override
    public void create(Operation op, ObjectNode doc) {
        String routerId = doc.path("router_id").asText();
        ObjectNode router = op.get(Kinds.ROUTERS, routerId);
        JsonNode gateway = router.path("external_gateway_info");
        if (!gateway.isObject()) {
            throw NeutronError.ROUTER_IS_NOT_EXTERNAL.fault(routerId);
        }
        if (!doc.path("subnet_id").isNull()) {
            String subnetId = doc.path("subnet_id").asText();
            op.get(Kinds.SUBNETS, subnetId);
            if (!attached(op, routerId, subnetId)) {
                throw NeutronError.SUBNET_IS_NOT_CONNECTED_TO_ROUTER.fault(subnetId, routerId);
            }
        }
        String id = doc.path("id").asText();
        var attributes = new VpnServiceAttributes(id, text(doc, "subnet_id"), text(doc, "flavor_id"),
                text(externalIp(gateway, 6)), doc.path("admin_state_up").asBoolean());
        op.tx.createServiceGateway(op.scope(doc), routerId, doc.path("name").asText(),
                doc.path("description").asText(), externalIp(gateway, 4).asText(""), op.tx.readyAt(), attributes);
        doc.removeAll();
        doc.setAll(stored(op, id));
    }

    @Override
    public ObjectNode update(Operation op, ObjectNode current, ObjectNode changes) {
        checkUpdatable(op, current);
        ObjectNode merged = Canonical.super.update(op, current, changes);
        String id = merged.path("id").asText();
        var attributes = new VpnServiceAttributes(id, text(merged, "subnet_id"), text(merged, "flavor_id"),
                text(merged, "external_v6_ip"), merged.path("admin_state_up").asBoolean());
        op.tx.updateServiceGateway(op.scope(merged), id, merged.path("name").asText(),
                merged.path("description").asText(), attributes);
        return stored(op, id);
    }

    @Override
    public void delete(Operation op, ObjectNode service) {
        String id = service.path("id").asText();
        if (op.tx.countConnectionsOnGateway(op.scope(service), id) > 0) {
            throw NeutronError.VPN_SERVICE_IN_USE.fault(id);
        }
        op.tx.deleteServiceGateway(op.scope(service), id);
    }

    /** The service as just written. */
    private ObjectNode stored(Operation op, String id) {
        return find(op, id).orElseThrow(() -> new IllegalStateException("VPN service " + id + " was not stored"));
    }

    /** The document of a gateway: its canonical values and its Neutron attributes (defaults when it has none). */
    private static ObjectNode document(VpnService service, boolean served) {
        VpnGateway g = service.gateway();
        var a = service.attributes().orElseGet(() -> VpnServiceAttributes.defaults(g.id()));
        ObjectNode doc = NeutronJson.NODES.objectNode();
        doc.put("id", g.id());
        doc.put("name", g.name());
        doc.put("description", g.description());
        doc.put("tenant_id", g.scope().accountId());
        doc.put("subnet_id", a.subnetId());
        doc.put("router_id", g.vpcId());
        doc.put("flavor_id", a.flavorId());
        doc.put("admin_state_up", a.adminStateUp());
        doc.put("external_v4_ip", g.internetIp().isEmpty() ? null : g.internetIp());
        doc.put("external_v6_ip", a.externalV6Ip());
        doc.put("status", NeutronSpelling.serviceStatus(a.adminStateUp(), served));
        doc.put("project_id", g.scope().accountId());
        return doc;
    }

    private static String text(ObjectNode doc, String name) {
        return text(doc.path(name));
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : null;
    }

    /** vpn_db's assert_update_allowed: nothing in a PENDING_* state may change. */
    static void checkUpdatable(Operation op, ObjectNode doc) {
        String status = doc.path("status").asText();
        if (status.startsWith("PENDING_")) {
            throw NeutronError.VPN_STATE_INVALID_TO_UPDATE.fault(status, doc.path("id").asText());
        }
    }

    static boolean attached(Operation op, String routerId, String subnetId) {
        return op.all(Kinds.PORTS).stream().anyMatch(p -> p.path("device_id").asText().equals(routerId)
                && p.path("device_owner").asText().equals(Ports.INTERFACE) && Ports.onSubnet(p, subnetId));
    }

    static JsonNode externalIp(JsonNode gateway, int version) {
        for (JsonNode ip : gateway.path("external_fixed_ips")) {
            var address = Addresses.ip(ip.path("ip_address").asText());
            if (address.isPresent() && address.get().version() == version) {
                return NeutronJson.NODES.textNode(ip.path("ip_address").asText());
            }
        }
        return NeutronJson.NODES.nullNode();
    }
}
