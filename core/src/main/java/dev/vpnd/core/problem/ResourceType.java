package dev.vpnd.core.problem;

/** The kinds of resource a problem can be about; dialects pick their error codes by it. */
public enum ResourceType {
    ACCOUNT, VPC, VPN_GATEWAY, CUSTOMER_GATEWAY, VPN_CONNECTION, TAG,
    /** A Neutron resource that has no canonical counterpart (a policy, an endpoint group, a network…). */
    OPENSTACK
}
