package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * VPN services, the OpenStack face of a VPN gateway (canonical gateway of the same id, in its
 * router's VPC, at the router's external address). The router must have an external gateway; a
 * legacy service's subnet must be attached to it. PENDING_CREATE until the provisioning delay has
 * passed, and not updatable before.
 */
final class VpnServices implements Behaviour {

    @Override
    public void create(Operation op, ObjectNode doc) {
        String routerId = doc.path("router_id").asText();
        ObjectNode router = op.get(Kinds.ROUTERS, routerId);
        JsonNode gateway = router.path("external_gateway_info");
        if (!gateway.isObject()) {
            throw NeutronFault.bad("RouterIsNotExternal", "Router " + routerId + " has no external network gateway set");
        }
        if (!doc.path("subnet_id").isNull()) {
            String subnetId = doc.path("subnet_id").asText();
            op.get(Kinds.SUBNETS, subnetId);
            if (!attached(op, routerId, subnetId)) {
                throw NeutronFault.bad("SubnetIsNotConnectedToRouter", "Subnet " + subnetId
                        + " is not connected to Router " + routerId);
            }
        }
        doc.set("external_v4_ip", externalIp(gateway, 4));
        doc.set("external_v6_ip", externalIp(gateway, 6));
        doc.put("status", "PENDING_CREATE");
        Instant readyAt = op.tx.readyAt();
        doc.put(Operation.READY_AT, readyAt.toEpochMilli());
        op.tx.createServiceGateway(Operation.scope(doc), doc.path("id").asText(), routerId, doc.path("name").asText(),
                doc.path("description").asText(), doc.path("external_v4_ip").asText(""), readyAt);
    }

    @Override
    public ObjectNode update(Operation op, ObjectNode current, ObjectNode changes) {
        checkUpdatable(op, current);
        ObjectNode merged = Behaviour.super.update(op, current, changes);
        op.tx.renameServiceGateway(Operation.scope(merged), merged.path("id").asText(), merged.path("name").asText(),
                merged.path("description").asText());
        return merged;
    }

    @Override
    public void delete(Operation op, ObjectNode service) {
        String id = service.path("id").asText();
        if (op.tx.countConnectionsOnGateway(Operation.scope(service), id) > 0) {
            throw NeutronFault.conflict("VPNServiceInUse", "VPNService " + id + " is still in use");
        }
        op.tx.deleteServiceGateway(Operation.scope(service), id);
    }

    /** vpn_db's assert_update_allowed: nothing in a PENDING_* state may change. */
    static void checkUpdatable(Operation op, ObjectNode doc) {
        String status = op.status(doc);
        if (status.startsWith("PENDING_")) {
            throw NeutronFault.bad("VPNStateInvalidToUpdate", "Invalid state " + status + " of vpnaas resource "
                    + doc.path("id").asText() + " for updating");
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
