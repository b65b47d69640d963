package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.problem.ResourceType;

/** How Tencent's messages name each resource type. */
final class TencentNames {
    private TencentNames() {
    }

    static String of(ResourceType type) {
        return switch (type) {
            case VPC -> "VPC";
            case VPN_GATEWAY -> "VPN gateway";
            case CUSTOMER_GATEWAY -> "customer gateway";
            case VPN_CONNECTION -> "VPN connection";
            case ACCOUNT -> "account";
            case TAG -> "tag";
            case OPENSTACK -> "OpenStack resource";
        };
    }
}
