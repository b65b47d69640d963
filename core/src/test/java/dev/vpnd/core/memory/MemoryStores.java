package dev.vpnd.core.memory;

import dev.vpnd.core.port.AccountStore;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.CustomerGatewayStore;
import dev.vpnd.core.port.DataPlaneStore;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.IdentityStore;
import dev.vpnd.core.port.NonceStore;
import dev.vpnd.core.port.OpenStackStore;
import dev.vpnd.core.port.QuotaStore;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.port.TagStore;
import dev.vpnd.core.port.VpcStore;

/** The stores of one transaction over one {@link MemoryState}. */
final class MemoryStores implements Stores {
    private final MemoryState state;

    MemoryStores(MemoryState state) {
        this.state = state;
    }

    @Override
    public AccountStore accounts() {
        return new MemoryAccountStore(state);
    }

    @Override
    public VpcStore vpcs() {
        return new MemoryVpcStore(state);
    }

    @Override
    public GatewayStore gateways() {
        return new MemoryGatewayStore(state);
    }

    @Override
    public CustomerGatewayStore customerGateways() {
        return new MemoryCustomerGatewayStore(state);
    }

    @Override
    public ConnectionStore connections() {
        return new MemoryConnectionStore(state);
    }

    @Override
    public TagStore tags() {
        return new MemoryTagStore(state);
    }

    @Override
    public NonceStore nonces() {
        return new MemoryNonceStore(state);
    }

    @Override
    public IdentityStore identities() {
        return new MemoryIdentityStore(state);
    }

    /**
     * Neutron's documents are not kept here: the services these tests cover never read them, and a
     * call that does fails rather than finding nothing.
     */
    @Override
    public OpenStackStore openStack() {
        throw new UnsupportedOperationException("MemoryStorage keeps no Neutron documents");
    }

    @Override
    public QuotaStore quotas() {
        return new MemoryQuotaStore(state);
    }

    @Override
    public DataPlaneStore dataPlane() {
        return new MemoryDataPlaneStore(state);
    }
}
