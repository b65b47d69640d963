package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** {@code /v2.0/extensions}: the aliases vpnd implements, as the reference describes them. */
final class Extensions {
    private record Extension(String alias, String name, String description, String updated) {
    }

    private static final List<Extension> ALL = List.of(
            new Extension("vpnaas", "VPN service", "Extension for VPN service", "2013-05-29T10:00:00-00:00"),
            new Extension("vpn-endpoint-groups", "VPN Endpoint Groups", "VPN endpoint groups support",
                    "2015-08-05T10:00:00-00:00"),
            new Extension("router", "Neutron L3 Router",
                    "Router abstraction for basic L3 forwarding between L2 Neutron networks and access to external "
                            + "networks via a NAT gateway.", "2012-07-20T10:00:00-00:00"),
            new Extension("external-net", "Neutron external network", "Adds external network attribute to network "
                    + "resource.", "2013-01-14T10:00:00-00:00"),
            new Extension("extraroute", "Neutron Extra Route", "Extra routes configuration for L3 router",
                    "2013-02-01T10:00:00-00:00"));

    private Extensions() {
    }

    static ObjectNode list() {
        ObjectNode root = NeutronJson.NODES.objectNode();
        var items = root.putArray("extensions");
        ALL.forEach(e -> items.add(render(e)));
        return root;
    }

    static Optional<ObjectNode> find(String alias) {
        return ALL.stream().filter(e -> e.alias().equals(alias)).findFirst().map(e -> {
            ObjectNode root = NeutronJson.NODES.objectNode();
            root.set("extension", render(e));
            return root;
        });
    }

    /** {@code GET /v2.0}: the core collections. */
    static ObjectNode resources(String baseUrl) {
        ObjectNode root = NeutronJson.NODES.objectNode();
        var resources = root.putArray("resources");
        for (String[] r : new String[][] {{"subnet", "subnets"}, {"network", "networks"}, {"port", "ports"}}) {
            var item = resources.addObject();
            item.putArray("links").addObject().put("href", baseUrl + "/v2.0/" + r[1]).put("rel", "self");
            item.put("name", r[0]);
            item.put("collection", r[1]);
        }
        return root;
    }

    private static ObjectNode render(Extension e) {
        ObjectNode node = NeutronJson.NODES.objectNode();
        node.put("name", e.name());
        node.put("alias", e.alias());
        node.put("description", e.description());
        node.put("updated", e.updated());
        node.putArray("links");
        return node;
    }
}
