package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.Permissions.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The VPN gateways and connections an Alibaba call acts on, for a key limited to some
 * ({@link dev.vpnd.core.service.Permissions}): only the parameters its action acts through
 * ({@link RpcAction#targets}), since a handler ignores the others and a parameter it ignores must not
 * let a call past the check; a tag action's {@code ResourceId.N} counts when its
 * {@code ResourceType} is one of the two. Read before the parameters are checked: an id in no
 * Alibaba form names a resource within no limit. At most {@link #MAX_TARGETS} are looked up.
 */
final class AliyunTargets {
    /** In {@link RpcAction#targets}: the tag actions' {@code ResourceType} and {@code ResourceId.N}. */
    static final String TAGGED = "ResourceId.N";
    /** More than any action takes (ResourceId.N stops at 50): a longer list is refused, not looked up. */
    static final int MAX_TARGETS = 50;
    private static final Pattern RESOURCE_ID = Pattern.compile("ResourceId\\.[0-9]+");

    private AliyunTargets() {
    }

    static List<Target> of(RpcAction action, Map<String, String> params) {
        var targets = new ArrayList<Target>();
        for (String parameter : action.targets()) {
            switch (parameter) {
                case "VpnGatewayId" -> add(targets, ResourceType.VPN_GATEWAY, params.get(parameter));
                case "VpnConnectionId" -> add(targets, ResourceType.VPN_CONNECTION, params.get(parameter));
                case TAGGED -> tagged(targets, params);
                default -> throw new IllegalStateException("no target parameter " + parameter);
            }
        }
        if (targets.size() > MAX_TARGETS) {
            return List.of(new Target.Other());
        }
        return targets;
    }

    private static void tagged(List<Target> targets, Map<String, String> params) {
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
    }

    private static void add(List<Target> targets, ResourceType type, String wireId) {
        if (wireId == null || wireId.isEmpty()) {
            return;
        }
        targets.add(AliyunIds.decode(type, wireId).<Target>map(id -> new Target.ById(type, id))
                .orElseGet(Target.Other::new));
    }
}
