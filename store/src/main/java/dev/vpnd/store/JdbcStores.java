package dev.vpnd.store;

import dev.vpnd.core.port.AccountStore;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.CustomerGatewayStore;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.NonceStore;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.port.TagStore;
import dev.vpnd.core.port.VpcStore;
import java.sql.Connection;

/** The stores of one transaction, all bound to its connection; valid only inside the work that got them. */
final class JdbcStores implements Stores {
    private final JdbcAccountStore accounts;
    private final JdbcVpcStore vpcs;
    private final JdbcGatewayStore gateways;
    private final JdbcCustomerGatewayStore customerGateways;
    private final JdbcConnectionStore connections;
    private final JdbcTagStore tags;
    private final Connection connection;
    private final SqlDialect dialect;

    JdbcStores(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
        this.tags = new JdbcTagStore(connection, dialect);
        this.accounts = new JdbcAccountStore(connection, dialect);
        this.vpcs = new JdbcVpcStore(connection, dialect, tags);
        this.gateways = new JdbcGatewayStore(connection, dialect, tags);
        this.customerGateways = new JdbcCustomerGatewayStore(connection, dialect, tags);
        this.connections = new JdbcConnectionStore(connection, dialect, tags);
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public VpcStore vpcs() {
        return vpcs;
    }

    @Override
    public GatewayStore gateways() {
        return gateways;
    }

    @Override
    public CustomerGatewayStore customerGateways() {
        return customerGateways;
    }

    @Override
    public ConnectionStore connections() {
        return connections;
    }

    @Override
    public TagStore tags() {
        return tags;
    }

    @Override
    public NonceStore nonces() {
        return new JdbcNonceStore(connection, dialect);
    }
}
