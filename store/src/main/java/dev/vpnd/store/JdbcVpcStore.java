package dev.vpnd.store;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.ResourceType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class JdbcVpcStore implements VpcStore {
    static final ResourceTable.Mapping<Vpc> MAPPING = new ResourceTable.Mapping<>("vpcs", ResourceType.VPC,
            List.of("pending_state", "ready_at", "name", "description", "cidr_block", "enable_multicast",
                    "dns_servers", "domain_name"),
            v -> {
                var values = new ArrayList<>(Rows.lifecycleValues(v.lifecycle()));
                values.addAll(java.util.Arrays.asList(v.name(), v.description(), v.cidrBlock(), v.enableMulticast(),
                        Rows.joinList(v.dnsServers()), v.domainName()));
                return values;
            },
            JdbcVpcStore::read,
            v -> new ResourceTable.Base(v.id(), v.serial(), v.scope(), v.revision(), v.createdAt()),
            Vpc::withTags);

    private final JdbcTagStore tags;
    private final ResourceTable<Vpc> table;

    JdbcVpcStore(Jdbc db, JdbcTagStore tags, RecordCache<Vpc> cache) {
        this.tags = tags;
        this.table = new ResourceTable<>(db, MAPPING, tags, cache);
    }

    @Override
    public void insert(Vpc vpc, String clientToken) {
        table.insert(vpc, clientToken);
    }

    @Override
    public Optional<Vpc> find(Scope scope, String id) {
        return table.find(scope, id);
    }

    @Override
    public Optional<Vpc> findByClientToken(Scope scope, String clientToken) {
        return table.findByClientToken(scope, clientToken);
    }

    @Override
    public long nextSerial() {
        return table.nextSerial();
    }

    @Override
    public Optional<Vpc> findBySerial(Scope scope, long serial) {
        return table.findBySerial(scope, serial);
    }

    @Override
    public Page<Vpc> list(Scope scope, Filter filter, PageRequest page) {
        return table.list(Where.scope("r", scope)
                .in("r.id", filter.ids())
                .in("r.serial", filter.serials())
                .in("r.name", filter.names())
                .in("r.cidr_block", filter.cidrBlocks())
                .tags(ResourceType.VPC, "r.id", tags.mostSelectiveFirst(ResourceType.VPC, filter.tags())), page);
    }

    @Override
    public boolean delete(Scope scope, String id) {
        return table.delete(scope, id);
    }

    /** The base columns then {@link #MAPPING}'s, in order. */
    private static Vpc read(Row row) throws SQLException {
        var base = ResourceTable.Base.read(row);
        var lifecycle = row.lifecycle();
        String name = row.text();
        String description = row.text();
        String cidrBlock = row.text();
        boolean enableMulticast = row.bool();
        var dnsServers = row.list();
        String domainName = row.text();
        return new Vpc(base.id(), base.serial(), base.scope(), name, description, cidrBlock, enableMulticast,
                dnsServers, domainName, lifecycle, base.createdAt(), List.of(), base.revision());
    }
}
