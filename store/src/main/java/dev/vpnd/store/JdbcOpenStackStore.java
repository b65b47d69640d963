package dev.vpnd.store;

import dev.vpnd.core.model.OpenStackResource;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.SiteConnectionAttributes;
import dev.vpnd.core.model.VpnServiceAttributes;
import dev.vpnd.core.port.NeutronQuery;
import dev.vpnd.core.port.OpenStackStore;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Neutron documents in {@code openstack_resources}, keyed by kind and id. Documents of the kinds that
 * hold a secret ({@link OpenStackResource#SECRET_KINDS}) are sealed whole: the store does not read
 * into them, and nothing queries their fields in SQL. VPN services and site connections are the
 * canonical gateways and connections joined with their Neutron attributes
 * ({@code openstack_vpn_services}, V17; {@code openstack_site_connections}, V16).
 */
final class JdbcOpenStackStore implements OpenStackStore {
    /** Read in this order by {@link #resource}. */
    private static final String COLUMNS = "kind, id, account_id, attributes, seen_by_everyone";
    /**
     * What a project's member sees, in two index searches: the project's own documents
     * (openstack_resources_by_project), then the others' that everyone sees (the partial index of
     * V14). The rows of other projects' private documents are never read.
     */
    static final String LIST_VISIBLE = "SELECT " + COLUMNS + " FROM openstack_resources "
            + "WHERE account_id = ? AND kind = ? UNION ALL SELECT " + COLUMNS + " FROM openstack_resources "
            + "WHERE kind = ? AND seen_by_everyone = 1 AND account_id <> ? ORDER BY id";

    private static final String PUT_ATTRIBUTES = "INSERT INTO openstack_site_connections (connection_id, "
            + String.join(", ", NeutronRecords.CONNECTION_ATTRIBUTES) + ") VALUES "
            + Jdbc.placeholders(NeutronRecords.CONNECTION_ATTRIBUTES.size() + 1) + " ON CONFLICT (connection_id) "
            + "DO UPDATE SET " + String.join(", ", NeutronRecords.CONNECTION_ATTRIBUTES.stream()
                    .map(c -> c + " = excluded." + c).toList());

    private static final String PUT_SERVICE = "INSERT INTO openstack_vpn_services (gateway_id, subnet_id, "
            + "flavor_id, external_v6_ip, admin_state_up) VALUES (?, ?, ?, ?, ?) ON CONFLICT (gateway_id) DO UPDATE "
            + "SET subnet_id = excluded.subnet_id, flavor_id = excluded.flavor_id, "
            + "external_v6_ip = excluded.external_v6_ip, admin_state_up = excluded.admin_state_up";

    private final Jdbc db;
    private final NeutronRecords records;

    JdbcOpenStackStore(Jdbc db) {
        this.db = db;
        this.records = new NeutronRecords(db);
    }

    @Override
    public void insert(OpenStackResource resource) {
        db.update("INSERT INTO openstack_resources (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                List.of(resource.kind(), resource.id(), resource.projectId(), stored(resource),
                        resource.seenByEveryone()));
    }

    @Override
    public Optional<OpenStackResource> find(String kind, String id) {
        return db.queryOne("SELECT " + COLUMNS + " FROM openstack_resources WHERE kind = ? AND id = ?",
                List.of(kind, id), this::resource);
    }

    @Override
    public List<OpenStackResource> list(String kind) {
        return db.query("SELECT " + COLUMNS + " FROM openstack_resources WHERE kind = ? ORDER BY id",
                List.of(kind), this::resource);
    }

    @Override
    public List<OpenStackResource> listVisible(String kind, String projectId) {
        return db.query(LIST_VISIBLE, List.of(projectId, kind, kind, projectId), this::resource);
    }

    @Override
    public long count(String kind, String projectId) {
        return db.count("SELECT COUNT(*) FROM openstack_resources WHERE account_id = ? AND kind = ?",
                List.of(projectId, kind));
    }

    @Override
    public boolean update(OpenStackResource resource) {
        return db.update("UPDATE openstack_resources SET attributes = ?, seen_by_everyone = ? "
                + "WHERE kind = ? AND id = ?",
                List.of(stored(resource), resource.seenByEveryone(), resource.kind(), resource.id())) == 1;
    }

    @Override
    public boolean delete(String kind, String id) {
        return db.update("DELETE FROM openstack_resources WHERE kind = ? AND id = ?", List.of(kind, id)) == 1;
    }

    @Override
    public List<SiteConnection> siteConnections(NeutronQuery<SiteConnectionField> query) {
        return records.siteConnections(query);
    }

    @Override
    public long countConnections(Scope scope) {
        return db.count("SELECT COUNT(*) FROM vpn_connections WHERE account_id = ? AND region = ?",
                List.of(scope.accountId(), scope.region()));
    }

    @Override
    public void putSiteConnectionAttributes(SiteConnectionAttributes a) {
        db.update(PUT_ATTRIBUTES, Arrays.asList(a.connectionId(), a.description(), a.peerAddress(), a.peerIp(), a.mtu(),
                a.dpdIntervalSeconds(), a.ikePolicyId(), a.ipsecPolicyId(), a.localEndpointGroupId(),
                a.peerEndpointGroupId(), a.adminStateUp()));
    }

    /** One index search per column named (V16's indexes). */
    @Override
    public boolean siteConnectionUses(Reference reference, String id) {
        var columns = switch (reference) {
            case IKE_POLICY -> List.of("ikepolicy_id");
            case IPSEC_POLICY -> List.of("ipsecpolicy_id");
            case ENDPOINT_GROUP -> List.of("local_ep_group_id", "peer_ep_group_id");
        };
        for (String column : columns) {
            if (db.queryOne("SELECT 1 FROM openstack_site_connections WHERE " + column + " = ?", List.of(id),
                    Row::int64).isPresent()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<VpnService> vpnServices(NeutronQuery<VpnServiceField> query) {
        return records.vpnServices(query);
    }

    @Override
    public long countGateways(Scope scope) {
        return db.count("SELECT COUNT(*) FROM vpn_gateways WHERE account_id = ? AND region = ?",
                List.of(scope.accountId(), scope.region()));
    }

    @Override
    public void putVpnServiceAttributes(VpnServiceAttributes a) {
        db.update(PUT_SERVICE, Arrays.asList(a.gatewayId(), a.subnetId(), a.flavorId(), a.externalV6Ip(),
                a.adminStateUp()));
    }

    /** The router's gateways, whoever's, from vpn_gateways_by_vpc_id, each joined to its attributes by primary key. */
    @Override
    public Optional<String> vpnServiceOf(String routerId, String subnetId) {
        var where = new Where().eq("r.vpc_id", routerId).eq("n.subnet_id", subnetId);
        return db.queryOne("SELECT r.id FROM vpn_gateways r LEFT JOIN openstack_vpn_services n ON n.gateway_id = r.id"
                + where.sql() + " ORDER BY r.id LIMIT 1", where.params(), Row::text);
    }

    private static SecretSlot attributesSlot(String kind, String id) {
        return SecretSlot.of("openstack_resources", "attributes", kind, id);
    }

    private String stored(OpenStackResource resource) {
        return resource.holdsSecret()
                ? db.cipher().seal(resource.attributes(), attributesSlot(resource.kind(), resource.id()))
                : resource.attributes();
    }

    /** The documents of the kinds that hold a secret are sealed; those of the others are JSON as they are. */
    private OpenStackResource resource(Row row) throws SQLException {
        String kind = row.text();
        String id = row.text();
        String projectId = row.text();
        String attributes;
        if (OpenStackResource.SECRET_KINDS.contains(kind)) {
            var document = row.secret(attributesSlot(kind, id));
            attributes = document == null ? null : document.value();
        } else {
            attributes = row.text();
        }
        return new OpenStackResource(kind, id, projectId, attributes, row.bool());
    }
}
