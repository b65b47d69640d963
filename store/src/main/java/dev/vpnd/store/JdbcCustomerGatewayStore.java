package dev.vpnd.store;

import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.port.CustomerGatewayStore;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.problem.ResourceType;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

final class JdbcCustomerGatewayStore implements CustomerGatewayStore {
    static final ResourceTable.Mapping<CustomerGateway> MAPPING = new ResourceTable.Mapping<>("customer_gateways",
            ResourceType.CUSTOMER_GATEWAY,
            List.of("name", "description", "ip_address", "asn", "auth_key"),
            g -> Arrays.asList(g.name(), g.description(), g.ipAddress(), g.asn(), g.authKey()),
            JdbcCustomerGatewayStore::read,
            g -> new ResourceTable.Base(g.id(), g.serial(), g.scope(), g.revision(), g.createdAt()),
            CustomerGateway::withTags);

    private final JdbcTagStore tags;
    private final ResourceTable<CustomerGateway> table;

    JdbcCustomerGatewayStore(Jdbc db, JdbcTagStore tags, RecordCache<CustomerGateway> cache) {
        this.tags = tags;
        this.table = new ResourceTable<>(db, MAPPING, tags, cache);
    }

    @Override
    public void insert(CustomerGateway gateway, String clientToken) {
        table.insert(gateway, clientToken);
    }

    @Override
    public Optional<CustomerGateway> find(Scope scope, String id) {
        return table.find(scope, id);
    }

    @Override
    public Optional<CustomerGateway> findByClientToken(Scope scope, String clientToken) {
        return table.findByClientToken(scope, clientToken);
    }

    @Override
    public Optional<CustomerGateway> findByIpAddress(Scope scope, String ipAddress) {
        return table.findBy(scope, "ip_address", ipAddress);
    }

    @Override
    public long nextSerial() {
        return table.nextSerial();
    }

    @Override
    public Optional<CustomerGateway> findBySerial(Scope scope, long serial) {
        return table.findBySerial(scope, serial);
    }

    @Override
    public Page<CustomerGateway> list(Scope scope, Filter filter, PageRequest page) {
        return table.list(Where.scope("r", scope)
                .in("r.id", filter.ids())
                .in("r.serial", filter.serials())
                .in("r.name", filter.names())
                .in("r.ip_address", filter.ipAddresses())
                .tags(ResourceType.CUSTOMER_GATEWAY, "r.id",
                        tags.mostSelectiveFirst(ResourceType.CUSTOMER_GATEWAY, filter.tags())), page);
    }

    @Override
    public boolean update(CustomerGateway gateway, long expectedRevision) {
        return table.update(gateway, expectedRevision);
    }

    @Override
    public boolean delete(Scope scope, String id) {
        return table.delete(scope, id);
    }

    /** The base columns then {@link #MAPPING}'s, in order. */
    private static CustomerGateway read(Row row) throws SQLException {
        var base = ResourceTable.Base.read(row);
        String name = row.text();
        String description = row.text();
        String ipAddress = row.text();
        long asn = row.int64();
        String authKey = row.text();
        return new CustomerGateway(base.id(), base.serial(), base.scope(), name, description, ipAddress, asn, authKey,
                base.createdAt(), List.of(), base.revision());
    }
}
