package dev.vpnd.server.dialect.neutron;

import static dev.vpnd.server.dialect.neutron.NeutronJson.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;

/**
 * Subnets: a CIDR on a network, its gateway (the first address unless given) and allocation pool
 * (the rest, less the IPv4 broadcast address). CIDRs may not overlap on one network; a subnet that
 * a port still uses cannot be deleted.
 */
final class Subnets implements Behaviour {
    /** The internal mark {@link Operation#visible} reads. */
    static final String SEEN_BY_EVERYONE = Operation.INTERNAL + "shared";

    @Override
    public void create(Operation op, ObjectNode doc) {
        String networkId = doc.path("network_id").asText();
        ObjectNode network = op.get(Kinds.NETWORKS, networkId);
        if (!op.caller.admin() && !network.path("shared").asBoolean()
                && !Operation.project(network).equals(Operation.project(doc))) {
            // base.py's _validate_network_tenant_ownership: another project's external network is
            // visible but takes no subnets from others; its 404 hides the network's existence.
            throw NeutronError.HTTP_NOT_FOUND.fault();
        }
        String cidrText = doc.path("cidr").asText();
        var cidr = Addresses.cidr(cidrText).orElseThrow(() -> Checks.invalid("cidr", "'" + cidrText
                + "' is not a valid IP subnet"));
        if (!cidr.cidr().equals(cidrText) && cidr.version() == 4) {
            throw Checks.invalid("cidr", "'" + cidrText + "' isn't a recognized IP subnet cidr, '" + cidr.cidr()
                    + "' is recommended");
        }
        if (cidr.version() != doc.path("ip_version").asInt()) {
            throw NeutronError.CIDR_VERSION_MISMATCH.fault(cidrText, doc.path("ip_version").asInt());
        }
        for (ObjectNode other : op.all(Kinds.SUBNETS)) {
            if (other.path("network_id").asText().equals(networkId)
                    && Addresses.cidr(other.path("cidr").asText()).map(cidr::overlaps).orElse(false)) {
                throw NeutronError.SUBNET_OVERLAP.fault(cidrText, networkId);
            }
        }
        if (Kinds.UNSPECIFIED.equals(doc.path("gateway_ip").asText())) {
            doc.put("gateway_ip", Addresses.format(cidr.first().add(BigInteger.ONE), cidr.bits()));
        }
        if (doc.path("allocation_pools").isNull()) {
            BigInteger start = cidr.first().add(BigInteger.ONE);
            BigInteger end = cidr.version() == 4 ? cidr.last().subtract(BigInteger.ONE) : cidr.last();
            String gateway = doc.path("gateway_ip").asText();
            if (Addresses.format(start, cidr.bits()).equals(gateway)) {
                start = start.add(BigInteger.ONE);
            }
            ArrayNode pools = doc.putArray("allocation_pools");
            pools.addObject().put("start", Addresses.format(start, cidr.bits())).put("end",
                    Addresses.format(end, cidr.bits()));
        }
        markSeenByEveryone(doc, Networks.everyoneSees(network));
        Networks.stamp(op, doc, 0);
        network.withArray("subnets").add(doc.path("id").asText());
        op.save(Kinds.NETWORKS, network);
    }

    /** Subnets of shared and external networks are visible to every project, as their networks are. */
    static void markSeenByEveryone(ObjectNode subnet, boolean everyone) {
        if (everyone) {
            subnet.put(SEEN_BY_EVERYONE, true);
        } else {
            subnet.remove(SEEN_BY_EVERYONE);
        }
    }

    @Override
    public ObjectNode update(Operation op, ObjectNode current, ObjectNode changes) {
        ObjectNode merged = Behaviour.super.update(op, current, changes);
        Networks.stamp(op, merged, current.path("revision_number").asLong() + 1);
        return merged;
    }

    @Override
    public void delete(Operation op, ObjectNode subnet) {
        String id = subnet.path("id").asText();
        boolean used = op.all(Kinds.PORTS).stream().anyMatch(p -> Ports.onSubnet(p, id));
        if (used) {
            throw NeutronError.SUBNET_IN_USE.fault(id);
        }
        op.tx.find(Kinds.NETWORKS.path(), subnet.path("network_id").asText()).ifPresent(stored -> {
            ObjectNode network = NeutronJson.parse(stored.attributes());
            ArrayNode kept = NODES.arrayNode();
            network.withArray("subnets").forEach(s -> {
                if (!s.asText().equals(id)) {
                    kept.add(s);
                }
            });
            network.set("subnets", kept);
            op.save(Kinds.NETWORKS, network);
        });
    }
}
