package dev.vpnd.core.port;

/** The stores of one transaction. */
public interface Stores {
    AccountStore accounts();

    VpcStore vpcs();

    GatewayStore gateways();

    CustomerGatewayStore customerGateways();

    ConnectionStore connections();

    TagStore tags();

    NonceStore nonces();

    IdentityStore identities();

    OpenStackStore openStack();

    QuotaStore quotas();

    DataPlaneStore dataPlane();
}
