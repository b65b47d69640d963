package dev.vpnd.store;

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
import dev.vpnd.core.port.VpcStore;

/**
 * The stores of one transaction, all bound to its connection; valid only inside the work that got
 * them, on its thread. Each is made when first asked for: most transactions use one or two.
 */
final class JdbcStores implements Stores {
    private final Jdbc db;
    /** Null in a write transaction, which must neither read kept records nor keep uncommitted ones. */
    private final RecordCaches caches;
    private JdbcTagStore tags;
    private JdbcAccountStore accounts;
    private JdbcVpcStore vpcs;
    private JdbcGatewayStore gateways;
    private JdbcCustomerGatewayStore customerGateways;
    private JdbcConnectionStore connections;

    JdbcStores(Jdbc db, RecordCaches caches) {
        this.db = db;
        this.caches = caches;
    }

    /** The transaction's statements, for storage-wide upkeep ({@link SealedSecrets}). */
    Jdbc db() {
        return db;
    }

    /** The storage's cache of one record type, or null in a write transaction. */
    private <T> RecordCache<T> cache(java.util.function.Function<RecordCaches, RecordCache<T>> ofType) {
        return caches == null ? null : ofType.apply(caches);
    }

    @Override
    public AccountStore accounts() {
        if (accounts == null) {
            accounts = new JdbcAccountStore(db);
        }
        return accounts;
    }

    @Override
    public VpcStore vpcs() {
        if (vpcs == null) {
            vpcs = new JdbcVpcStore(db, tags(), cache(RecordCaches::vpcs));
        }
        return vpcs;
    }

    @Override
    public GatewayStore gateways() {
        if (gateways == null) {
            gateways = new JdbcGatewayStore(db, tags(), cache(RecordCaches::gateways));
        }
        return gateways;
    }

    @Override
    public CustomerGatewayStore customerGateways() {
        if (customerGateways == null) {
            customerGateways = new JdbcCustomerGatewayStore(db, tags(), cache(RecordCaches::customerGateways));
        }
        return customerGateways;
    }

    @Override
    public ConnectionStore connections() {
        if (connections == null) {
            connections = new JdbcConnectionStore(db, tags(), cache(RecordCaches::connections));
        }
        return connections;
    }

    @Override
    public JdbcTagStore tags() {
        if (tags == null) {
            tags = caches == null ? new JdbcTagStore(db, null, null)
                    : new JdbcTagStore(db, caches.tagTotals(), caches.tagSelectivities());
        }
        return tags;
    }

    @Override
    public IdentityStore identities() {
        return new JdbcIdentityStore(db);
    }

    @Override
    public OpenStackStore openStack() {
        return new JdbcOpenStackStore(db);
    }

    @Override
    public QuotaStore quotas() {
        return new JdbcQuotaStore(db);
    }

    @Override
    public NonceStore nonces() {
        return new JdbcNonceStore(db);
    }

    @Override
    public DataPlaneStore dataPlane() {
        return new JdbcDataPlaneStore(db);
    }
}
