package dev.vpnd.store;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.problem.ResourceType;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

final class JdbcGatewayStore implements GatewayStore {
    static final ResourceTable.Mapping<VpnGateway> MAPPING = new ResourceTable.Mapping<>("vpn_gateways",
            ResourceType.VPN_GATEWAY,
            List.of("pending_state", "ready_at", "vpc_id", "vswitch_id", "name", "description", "bandwidth_mbps",
                    "network_type", "vpn_type", "enable_ipsec", "enable_ssl", "ssl_connections", "charge_type",
                    "internet_ip"),
            g -> {
                var values = new ArrayList<>(Rows.lifecycleValues(g.lifecycle()));
                values.addAll(Arrays.asList(g.vpcId(), g.vswitchId(), g.name(), g.description(), g.bandwidthMbps(),
                        g.networkType(), g.vpnType(), g.enableIpsec(), g.enableSsl(), g.sslConnections(),
                        g.chargeType(), g.internetIp()));
                return values;
            },
            rs -> new VpnGateway(rs.getString("id"), Rows.scope(rs), rs.getString("vpc_id"),
                    rs.getString("vswitch_id"), rs.getString("name"), rs.getString("description"),
                    rs.getInt("bandwidth_mbps"), rs.getString("network_type"), rs.getString("vpn_type"),
                    Rows.bool(rs, "enable_ipsec"), Rows.bool(rs, "enable_ssl"), rs.getInt("ssl_connections"),
                    rs.getString("charge_type"), rs.getString("internet_ip"), Rows.lifecycle(rs),
                    Rows.instant(rs, "created_at"), List.of(), rs.getLong("revision")),
            g -> new ResourceTable.Base(g.id(), g.scope(), g.revision(), g.createdAt()),
            VpnGateway::withTags);

    private final ResourceTable<VpnGateway> table;

    JdbcGatewayStore(Connection connection, SqlDialect dialect, JdbcTagStore tags) {
        this.table = new ResourceTable<>(connection, dialect, MAPPING, tags);
    }

    @Override
    public void insert(VpnGateway gateway, String clientToken) {
        table.insert(gateway, clientToken);
    }

    @Override
    public Optional<VpnGateway> find(Scope scope, String id) {
        return table.find(scope, id);
    }

    @Override
    public Optional<VpnGateway> findByClientToken(Scope scope, String clientToken) {
        return table.findByClientToken(scope, clientToken);
    }

    @Override
    public Page<VpnGateway> list(Scope scope, Filter filter, PageRequest page) {
        return table.list(Where.scope("r", scope)
                .eq("r.id", filter.gatewayId())
                .eq("r.vpc_id", filter.vpcId())
                .tags(ResourceType.VPN_GATEWAY, "r.id", filter.tags()), page);
    }

    @Override
    public long countInVpc(Scope scope, String vpcId) {
        return table.count(Where.scope("r", scope).condition("r.vpc_id = ?", vpcId));
    }

    @Override
    public boolean update(VpnGateway gateway, long expectedRevision) {
        return table.update(gateway, expectedRevision);
    }

    @Override
    public boolean delete(Scope scope, String id) {
        return table.delete(scope, id);
    }
}
