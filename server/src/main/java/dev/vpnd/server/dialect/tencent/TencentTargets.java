package dev.vpnd.server.dialect.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.Permissions.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The VPN gateways and connections a Tencent call names, for a key limited to some
 * ({@link dev.vpnd.core.service.Permissions}): read from the parameters as sent, before they are
 * checked, so a value of the wrong shape names nothing rather than fail here. Whatever the action,
 * these parameters are read: an action that does not take one refuses it as an unknown parameter
 * before it runs, and one that takes it acts only within it (a filter is ANDed with the others). At
 * most {@link #MAX_TARGETS} are looked up.
 */
final class TencentTargets {
    /** More than any action takes (its id lists stop at 100): a longer list is refused, not looked up. */
    static final int MAX_TARGETS = 100;

    private TencentTargets() {
    }

    private static List<Target> bounded(List<Target> targets) {
        return targets.size() > MAX_TARGETS ? List.of(new Target.Other()) : targets;
    }

    /** API 3.0: {@code VpnGatewayId(s)}, {@code VpnConnectionId(s)} and the Filters of those ids. */
    static List<Target> api3(ObjectNode params) {
        var targets = new ArrayList<Target>();
        Function<String, OptionalLong> gateway = id -> TencentIds.decode(ResourceType.VPN_GATEWAY, id);
        Function<String, OptionalLong> connection = id -> TencentIds.decode(ResourceType.VPN_CONNECTION, id);
        texts(params.get("VpnGatewayId")).forEach(id -> targets.add(target(ResourceType.VPN_GATEWAY, gateway, id)));
        texts(params.get("VpnGatewayIds")).forEach(id -> targets.add(target(ResourceType.VPN_GATEWAY, gateway, id)));
        texts(params.get("VpnConnectionId"))
                .forEach(id -> targets.add(target(ResourceType.VPN_CONNECTION, connection, id)));
        texts(params.get("VpnConnectionIds"))
                .forEach(id -> targets.add(target(ResourceType.VPN_CONNECTION, connection, id)));
        JsonNode filters = params.get("Filters");
        if (filters != null && filters.isArray()) {
            for (JsonNode filter : filters) {
                String name = filter.path("Name").asText("");
                if (name.equals("vpn-gateway-id")) {
                    texts(filter.get("Values"))
                            .forEach(id -> targets.add(target(ResourceType.VPN_GATEWAY, gateway, id)));
                } else if (name.equals("vpn-connection-id")) {
                    texts(filter.get("Values"))
                            .forEach(id -> targets.add(target(ResourceType.VPN_CONNECTION, connection, id)));
                }
            }
        }
        return bounded(targets);
    }

    /** The legacy API: {@code vpnGwId} and {@code vpnConnId}, each an old number or a new id. */
    static List<Target> legacy(Map<String, String> fields) {
        var targets = new ArrayList<Target>();
        String gateway = fields.getOrDefault("vpnGwId", "");
        if (!gateway.isEmpty()) {
            targets.add(target(ResourceType.VPN_GATEWAY, id -> LegacyIds.serial(ResourceType.VPN_GATEWAY, id),
                    gateway));
        }
        String connection = fields.getOrDefault("vpnConnId", "");
        if (!connection.isEmpty()) {
            targets.add(target(ResourceType.VPN_CONNECTION,
                    id -> LegacyIds.serial(ResourceType.VPN_CONNECTION, id), connection));
        }
        return targets;
    }

    private static Target target(ResourceType type, Function<String, OptionalLong> serialOf, String id) {
        OptionalLong serial = serialOf.apply(id);
        return serial.isPresent() ? new Target.BySerial(type, serial.getAsLong()) : new Target.Other();
    }

    /** A text, or the texts of an array; nothing for any other shape. */
    private static List<String> texts(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        var out = new ArrayList<String>();
        if (node.isArray()) {
            node.forEach(item -> out.add(item.isTextual() ? item.asText() : ""));
        }
        return out;
    }
}
