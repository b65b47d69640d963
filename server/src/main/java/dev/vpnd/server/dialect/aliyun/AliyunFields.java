package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.problem.Field;

/**
 * The parameter each canonical {@link Field} is on Alibaba's wire, as errors name it. A tunnel's
 * fields are under {@code TunnelOptionsSpecification.N}; a problem about the tunnels' roles as a
 * pair names no one tunnel, and keeps the {@code N}. The switch is exhaustive by design.
 */
final class AliyunFields {
    private static final String TUNNEL = "TunnelOptionsSpecification.";

    private AliyunFields() {
    }

    static String wireName(Field field, int tunnel) {
        return switch (field) {
            case VPC_NAME, GATEWAY_NAME, CUSTOMER_GATEWAY_NAME, CONNECTION_NAME -> "Name";
            case VPC_DESCRIPTION, GATEWAY_DESCRIPTION, CUSTOMER_GATEWAY_DESCRIPTION -> "Description";
            case VPC_CIDR_BLOCK -> "CidrBlock";
            case VPC_DOMAIN_NAME -> "DomainName";
            case VPC_DNS_SERVER -> "DnsServers";
            case GATEWAY_VSWITCH -> "VSwitchId";
            case GATEWAY_ZONE -> "ZoneId";
            case CUSTOMER_GATEWAY_ADDRESS -> "IpAddress";
            case CUSTOMER_GATEWAY_AUTH_KEY -> "AuthKey";
            case CONNECTION_GATEWAY -> "VpnGatewayId";
            case CONNECTION_CUSTOMER_GATEWAY -> tunnel == 0 ? "CustomerGatewayId"
                    : TUNNEL + tunnel + ".CustomerGatewayId";
            case LOCAL_SUBNET -> "LocalSubnet";
            case REMOTE_SUBNET -> "RemoteSubnet";
            case IKE_LOCAL_ID -> ike(tunnel) + ".LocalId";
            case IKE_REMOTE_ID -> ike(tunnel) + ".RemoteId";
            case IKE_PSK -> ike(tunnel) + ".Psk";
            case TUNNELS -> "TunnelOptionsSpecification";
            case TUNNEL_ROLE -> TUNNEL + (tunnel == 0 ? "N" : Integer.toString(tunnel)) + ".Role";
            case TAG_KEY -> "Tag.Key";
            case TAG_VALUE -> "Tag.Value";
            case ACCOUNT_NAME, USER_NAME, QUOTA_LIMIT -> field.canonicalName();
        };
    }

    private static String ike(int tunnel) {
        return tunnel == 0 ? "IkeConfig" : TUNNEL + tunnel + ".TunnelIkeConfig";
    }
}
