package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.server.dialect.OpenStackIds;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Set;

/**
 * The API layer of Neutron (neutron/api/v2/base.py with neutron-lib's AttributeInfo): request
 * bodies checked against a kind's attribute map, in the reference's order (defaults and required
 * attributes, then conversion and validation, then unknown attributes, then the project), and
 * documents rendered back in attribute order.
 */
final class Documents {
    /** The attributes naming a resource's project, shown in Keystone's spelling of its id. */
    static final Set<String> PROJECT_KEYS = Set.of("tenant_id", "project_id");
    private Documents() {
    }

    /** The object under the singular key, or the reference's 400. */
    static ObjectNode member(Kind kind, JsonNode body) {
        if (body == null || body.isNull() || body.isEmpty() || !body.isObject()) {
            throw NeutronError.BODY_REQUIRED.fault();
        }
        JsonNode member = body.get(kind.member());
        if (member == null || !member.isObject()) {
            throw NeutronError.MEMBER_NOT_IN_BODY.fault(kind.member());
        }
        return (ObjectNode) member;
    }

    /** A create body with every default filled and every value converted, owned by the right project. */
    static ObjectNode forCreate(Kind kind, JsonNode body, Caller caller) {
        ObjectNode given = member(kind, body);
        ObjectNode doc = NeutronJson.NODES.objectNode();
        for (Attribute attribute : kind.attributes()) {
            JsonNode value = given.get(attribute.name());
            if (!attribute.post()) {
                if (value != null) {
                    throw NeutronError.NOT_ALLOWED_IN_POST.fault(attribute.name());
                }
                doc.putNull(attribute.name());
            } else if (value == null) {
                if (attribute.required()) {
                    throw NeutronError.REQUIRED_ATTRIBUTE.fault(attribute.name());
                }
                doc.set(attribute.name(), attribute.defaultValue());
            } else {
                doc.set(attribute.name(), value);
            }
        }
        for (Attribute attribute : kind.attributes()) {
            if (attribute.post() && given.has(attribute.name())) {
                doc.set(attribute.name(), attribute.check().apply(attribute.name(), given.get(attribute.name())));
            }
        }
        unrecognized(kind, given);
        String project = OpenStackIds.canonical(doc.path("tenant_id").isTextual() ? doc.get("tenant_id").asText()
                : doc.path("project_id").isTextual() ? doc.get("project_id").asText() : caller.projectId());
        if (!project.equals(caller.projectId()) && !caller.admin()) {
            throw NeutronError.OTHER_PROJECT.fault();
        }
        doc.put("tenant_id", project);
        doc.put("project_id", project);
        return doc;
    }

    /** An update body: only attributes a PUT may change, converted and validated. */
    static ObjectNode forUpdate(Kind kind, JsonNode body) {
        ObjectNode given = member(kind, body);
        var byName = kind.byName();
        for (Iterator<String> names = given.fieldNames(); names.hasNext();) {
            Attribute attribute = byName.get(names.next());
            if (attribute != null && !attribute.put()) {
                throw NeutronError.READ_ONLY_ATTRIBUTE.fault(attribute.name());
            }
        }
        ObjectNode changes = NeutronJson.NODES.objectNode();
        for (Attribute attribute : kind.attributes()) {
            if (given.has(attribute.name())) {
                changes.set(attribute.name(), attribute.check().apply(attribute.name(), given.get(attribute.name())));
            }
        }
        unrecognized(kind, given);
        return changes;
    }

    private static void unrecognized(Kind kind, ObjectNode given) {
        var byName = kind.byName();
        var unknown = new ArrayList<String>();
        given.fieldNames().forEachRemaining(name -> {
            if (!byName.containsKey(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw NeutronError.UNRECOGNIZED_ATTRIBUTES.fault(String.join(", ", unknown));
        }
    }

    /**
     * What a client sees of a stored document: the attributes in map order (only {@code fields}
     * when given, unknown names ignored), internal keys and admin-only attributes (for others) dropped,
     * the owner's project in Keystone's spelling.
     */
    static ObjectNode render(Operation op, Kind kind, ObjectNode doc, Set<String> fields) {
        ObjectNode out = NeutronJson.NODES.objectNode();
        for (Attribute attribute : kind.attributes()) {
            String name = attribute.name();
            if (Kinds.ADMIN_ONLY.contains(name) && !op.caller.admin()) {
                continue;
            }
            if ((fields.isEmpty() || fields.contains(name)) && doc.has(name)) {
                out.set(name, PROJECT_KEYS.contains(name) && doc.get(name).isTextual()
                        ? NeutronJson.NODES.textNode(OpenStackIds.shown(doc.get(name).asText())) : doc.get(name));
            }
        }
        return out;
    }

}
