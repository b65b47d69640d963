package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Router ports: interfaces (at the subnet's gateway address) and external gateways (the next free address). */
final class Ports {
    static final String INTERFACE = "network:router_interface";
    static final String GATEWAY = "network:router_gateway";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ports() {
    }

    static boolean onSubnet(JsonNode port, String subnetId) {
        for (JsonNode ip : port.path("fixed_ips")) {
            if (ip.path("subnet_id").asText().equals(subnetId)) {
                return true;
            }
        }
        return false;
    }

    static ObjectNode create(Operation op, String project, String routerId, String owner, ObjectNode subnet,
            String address) {
        ObjectNode port = NeutronJson.NODES.objectNode();
        port.put("id", UUID.randomUUID().toString());
        port.put("name", "");
        port.put("network_id", subnet.path("network_id").asText());
        port.put("tenant_id", project);
        port.put("mac_address", String.format("fa:16:3e:%02x:%02x:%02x", RANDOM.nextInt(256), RANDOM.nextInt(256),
                RANDOM.nextInt(256)));
        port.put("admin_state_up", true);
        port.put("status", "ACTIVE");
        port.put("device_id", routerId);
        port.put("device_owner", owner);
        port.putArray("fixed_ips").addObject().put("subnet_id", subnet.path("id").asText()).put("ip_address", address);
        port.putArray("allowed_address_pairs");
        port.putArray("extra_dhcp_opts");
        port.putArray("security_groups");
        port.put("description", "");
        port.put("binding:vnic_type", "normal");
        port.put("port_security_enabled", false);
        Networks.stamp(op, port, 1);
        port.put("project_id", project);
        op.insert(Kinds.PORTS, port);
        return port;
    }

    /** The first address of the subnet's allocation pools that no port and no gateway uses. */
    static String freeAddress(Operation op, ObjectNode subnet) {
        Set<String> used = new HashSet<>();
        used.add(subnet.path("gateway_ip").asText());
        String subnetId = subnet.path("id").asText();
        for (ObjectNode port : op.all(Kinds.PORTS)) {
            for (JsonNode ip : port.path("fixed_ips")) {
                if (ip.path("subnet_id").asText().equals(subnetId)) {
                    used.add(ip.path("ip_address").asText());
                }
            }
        }
        for (JsonNode pool : subnet.path("allocation_pools")) {
            var start = Addresses.ip(pool.path("start").asText());
            var end = Addresses.ip(pool.path("end").asText());
            if (start.isEmpty() || end.isEmpty()) {
                continue;
            }
            BigInteger last = end.get().address();
            for (BigInteger ip = start.get().address(); ip.compareTo(last) <= 0; ip = ip.add(BigInteger.ONE)) {
                String text = Addresses.format(ip, start.get().bits());
                if (!used.contains(text)) {
                    return text;
                }
            }
        }
        throw NeutronError.IP_ADDRESS_GENERATION_FAILURE.fault(subnet.path("network_id").asText());
    }
}
