package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.problem.Field;

/**
 * The API 3.0 parameter each canonical {@link Field} is, as errors name it: names are per resource
 * ({@code VpnGatewayName}), subnets are inside {@code SecurityPolicyDatabases}, IKE settings inside
 * {@code IKEOptionsSpecification}. Tencent's connections have no tunnels of their own, so a tunnel's
 * field (made through Alibaba's dialect) is named for the connection. The switch is exhaustive by
 * design.
 */
final class TencentFields {
    private TencentFields() {
    }

    static String wireName(Field field) {
        return switch (field) {
            case VPC_NAME -> "VpcName";
            case GATEWAY_NAME -> "VpnGatewayName";
            case CUSTOMER_GATEWAY_NAME -> "CustomerGatewayName";
            case CONNECTION_NAME -> "VpnConnectionName";
            case VPC_DESCRIPTION, GATEWAY_DESCRIPTION, CUSTOMER_GATEWAY_DESCRIPTION -> "Description";
            case VPC_CIDR_BLOCK -> "CidrBlock";
            case VPC_DOMAIN_NAME -> "DomainName";
            case VPC_DNS_SERVER -> "DnsServers";
            case GATEWAY_VSWITCH -> "VSwitchId";
            case GATEWAY_ZONE -> "Zone";
            case CUSTOMER_GATEWAY_ADDRESS -> "IpAddress";
            case CUSTOMER_GATEWAY_AUTH_KEY -> "AuthKey";
            case CONNECTION_GATEWAY -> "VpnGatewayId";
            case CONNECTION_CUSTOMER_GATEWAY -> "CustomerGatewayId";
            case LOCAL_SUBNET -> "SecurityPolicyDatabases.LocalCidrBlock";
            case REMOTE_SUBNET -> "SecurityPolicyDatabases.RemoteCidrBlock";
            case IKE_LOCAL_ID -> "IKEOptionsSpecification.LocalIdentity";
            case IKE_REMOTE_ID -> "IKEOptionsSpecification.RemoteIdentity";
            case IKE_PSK -> "PreShareKey";
            case TUNNELS, TUNNEL_ROLE -> "VpnConnectionId";
            case TAG_KEY -> "Tags.Key";
            case TAG_VALUE -> "Tags.Value";
            case ACCOUNT_NAME, USER_NAME, QUOTA_LIMIT -> field.canonicalName();
        };
    }
}
