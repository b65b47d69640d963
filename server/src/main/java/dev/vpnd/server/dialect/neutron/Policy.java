package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Neutron's write policy as vpnd applies it (docs/security.md, "Neutron and Keystone"): a create,
 * update, delete or member action is allowed to the resource's own project or an admin. Seeing a
 * resource (another project's shared or external network, or its subnets) does not make it writable.
 * Some network attributes are an admin's alone, whoever owns the network. A refusal is oslo.policy's
 * 403 PolicyNotAuthorized naming the rule as Neutron builds it: the action's rule, and-ed with one
 * rule per admin-only attribute the request sets.
 *
 * @param action the policy action, e.g. {@code update_network} or {@code add_router_interface}
 * @param attributes the admin-only attributes the request sets, in attribute-map order
 */
record Policy(String action, List<String> attributes) {
    /** By member name: Neutron's default policy makes {@code create_/update_<member>:<attribute>} admin_only. */
    private static final Map<String, List<String>> ADMIN_ONLY = Map.of("network", List.of("shared",
            "router:external", "provider:network_type", "provider:physical_network", "provider:segmentation_id",
            "is_default"));

    /** A create: an admin-only attribute counts when it differs from its default (Neutron's explicitly-set test). */
    static Policy create(Kind kind, ObjectNode doc) {
        var byName = kind.byName();
        return new Policy("create_" + kind.member(), adminOnly(kind).stream()
                .filter(name -> doc.has(name) && !doc.get(name).equals(byName.get(name).defaultValue())).toList());
    }

    /** An update: an admin-only attribute counts when the body names it, whatever the value. */
    static Policy update(Kind kind, ObjectNode changes) {
        return new Policy("update_" + kind.member(), adminOnly(kind).stream().filter(changes::has).toList());
    }

    static Policy delete(Kind kind) {
        return new Policy("delete_" + kind.member(), List.of());
    }

    /** A member action such as {@code add_router_interface}: its rule is the action's name. */
    static Policy memberAction(String action) {
        return new Policy(action, List.of());
    }

    private static List<String> adminOnly(Kind kind) {
        return ADMIN_ONLY.getOrDefault(kind.member(), List.of());
    }

    /** The rule as oslo.policy prints a nested AndCheck: {@code ((rule:a and rule:a:x) and rule:a:y)}. */
    String rule() {
        String text = "rule:" + action;
        for (String attribute : attributes) {
            text = "(" + text + " and rule:" + action + ":" + attribute + ")";
        }
        return text;
    }

    /** Passes an admin; anyone else only on their own project's resource and with no admin-only attribute. */
    void enforce(Caller caller, String owner) {
        if (caller.admin()) {
            return;
        }
        if (!attributes.isEmpty() || !caller.projectId().equals(owner)) {
            throw NeutronError.POLICY_NOT_AUTHORIZED.fault(rule());
        }
    }
}
