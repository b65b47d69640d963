package dev.vpnd.store;

import dev.vpnd.core.model.ChargeType;
import dev.vpnd.core.model.NetworkType;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnType;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.problem.ResourceType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

final class JdbcGatewayStore implements GatewayStore {
    static final ResourceTable.Mapping<VpnGateway> MAPPING = new ResourceTable.Mapping<>("vpn_gateways",
            ResourceType.VPN_GATEWAY,
            List.of("pending_state", "ready_at", "vpc_id", "vswitch_id", "name", "description", "bandwidth_mbps",
                    "network_type", "vpn_type", "enable_ipsec", "enable_ssl", "ssl_connections", "charge_type",
                    "internet_ip", "zone_name", "asn"),
            g -> {
                var values = new ArrayList<>(Rows.lifecycleValues(g.lifecycle()));
                values.addAll(Arrays.asList(g.vpcId(), g.vswitchId(), g.name(), g.description(), g.bandwidthMbps(),
                        g.networkType(), g.vpnType(), g.enableIpsec(), g.enableSsl(), g.sslConnections(),
                        g.chargeType(), g.internetIp(), g.zone(), g.asn()));
                return values;
            },
            JdbcGatewayStore::read,
            g -> new ResourceTable.Base(g.id(), g.serial(), g.scope(), g.revision(), g.createdAt()),
            VpnGateway::withTags);

    private final Jdbc db;
    private final JdbcTagStore tags;
    private final ResourceTable<VpnGateway> table;

    JdbcGatewayStore(Jdbc db, JdbcTagStore tags, RecordCache<VpnGateway> cache) {
        this.db = db;
        this.tags = tags;
        this.table = new ResourceTable<>(db, MAPPING, tags, cache);
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
    public long nextSerial() {
        return table.nextSerial();
    }

    @Override
    public Optional<VpnGateway> findBySerial(Scope scope, long serial) {
        return table.findBySerial(scope, serial);
    }

    @Override
    public Page<VpnGateway> list(Scope scope, Filter filter, PageRequest page) {
        return table.list(Where.scope("r", scope)
                .in("r.id", filter.ids())
                .in("r.serial", filter.serials())
                .in("r.vpc_id", filter.vpcIds())
                .in("r.name", filter.names())
                .in("r.internet_ip", filter.internetIps())
                .in("r.zone_name", filter.zones())
                .in("r.enable_ssl", filter.ssl())
                .tags(ResourceType.VPN_GATEWAY, "r.id",
                        tags.mostSelectiveFirst(ResourceType.VPN_GATEWAY, filter.tags())), page);
    }

    @Override
    public long countInVpc(Scope scope, String vpcId) {
        return table.count(Where.scope("r", scope).condition("r.vpc_id = ?", vpcId));
    }

    @Override
    public boolean update(VpnGateway gateway, long expectedRevision) {
        return table.update(gateway, expectedRevision);
    }

    /**
     * The Neutron attributes go with the row (ON DELETE CASCADE; deleted here too, so nothing relies
     * on the pragma).
     */
    @Override
    public boolean delete(Scope scope, String id) {
        db.update("DELETE FROM openstack_vpn_services WHERE gateway_id IN (SELECT id FROM vpn_gateways "
                + "WHERE id = ? AND account_id = ? AND region = ?)", List.of(id, scope.accountId(), scope.region()));
        return table.delete(scope, id);
    }

    /** The base columns then {@link #MAPPING}'s, in order. */
    private static VpnGateway read(Row row) throws SQLException {
        var base = ResourceTable.Base.read(row);
        var lifecycle = row.lifecycle();
        String vpcId = row.text();
        String vswitchId = row.text();
        String name = row.text();
        String description = row.text();
        int bandwidthMbps = row.int32();
        var networkType = row.enumOf(NetworkType.class);
        var vpnType = row.enumOf(VpnType.class);
        boolean enableIpsec = row.bool();
        boolean enableSsl = row.bool();
        int sslConnections = row.int32();
        var chargeType = row.enumOf(ChargeType.class);
        String internetIp = row.text();
        String zone = row.text();
        long asn = row.int64();
        return new VpnGateway(base.id(), base.serial(), base.scope(), vpcId, vswitchId, name, description,
                bandwidthMbps, networkType, vpnType, enableIpsec, enableSsl, sslConnections, chargeType, internetIp,
                zone, asn, lifecycle, base.createdAt(), List.of(), base.revision());
    }
}
