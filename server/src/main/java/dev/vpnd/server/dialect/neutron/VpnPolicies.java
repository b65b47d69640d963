package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.port.OpenStackStore.Reference;

/**
 * IKE and IPsec policies. Their lifetime defaults to 3600 seconds, key by key; a policy used by a
 * connection refuses every update and delete (409). Create and update answers echo
 * {@code lifetime.value} as it was sent (a string stays a string, which tempest checks) while the
 * stored value, and so every later read, is an integer.
 */
final class VpnPolicies implements Behaviour {
    static final VpnPolicies IKE = new VpnPolicies(Reference.IKE_POLICY, NeutronError.IKE_POLICY_IN_USE);
    static final VpnPolicies IPSEC = new VpnPolicies(Reference.IPSEC_POLICY, NeutronError.IPSEC_POLICY_IN_USE);

    private final Reference reference;
    private final NeutronError inUse;

    private VpnPolicies(Reference reference, NeutronError inUse) {
        this.reference = reference;
        this.inUse = inUse;
    }

    @Override
    public void create(Operation op, ObjectNode doc) {
        doc.set("lifetime", lifetime(NeutronJson.NODES.objectNode(), doc.get("lifetime")));
    }

    @Override
    public ObjectNode update(Operation op, ObjectNode current, ObjectNode changes) {
        checkUnused(op, current);
        ObjectNode merged = current.deepCopy();
        changes.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        if (changes.has("lifetime")) {
            merged.set("lifetime", lifetime((ObjectNode) current.get("lifetime"), changes.get("lifetime")));
        }
        return merged;
    }

    @Override
    public void delete(Operation op, ObjectNode doc) {
        checkUnused(op, doc);
    }

    @Override
    public ObjectNode stored(ObjectNode doc) {
        ObjectNode copy = doc.deepCopy();
        ObjectNode lifetime = (ObjectNode) copy.get("lifetime");
        lifetime.put("value", Checks.toInt(lifetime.get("value")));
        return copy;
    }

    private static ObjectNode lifetime(ObjectNode base, JsonNode given) {
        ObjectNode out = NeutronJson.NODES.objectNode();
        out.set("units", given.has("units") ? given.get("units") : base.path("units").isMissingNode()
                ? NeutronJson.NODES.textNode("seconds") : base.get("units"));
        out.set("value", given.has("value") ? given.get("value") : base.path("value").isMissingNode()
                ? NeutronJson.NODES.numberNode(3600) : base.get("value"));
        return out;
    }

    private void checkUnused(Operation op, ObjectNode policy) {
        String id = policy.path("id").asText();
        if (op.tx.siteConnectionUses(reference, id)) {
            throw inUse.fault(id);
        }
    }
}
