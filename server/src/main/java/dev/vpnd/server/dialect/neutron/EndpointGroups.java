package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.port.OpenStackStore.Reference;
import dev.vpnd.server.dialect.WireFault;

/**
 * Endpoint groups: local subnets (type subnet) or peer CIDRs (type cidr), checked as the
 * reference's vpn_validator does. Only name and description change; a group a connection uses
 * cannot be deleted (400, not 409: EndpointGroupInUse is a BadRequest in neutron-lib).
 */
final class EndpointGroups implements Behaviour {

    @Override
    public void create(Operation op, ObjectNode doc) {
        JsonNode endpoints = doc.path("endpoints");
        String type = doc.path("type").asText();
        if (!endpoints.isArray() || endpoints.isEmpty()) {
            throw NeutronError.MISSING_ENDPOINT_FOR_ENDPOINT_GROUP.fault(pythonRepr(doc));
        }
        for (JsonNode endpoint : endpoints) {
            String text = endpoint.asText();
            switch (type) {
                case "cidr" -> {
                    if (!endpoint.isTextual() || Addresses.cidr(text).isEmpty()) {
                        throw invalidEndpoint(text, type, "Invalid CIDR");
                    }
                }
                case "subnet" -> {
                    if (!endpoint.isTextual() || !Checks.isUuid(text)) {
                        throw invalidEndpoint(text, type, "Invalid UUID");
                    }
                    if (op.lookup(Kinds.SUBNETS, text).isEmpty()) {
                        throw NeutronError.NON_EXISTING_SUBNET_IN_ENDPOINT_GROUP.fault(text);
                    }
                }
                default -> {
                    // network, router and vlan groups are accepted as given, as the reference does.
                }
            }
        }
    }

    @Override
    public void delete(Operation op, ObjectNode group) {
        String id = group.path("id").asText();
        if (op.tx.siteConnectionUses(Reference.ENDPOINT_GROUP, id)) {
            throw NeutronError.ENDPOINT_GROUP_IN_USE.fault(id);
        }
    }

    private static WireFault invalidEndpoint(String endpoint, String type, String why) {
        return NeutronError.INVALID_ENDPOINT_IN_ENDPOINT_GROUP.fault(endpoint, type, why);
    }

    /** The group as Python prints the dict the reference embeds in this message. */
    private static String pythonRepr(ObjectNode doc) {
        var parts = new java.util.ArrayList<String>();
        for (String key : new String[] {"name", "description", "type", "endpoints", "tenant_id"}) {
            JsonNode value = doc.path(key);
            String shown = value.isArray() ? "[]" : "'" + value.asText() + "'";
            parts.add("'" + key + "': " + shown);
        }
        return "{" + String.join(", ", parts) + "}";
    }
}
