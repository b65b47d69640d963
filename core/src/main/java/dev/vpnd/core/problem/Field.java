package dev.vpnd.core.problem;

/**
 * The canonical fields a {@link Problem} can name. Core speaks no cloud: each dialect maps every
 * field to the parameter its clients sent (a connection's name is {@code VpnConnectionName} in
 * one dialect and {@code name} in another), in a table that is exhaustive by design.
 * {@link #canonicalName} is for the operator's command line and dialects without a spelling of
 * their own.
 */
public enum Field {
    VPC_NAME("name"),
    VPC_DESCRIPTION("description"),
    VPC_CIDR_BLOCK("cidr_block"),
    VPC_DOMAIN_NAME("domain_name"),
    VPC_DNS_SERVER("dns_server"),
    GATEWAY_NAME("name"),
    GATEWAY_DESCRIPTION("description"),
    GATEWAY_VSWITCH("vswitch_id"),
    GATEWAY_ZONE("zone"),
    CUSTOMER_GATEWAY_NAME("name"),
    CUSTOMER_GATEWAY_DESCRIPTION("description"),
    CUSTOMER_GATEWAY_ADDRESS("ip_address"),
    CUSTOMER_GATEWAY_AUTH_KEY("auth_key"),
    CONNECTION_NAME("name"),
    /** The gateway a connection is on, which it never leaves. */
    CONNECTION_GATEWAY("vpn_gateway_id"),
    /** The customer gateway of a connection, or of one of its tunnels. */
    CONNECTION_CUSTOMER_GATEWAY("customer_gateway_id"),
    LOCAL_SUBNET("local_subnet"),
    REMOTE_SUBNET("remote_subnet"),
    /** The IKE identities and pre-shared key of a connection, or of one of its tunnels. */
    IKE_LOCAL_ID("local_id"),
    IKE_REMOTE_ID("remote_id"),
    IKE_PSK("psk"),
    /** A dual-tunnel connection's list of tunnels, and the role of each. */
    TUNNELS("tunnels"),
    TUNNEL_ROLE("tunnel_role"),
    TAG_KEY("tag_key"),
    TAG_VALUE("tag_value"),
    /** Operator settings, named only on the command line. */
    ACCOUNT_NAME("name"),
    USER_NAME("user"),
    QUOTA_LIMIT("limit");

    private final String canonicalName;

    Field(String canonicalName) {
        this.canonicalName = canonicalName;
    }

    public String canonicalName() {
        return canonicalName;
    }
}
