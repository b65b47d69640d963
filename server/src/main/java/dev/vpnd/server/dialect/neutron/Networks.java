package dev.vpnd.server.dialect.neutron;

import static dev.vpnd.server.dialect.neutron.NeutronJson.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

/**
 * Networks. Only an admin may make a network shared, external, default or provider ({@link Policy});
 * sharing or unsharing one shows or hides its subnets to other projects. Deleting a network takes
 * its subnets with it unless a router still has a port on it (NetworkInUse), as Neutron does for
 * port-less subnets.
 */
final class Networks implements Behaviour {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    @Override
    public void create(Operation op, ObjectNode doc) {
        if (doc.path("provider:network_type").isNull()) {
            // A tenant network: the reference's tenant_network_types = vxlan, a VNI from 1:10000.
            doc.put("provider:network_type", "vxlan");
            doc.put("provider:segmentation_id", freeVni(op));
        }
        if (doc.path("mtu").isNull()) {
            // Neutron's MTU for the type: global_physnet_mtu 1500, less VXLAN's 50 bytes of overhead.
            doc.put("mtu", doc.path("provider:network_type").asText().equals("vxlan") ? 1450 : 1500);
        }
        doc.put("status", "ACTIVE");
        doc.putArray("subnets");
        doc.putArray("availability_zones");
        doc.putNull("ipv4_address_scope");
        doc.putNull("ipv6_address_scope");
        stamp(op, doc, 1);
    }

    @Override
    public ObjectNode update(Operation op, ObjectNode current, ObjectNode changes) {
        ObjectNode merged = Behaviour.super.update(op, current, changes);
        stamp(op, merged, current.path("revision_number").asLong() + 1);
        if (everyoneSees(merged) != everyoneSees(current)) {
            // The subnets' visibility follows their network's (an admin shared or unshared it).
            String id = merged.path("id").asText();
            for (ObjectNode subnet : op.all(Kinds.SUBNETS)) {
                if (subnet.path("network_id").asText().equals(id)) {
                    Subnets.markSeenByEveryone(subnet, everyoneSees(merged));
                    op.save(Kinds.SUBNETS, subnet);
                }
            }
        }
        return merged;
    }

    /** Shared and external networks are visible to every project, and so are their subnets. */
    static boolean everyoneSees(ObjectNode network) {
        return network.path("shared").asBoolean() || network.path("router:external").asBoolean();
    }

    @Override
    public void delete(Operation op, ObjectNode network) {
        String id = network.path("id").asText();
        boolean used = op.all(Kinds.PORTS).stream().anyMatch(p -> p.path("network_id").asText().equals(id));
        if (used) {
            throw NeutronError.NETWORK_IN_USE.fault(id);
        }
        for (ObjectNode subnet : op.all(Kinds.SUBNETS)) {
            if (subnet.path("network_id").asText().equals(id)) {
                op.remove(Kinds.SUBNETS, subnet.path("id").asText());
            }
        }
    }

    private static int freeVni(Operation op) {
        var used = op.all(Kinds.NETWORKS).stream().filter(n -> n.path("provider:network_type").asText().equals("vxlan"))
                .map(n -> n.path("provider:segmentation_id").asInt()).collect(Collectors.toSet());
        int vni = 1;
        while (used.contains(vni)) {
            vni++;
        }
        return vni;
    }

    /** The standard attributes: no tags, creation and update times to the second, a revision number. */
    static void stamp(Operation op, ObjectNode doc, long revision) {
        String now = TIME.format(op.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        if (!doc.path("tags").isArray()) {
            doc.putArray("tags");
        }
        if (!doc.path("created_at").isTextual()) {
            doc.put("created_at", now);
        }
        doc.put("updated_at", now);
        doc.set("revision_number", NODES.numberNode(revision));
    }
}
