package dev.vpnd.server.dialect.neutron;

import static dev.vpnd.server.dialect.neutron.NeutronJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.server.dialect.OpenStackIds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routers, the OpenStack face of a VPC: each has a canonical VPC of its id. The external gateway is
 * a port on an external network's first subnet; interfaces are ports at their subnets' gateway
 * addresses, added and removed by subnet.
 */
final class Routers implements Behaviour {
    static final Set<String> ACTIONS = Set.of("add_router_interface", "remove_router_interface");

    @Override
    public void create(Operation op, ObjectNode doc) {
        doc.put("status", "ACTIVE");
        doc.putArray("availability_zones");
        doc.set("external_gateway_info", gateway(op, doc, null, doc.get("external_gateway_info")));
        // The reference's revision: 1 for the router, 2 more when the create also set its gateway.
        Networks.stamp(op, doc, doc.get("external_gateway_info").isNull() ? 1 : 3);
        op.tx.createRouterVpc(op.scope(doc), doc.path("id").asText(), doc.path("name").asText(),
                doc.path("description").asText());
    }

    @Override
    public ObjectNode update(Operation op, ObjectNode current, ObjectNode changes) {
        ObjectNode merged = current.deepCopy();
        changes.properties().forEach(e -> {
            if (!e.getKey().equals("external_gateway_info")) {
                merged.set(e.getKey(), e.getValue());
            }
        });
        if (changes.has("external_gateway_info")) {
            JsonNode wanted = changes.get("external_gateway_info");
            JsonNode now = current.get("external_gateway_info");
            boolean same = wanted.isObject() && now.isObject()
                    && wanted.path("network_id").asText().equals(now.path("network_id").asText());
            if (!same) {
                if (now.isObject()) {
                    checkNoService(op, current);
                }
                merged.set("external_gateway_info", gateway(op, merged, current, wanted));
            }
        }
        Networks.stamp(op, merged, current.path("revision_number").asLong() + 1);
        return merged;
    }

    @Override
    public void delete(Operation op, ObjectNode router) {
        String id = router.path("id").asText();
        checkNoService(op, router);
        List<ObjectNode> ports = op.all(Kinds.PORTS).stream().filter(p -> p.path("device_id").asText().equals(id))
                .toList();
        if (ports.stream().anyMatch(p -> p.path("device_owner").asText().equals(Ports.INTERFACE))) {
            throw NeutronError.ROUTER_IN_USE.fault(id);
        }
        ports.forEach(p -> op.remove(Kinds.PORTS, p.path("id").asText()));
        op.tx.deleteRouterVpc(op.scope(router), id);
    }

    private static void checkNoService(Operation op, ObjectNode router) {
        String id = router.path("id").asText();
        op.tx.vpnServiceOf(id, null).ifPresent(service -> {
            throw NeutronError.ROUTER_IN_USE_BY_VPN_SERVICE.fault(id, service);
        });
    }

    /**
     * The new gateway info: none for null or {}, else a port on the first subnet of the external
     * network ({@code current}'s gateway port is released first).
     */
    private static JsonNode gateway(Operation op, ObjectNode router, ObjectNode current, JsonNode wanted) {
        String id = router.path("id").asText();
        if (current != null) {
            op.all(Kinds.PORTS).stream().filter(p -> p.path("device_id").asText().equals(id)
                    && p.path("device_owner").asText().equals(Ports.GATEWAY))
                    .forEach(p -> op.remove(Kinds.PORTS, p.path("id").asText()));
        }
        if (wanted == null || wanted.isNull() || (wanted.isObject() && !wanted.has("network_id"))) {
            return NODES.nullNode();
        }
        if (!wanted.isObject() || !wanted.path("network_id").isTextual()) {
            throw Checks.invalid("external_gateway_info", "'" + Checks.repr(wanted)
                    + "' is not a dictionary");
        }
        String networkId = wanted.get("network_id").asText();
        ObjectNode network = op.lookup(Kinds.NETWORKS, networkId).orElseThrow(() -> Kinds.NETWORKS.notFound(networkId));
        if (!network.path("router:external").asBoolean()) {
            throw NeutronError.BAD_ROUTER_REQUEST.fault("Network " + networkId + " is not an external network.");
        }
        ObjectNode info = NODES.objectNode();
        info.put("network_id", networkId);
        ArrayNode ips = info.putArray("external_fixed_ips");
        for (ObjectNode subnet : op.all(Kinds.SUBNETS)) {
            if (subnet.path("network_id").asText().equals(networkId)) {
                String address = Ports.freeAddress(op, subnet);
                Ports.create(op, Operation.project(router), id, Ports.GATEWAY, subnet, address);
                ips.addObject().put("subnet_id", subnet.path("id").asText()).put("ip_address", address);
            }
        }
        info.put("enable_snat", !wanted.has("enable_snat") || wanted.get("enable_snat").asBoolean(true));
        return info;
    }

    /**
     * l3_db's {@code _check_for_dup_router_subnets}: a router cannot route to two subnets whose CIDRs
     * overlap, so a new interface's subnet may not overlap the subnet of any port the router has
     * (its other interfaces and its external gateway).
     */
    private static void checkNoOverlap(Operation op, String routerId, ObjectNode subnet) {
        String cidrText = subnet.path("cidr").asText();
        var cidr = Addresses.cidr(cidrText).orElse(null);
        if (cidr == null) {
            return;
        }
        Map<String, ObjectNode> subnets = new HashMap<>();
        op.all(Kinds.SUBNETS).forEach(s -> subnets.put(s.path("id").asText(), s));
        for (ObjectNode port : op.all(Kinds.PORTS)) {
            if (!port.path("device_id").asText().equals(routerId)) {
                continue;
            }
            for (JsonNode ip : port.path("fixed_ips")) {
                ObjectNode attached = subnets.get(ip.path("subnet_id").asText());
                if (attached == null) {
                    continue;
                }
                String attachedCidr = attached.path("cidr").asText();
                if (Addresses.cidr(attachedCidr).map(cidr::overlaps).orElse(false)) {
                    throw NeutronError.BAD_ROUTER_REQUEST.fault("Cidr " + cidrText + " of subnet "
                            + subnet.path("id").asText() + " overlaps with cidr " + attachedCidr + " of subnet "
                            + attached.path("id").asText() + ".");
                }
            }
        }
    }

    /** {@code PUT /v2.0/routers/{id}/add_router_interface} and {@code remove_router_interface}, by subnet. */
    static ObjectNode interfaceAction(Operation op, String routerId, String action, JsonNode body) {
        ObjectNode router = op.owned(Kinds.ROUTERS, routerId, Policy.memberAction(action));
        if (!body.isObject() || !body.path("subnet_id").isTextual()) {
            throw NeutronError.BAD_ROUTER_REQUEST.fault("Either subnet_id or port_id must be specified.");
        }
        String subnetId = body.get("subnet_id").asText();
        ObjectNode subnet = op.lookup(Kinds.SUBNETS, subnetId).orElseThrow(() -> Kinds.SUBNETS.notFound(subnetId));
        List<ObjectNode> ports = op.all(Kinds.PORTS).stream().filter(p -> p.path("device_id").asText().equals(routerId)
                && p.path("device_owner").asText().equals(Ports.INTERFACE)).toList();
        ObjectNode port;
        if (action.equals("add_router_interface")) {
            if (!op.caller.admin() && !op.caller.projectId().equals(Operation.project(subnet))) {
                // l3_db: a visible subnet of a shared or external network is still not the caller's to attach.
                throw NeutronError.BAD_ROUTER_REQUEST.fault("Cannot add interface to router because subnet "
                        + subnetId + " is not owned by project making the request.");
            }
            if (ports.stream().anyMatch(p -> Ports.onSubnet(p, subnetId))) {
                throw NeutronError.BAD_ROUTER_REQUEST.fault("Router already has a port on subnet " + subnetId + ".");
            }
            checkNoOverlap(op, routerId, subnet);
            String gatewayIp = subnet.path("gateway_ip").asText();
            port = Ports.create(op, Operation.project(router), routerId, Ports.INTERFACE, subnet, gatewayIp);
        } else {
            port = ports.stream().filter(p -> Ports.onSubnet(p, subnetId)).findFirst().orElseThrow(() ->
                    NeutronError.ROUTER_INTERFACE_NOT_FOUND_FOR_SUBNET.fault(routerId, subnetId));
            op.tx.vpnServiceOf(routerId, subnetId).ifPresent(service -> {
                throw NeutronError.SUBNET_IN_USE_BY_VPN_SERVICE.fault(subnetId, service);
            });
            op.remove(Kinds.PORTS, port.path("id").asText());
        }
        ObjectNode answer = NODES.objectNode();
        answer.put("id", routerId);
        answer.put("tenant_id", OpenStackIds.shown(Operation.project(router)));
        answer.put("port_id", port.path("id").asText());
        answer.put("network_id", subnet.path("network_id").asText());
        answer.put("subnet_id", subnetId);
        answer.putArray("subnet_ids").add(subnetId);
        return answer;
    }
}
