package dev.vpnd.store;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.ResourceType;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class JdbcVpcStore implements VpcStore {
    static final ResourceTable.Mapping<Vpc> MAPPING = new ResourceTable.Mapping<>("vpcs", ResourceType.VPC,
            List.of("pending_state", "ready_at", "name", "description", "cidr_block"),
            v -> {
                var values = new ArrayList<>(Rows.lifecycleValues(v.lifecycle()));
                values.addAll(java.util.Arrays.asList(v.name(), v.description(), v.cidrBlock()));
                return values;
            },
            rs -> new Vpc(rs.getString("id"), Rows.scope(rs), rs.getString("name"), rs.getString("description"),
                    rs.getString("cidr_block"), Rows.lifecycle(rs), Rows.instant(rs, "created_at"), List.of(),
                    rs.getLong("revision")),
            v -> new ResourceTable.Base(v.id(), v.scope(), v.revision(), v.createdAt()),
            Vpc::withTags);

    private final ResourceTable<Vpc> table;

    JdbcVpcStore(Connection connection, SqlDialect dialect, JdbcTagStore tags) {
        this.table = new ResourceTable<>(connection, dialect, MAPPING, tags);
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
    public Page<Vpc> list(Scope scope, Filter filter, PageRequest page) {
        return table.list(Where.scope("r", scope)
                .eq("r.id", filter.vpcId())
                .eq("r.name", filter.name())
                .tags(ResourceType.VPC, "r.id", filter.tags()), page);
    }

    @Override
    public boolean delete(Scope scope, String id) {
        return table.delete(scope, id);
    }
}
