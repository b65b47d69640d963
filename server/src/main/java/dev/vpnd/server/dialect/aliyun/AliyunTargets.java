package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.Permissions.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The VPN gateways and connections an Alibaba call names, for a key limited to some
 * ({@link dev.vpnd.core.service.Permissions}): {@code VpnGatewayId}, {@code VpnConnectionId}, and a
 * tag action's {@code ResourceId.N} when its {@code ResourceType} is one of the two. Read before the
 * parameters are checked: an id in no Alibaba form names a resource within no limit.
 */
final class AliyunTargets {
    private static final Pattern RESOURCE_ID = Pattern.compile("ResourceId\\.[0-9]+");

    private AliyunTargets() {
    }

    static List<Target> of(Map<String, String> params) {
        var targets = new ArrayList<Target>();
        add(targets, ResourceType.VPN_GATEWAY, params.get("VpnGatewayId"));
        add(targets, ResourceType.VPN_CONNECTION, params.get("VpnConnectionId"));
        String tagged = params.getOrDefault("ResourceType", "").toLowerCase(Locale.ROOT);
        ResourceType type = switch (tagged) {
            case "vpngateway" -> ResourceType.VPN_GATEWAY;
            case "vpnconnection" -> ResourceType.VPN_CONNECTION;
            default -> null;
        };
        params.forEach((name, value) -> {
            if (RESOURCE_ID.matcher(name).matches()) {
                if (type == null) {
                    targets.add(new Target.Other());
                } else {
                    add(targets, type, value);
                }
            }
        });
        return targets;
    }

    private static void add(List<Target> targets, ResourceType type, String wireId) {
        if (wireId == null || wireId.isEmpty()) {
            return;
        }
        targets.add(AliyunIds.decode(type, wireId).<Target>map(id -> new Target.ById(type, id))
                .orElseGet(Target.Other::new));
    }
}
