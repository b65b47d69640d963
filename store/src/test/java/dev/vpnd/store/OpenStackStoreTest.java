package dev.vpnd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.OpenStackResource;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.SiteConnectionAttributes;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnServiceAttributes;
import dev.vpnd.core.port.NeutronQuery;
import dev.vpnd.core.port.OpenStackStore;
import dev.vpnd.core.port.OpenStackStore.Reference;
import dev.vpnd.core.port.OpenStackStore.SiteConnectionField;
import dev.vpnd.core.port.OpenStackStore.VpnServiceField;
import dev.vpnd.core.port.Stores;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenStackStoreTest extends StoreTestBase {

    private void insert(OpenStackResource... resources) {
        storage.write((Stores s) -> {
            for (OpenStackResource r : resources) {
                if (s.accounts().find(r.projectId()).isEmpty()) {
                    s.accounts().insert(new Account(r.projectId(), r.projectId(), Instant.EPOCH));
                }
                s.openStack().insert(r);
            }
            return null;
        });
    }

    private List<OpenStackStore.SiteConnection> connections(String account, Scope region) {
        return storage.read((Stores s) -> s.openStack().siteConnections(NeutronQuery.all(account, region.region(),
                Instant.now())));
    }

    private List<OpenStackStore.SiteConnection> connection(String account, String id) {
        return storage.read((Stores s) -> s.openStack().siteConnections(NeutronQuery.one(account,
                Fixtures.SCOPE.region(), SiteConnectionField.ID, id, Instant.now())));
    }

    private List<OpenStackStore.VpnService> services(String account, Scope region) {
        return storage.read((Stores s) -> s.openStack().vpnServices(NeutronQuery.all(account, region.region(),
                Instant.now())));
    }

    private List<OpenStackStore.VpnService> service(String account, String id) {
        return storage.read((Stores s) -> s.openStack().vpnServices(NeutronQuery.one(account, Fixtures.SCOPE.region(),
                VpnServiceField.ID, id, Instant.now())));
    }

    @Test
    void documentsByKindInIdOrder() {
        var b = new OpenStackResource("ikepolicies", "b", "p1", "{\"name\": \"b\"}", false);
        var a = new OpenStackResource("ikepolicies", "a", "p1", "{\"name\": \"a\"}", false);
        var other = new OpenStackResource("networks", "a", "p1", "{}", true);
        insert(b, a, other);
        assertThat(storage.read((Stores s) -> s.openStack().list("ikepolicies"))).containsExactly(a, b);
        assertThat(storage.read((Stores s) -> s.openStack().find("networks", "a"))).contains(other);
        var renamed = new OpenStackResource("ikepolicies", "a", "p1", "{\"name\": \"z\"}", false);
        assertThat((boolean) storage.write((Stores s) -> s.openStack().update(renamed))).isTrue();
        assertThat(storage.read((Stores s) -> s.openStack().find("ikepolicies", "a"))).contains(renamed);
        var unshared = new OpenStackResource("networks", "a", "p1", "{}", false);
        assertThat((boolean) storage.write((Stores s) -> s.openStack().update(unshared))).isTrue();
        assertThat(storage.read((Stores s) -> s.openStack().find("networks", "a"))).contains(unshared);
        assertThat((boolean) storage.write((Stores s) -> s.openStack().delete("ikepolicies", "a"))).isTrue();
        assertThat((boolean) storage.write((Stores s) -> s.openStack().delete("ikepolicies", "a"))).isFalse();
        assertThat(storage.read((Stores s) -> s.openStack().find("ikepolicies", "a"))).isEmpty();
    }

    /**
     * A project's list holds its own documents and the ones everyone sees (its own shared ones once),
     * in id order; another project's private documents, however many, are not in it.
     */
    @Test
    void aProjectListsItsOwnAndWhatEveryoneSees() {
        var others = new ArrayList<OpenStackResource>();
        for (int i = 0; i < 2_000; i++) {
            others.add(new OpenStackResource("networks", String.format("o%04d", i), "other", "{}", false));
        }
        insert(others.toArray(OpenStackResource[]::new));
        var sharedByOther = new OpenStackResource("networks", "m-shared", "other", "{\"shared\":true}", true);
        var mine = new OpenStackResource("networks", "c-mine", "mine", "{}", false);
        var mineShared = new OpenStackResource("networks", "a-mine-shared", "mine", "{\"shared\":true}", true);
        var myPolicy = new OpenStackResource("ikepolicies", "b-policy", "mine", "{}", false);
        insert(sharedByOther, mine, mineShared, myPolicy);

        assertThat(storage.read((Stores s) -> s.openStack().listVisible("networks", "mine")))
                .containsExactly(mineShared, mine, sharedByOther);
        assertThat(storage.read((Stores s) -> s.openStack().listVisible("ikepolicies", "mine")))
                .containsExactly(myPolicy);
        assertThat(storage.read((Stores s) -> s.openStack().listVisible("ikepolicies", "other"))).isEmpty();
        assertThat(storage.read((Stores s) -> s.openStack().listVisible("networks", "nobody")))
                .containsExactly(mineShared, sharedByOther);
        assertThat(storage.read((Stores s) -> s.openStack().count("networks", "other"))).isEqualTo(2_001);
        assertThat(storage.read((Stores s) -> s.openStack().count("networks", "mine"))).isEqualTo(2);
        assertThat(storage.read((Stores s) -> s.openStack().count("ikepolicies", "other"))).isZero();
    }

    /**
     * The visible list searches two indexes and never scans the table: the cost of another project's
     * documents is not paid by a caller who cannot see them.
     */
    @Test
    void theVisibleListSearchesIndexesOnly() throws Exception {
        assumeFalse(TestDatabase.postgres(), "SQLite's query plan");
        insert(new OpenStackResource("networks", "n", "p1", "{}", false));
        var plan = new ArrayList<String>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
                var statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + JdbcOpenStackStore.LIST_VISIBLE)) {
            for (int i = 1; i <= 4; i++) {
                statement.setString(i, i == 2 || i == 3 ? "networks" : "p1");
            }
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.add(rows.getString("detail"));
                }
            }
        }
        // Neither a scan nor a walk of the kind's primary-key range, which holds every project's documents.
        assertThat(plan).noneMatch(step -> step.startsWith("SCAN openstack_resources"));
        assertThat(plan).noneMatch(step -> step.contains("sqlite_autoindex_openstack_resources"));
        assertThat(plan).anyMatch(step -> step.contains("USING INDEX openstack_resources_by_project"));
        assertThat(plan).anyMatch(step -> step.contains("USING INDEX openstack_resources_seen_by_everyone"));
    }

    /**
     * Site connections are the account's connections of one region, in id order, with their
     * peer's address (a dual-tunnel connection's master tunnel's) and their Neutron attributes,
     * which a later put replaces and which go with their connection.
     */
    @Test
    void siteConnectionsAreTheRegionsConnectionsWithTheirAttributes() {
        var peer = Fixtures.customerGateway(Fixtures.SCOPE, "203.0.113.1");
        var elsewhere = Fixtures.customerGateway(Fixtures.OTHER_REGION, "203.0.113.2");
        var master = Fixtures.customerGateway(Fixtures.SCOPE, "203.0.113.3");
        var slave = Fixtures.customerGateway(Fixtures.SCOPE, "203.0.113.4");
        var others = Fixtures.customerGateway(Fixtures.OTHER_ACCOUNT, "203.0.113.5");
        var own = Fixtures.connection(Fixtures.SCOPE, "gw-1", peer.id());
        var otherRegion = Fixtures.connection(Fixtures.OTHER_REGION, "gw-2", elsewhere.id());
        var dual = Fixtures.dualTunnel(Fixtures.SCOPE, "gw-1", master.id(), slave.id());
        var otherAccount = Fixtures.connection(Fixtures.OTHER_ACCOUNT, "gw-3", others.id());
        var attributes = new SiteConnectionAttributes(own.id(), "mine", "peer.example", "203.0.113.1", 1400, 10,
                "ike-1", "ipsec-1", "local-group", "peer-group", false);
        storage.write((Stores s) -> {
            for (var gateway : List.of(peer, elsewhere, master, slave, others)) {
                s.customerGateways().insert(gateway, "");
            }
            for (var connection : List.of(own, otherRegion, dual, otherAccount)) {
                s.connections().insert(connection, "");
            }
            s.openStack().putSiteConnectionAttributes(attributes);
            return null;
        });

        var listed = connections("acct-1", Fixtures.SCOPE);
        assertThat(listed).extracting(c -> c.connection().id())
                .containsExactlyElementsOf(List.of(own.id(), dual.id()).stream().sorted().toList());
        var byId = listed.stream().collect(java.util.stream.Collectors.toMap(c -> c.connection().id(), c -> c));
        assertThat(byId.get(own.id()).peerIp()).isEqualTo("203.0.113.1");
        assertThat(byId.get(own.id()).attributes()).contains(attributes);
        assertThat(byId.get(own.id()).connection().ike().psk().value()).isEqualTo("psk-main");
        assertThat(connections("acct-1", Fixtures.OTHER_REGION)).singleElement().satisfies(c -> {
            assertThat(c.connection().id()).isEqualTo(otherRegion.id());
            assertThat(c.peerIp()).isEqualTo("203.0.113.2");
            assertThat(c.attributes()).isEmpty();
        });
        assertThat(byId.get(dual.id()).peerIp()).isEqualTo("203.0.113.3");
        assertThat(byId.get(dual.id()).connection().tunnels()).extracting(t -> t.customerGatewayId())
                .containsExactly(master.id(), slave.id());
        assertThat(connection(null, otherAccount.id()))
                .singleElement().satisfies(c -> assertThat(c.connection().scope()).isEqualTo(Fixtures.OTHER_ACCOUNT));
        assertThat(connection("acct-1", otherAccount.id())).isEmpty();
        assertThat(storage.read((Stores s) -> s.openStack().countConnections(Fixtures.SCOPE))).isEqualTo(2);
        assertThat(storage.read((Stores s) -> s.openStack().countConnections(Fixtures.OTHER_REGION))).isEqualTo(1);

        assertThat(storage.read((Stores s) -> s.openStack().siteConnectionUses(Reference.IKE_POLICY, "ike-1")))
                .isTrue();
        assertThat(storage.read((Stores s) -> s.openStack().siteConnectionUses(Reference.IPSEC_POLICY, "ike-1")))
                .isFalse();
        assertThat(storage.read((Stores s) -> s.openStack().siteConnectionUses(Reference.ENDPOINT_GROUP,
                "peer-group"))).isTrue();
        var changed = new SiteConnectionAttributes(own.id(), "changed", "203.0.113.1", "203.0.113.1", 1500, 30,
                "ike-2", "ipsec-1", null, null, true);
        storage.write((Stores s) -> {
            s.openStack().putSiteConnectionAttributes(changed);
            return null;
        });
        assertThat(connection(null, own.id()).getFirst().attributes())
                .contains(changed);
        assertThat(storage.read((Stores s) -> s.openStack().siteConnectionUses(Reference.ENDPOINT_GROUP,
                "peer-group"))).isFalse();

        storage.write((Stores s) -> s.connections().delete(Fixtures.SCOPE, own.id()));
        assertThat(storage.read((Stores s) -> s.openStack().siteConnectionUses(Reference.IKE_POLICY, "ike-2")))
                .as("the attributes went with their connection").isFalse();
    }

    /** A connection of the fixtures renamed, in {@code scope}, provisioning until {@code readyAt}. */
    private static VpnConnection named(Scope scope, String name, String customerGatewayId, Instant readyAt) {
        var c = Fixtures.connection(scope, "gw-1", customerGatewayId);
        return new VpnConnection(c.id(), c.serial(), scope, c.vpcId(), c.gatewayId(), customerGatewayId, name,
                c.securityPolicies(), c.initiation(), c.enableDpd(), c.dpdTimeoutSeconds(), c.dpdAction(),
                c.enableNatTraversal(), c.autoConfigRoute(), c.routeType(), c.ike(), c.ipsec(), c.bgp(),
                c.healthCheck(), c.remoteCaCertificate(), c.enableTunnelsBgp(), c.tunnels(), c.status(),
                new Lifecycle(ResourceState.PROVISIONING, readyAt), c.createdAt(), c.tags(), c.revision());
    }

    /**
     * A list query filters on the values Neutron shows (defaults and the peer included), sorts by
     * code point then id, and pages from a marker either way, all in its one SQL query.
     */
    @Test
    void siteConnectionListsFilterSortAndPageInTheQuery() {
        var peer = Fixtures.customerGateway(Fixtures.SCOPE, "203.0.113.9");
        Instant now = Fixtures.NOW;
        var b = named(Fixtures.SCOPE, "b", peer.id(), now.minusSeconds(1));
        var a1 = named(Fixtures.SCOPE, "a", peer.id(), now.plusSeconds(60));
        var c = named(Fixtures.SCOPE, "c", peer.id(), now.minusSeconds(1));
        var elsewhere = named(Fixtures.OTHER_REGION, "a", peer.id(), now.minusSeconds(1));
        var a2 = named(Fixtures.SCOPE, "a", peer.id(), now.minusSeconds(1));
        var upper = named(Fixtures.SCOPE, "Z", peer.id(), now.minusSeconds(1));
        var others = named(Fixtures.OTHER_ACCOUNT, "a", peer.id(), now.minusSeconds(1));
        storage.write((Stores s) -> {
            s.customerGateways().insert(peer, "");
            for (var connection : List.of(b, a1, c, a2, upper, others, elsewhere)) {
                s.connections().insert(connection, "");
            }
            s.openStack().putSiteConnectionAttributes(new SiteConnectionAttributes(b.id(), "", "vpn.example",
                    "203.0.113.9", 1400, 30, "ike", "ipsec", null, null, true));
            s.openStack().putSiteConnectionAttributes(new SiteConnectionAttributes(c.id(), "", "old.example",
                    "198.51.100.1", 1500, 30, "ike", "ipsec", null, null, false));
            return null;
        });
        String first = a1.id().compareTo(a2.id()) < 0 ? a1.id() : a2.id();
        String second = first.equals(a1.id()) ? a2.id() : a1.id();
        var byName = List.of(new NeutronQuery.Order<>(SiteConnectionField.NAME, false));

        assertThat(ids(query(List.of(), byName, null, false, 0, now))).as("by code point: Z before a")
                .containsExactly(upper.id(), first, second, b.id(), c.id());
        assertThat(ids(query(List.of(), List.of(new NeutronQuery.Order<>(SiteConnectionField.NAME, true)), null,
                false, 0, now))).containsExactly(c.id(), b.id(), first, second, upper.id());
        assertThat(ids(query(List.of(), byName, null, false, 2, now))).containsExactly(upper.id(), first);
        assertThat(ids(query(List.of(), byName, first, false, 2, now))).containsExactly(second, b.id());
        assertThat(ids(query(List.of(), byName, b.id(), true, 2, now))).containsExactly(first, second);
        assertThat(ids(query(List.of(), byName, null, true, 2, now))).containsExactly(b.id(), c.id());
        assertThat(ids(query(List.of(), byName, others.id(), false, 2, now)))
                .as("a marker outside the list").isEmpty();

        assertThat(ids(query(List.of(condition(SiteConnectionField.MTU, 1500L)), byName, null, false, 0, now)))
                .as("the default of a connection without attributes").containsExactly(upper.id(), first, second,
                        c.id());
        assertThat(ids(query(List.of(condition(SiteConnectionField.ADMIN_STATE_UP, false)), byName, null, false, 0,
                now))).containsExactly(c.id());
        assertThat(ids(query(List.of(condition(SiteConnectionField.STATE, ResourceState.PROVISIONING)), byName,
                null, false, 0, now))).containsExactly(a1.id());
        assertThat(ids(query(List.of(condition(SiteConnectionField.STATE, ResourceState.ACTIVE)), byName, null,
                false, 0, now.plusSeconds(120)))).hasSize(5);
        assertThat(ids(query(List.of(condition(SiteConnectionField.PEER_ADDRESS, "vpn.example", "203.0.113.9")),
                byName, null, false, 0, now))).as("written while it resolves to the peer, else the peer's address")
                .containsExactly(upper.id(), first, second, b.id(), c.id());
        assertThat(ids(query(List.of(condition(SiteConnectionField.PEER_ADDRESS, "old.example")), byName, null,
                false, 0, now))).isEmpty();
        assertThat(ids(query(List.of(condition(SiteConnectionField.PEER_ID, "remote")), byName, null, false, 0, now)))
                .hasSize(5);
        assertThat(ids(query(List.of(new NeutronQuery.Condition<>(SiteConnectionField.NAME, Set.of())), byName, null,
                false, 0, now))).as("a condition with no values").isEmpty();
        assertThat(ids(query(List.of(condition(SiteConnectionField.NAME, "a", "c"),
                condition(SiteConnectionField.IKE_POLICY, "ike")), byName, null, false, 0, now)))
                .containsExactly(c.id());
    }

    private static NeutronQuery.Condition<SiteConnectionField> condition(SiteConnectionField field, Object... values) {
        return new NeutronQuery.Condition<>(field, Set.of(values));
    }

    private List<OpenStackStore.SiteConnection> query(List<NeutronQuery.Condition<SiteConnectionField>> conditions,
            List<NeutronQuery.Order<SiteConnectionField>> order, String marker, boolean reverse, int limit,
            Instant now) {
        return storage.read((Stores s) -> s.openStack().siteConnections(new NeutronQuery<>("acct-1",
                Fixtures.SCOPE.region(), conditions, order, marker, reverse, limit, now)));
    }

    private static List<String> ids(List<OpenStackStore.SiteConnection> connections) {
        return connections.stream().map(c -> c.connection().id()).toList();
    }

    /**
     * VPN services are the account's gateways of one region with their Neutron attributes; a
     * router's service is found by its VPC, whoever's, on a subnet when one is named; the
     * attributes go with their gateway.
     */
    @Test
    void vpnServicesAreTheRegionsGatewaysWithTheirAttributes() {
        var own = Fixtures.gateway(Fixtures.SCOPE, "router-1");
        var otherRegion = Fixtures.gateway(Fixtures.OTHER_REGION, "vpc-2");
        var otherAccount = Fixtures.gateway(Fixtures.OTHER_ACCOUNT, "router-1");
        var attributes = new VpnServiceAttributes(own.id(), "subnet-1", null, "2001:db8::1", false);
        storage.write((Stores s) -> {
            for (var gateway : List.of(own, otherRegion, otherAccount)) {
                s.gateways().insert(gateway, "");
            }
            s.openStack().putVpnServiceAttributes(attributes);
            return null;
        });

        assertThat(services("acct-1", Fixtures.SCOPE)).singleElement().satisfies(v -> {
            assertThat(v.gateway().id()).isEqualTo(own.id());
            assertThat(v.attributes()).contains(attributes);
        });
        assertThat(services("acct-1", Fixtures.OTHER_REGION)).singleElement().satisfies(v -> {
            assertThat(v.gateway().id()).isEqualTo(otherRegion.id());
            assertThat(v.attributes()).isEmpty();
        });
        assertThat(service(null, otherAccount.id())).hasSize(1);
        assertThat(service("acct-1", otherRegion.id())).as("another region's gateway").isEmpty();
        assertThat(storage.read((Stores s) -> s.openStack().countGateways(Fixtures.SCOPE))).isEqualTo(1);
        assertThat(storage.read((Stores s) -> s.openStack().countGateways(Fixtures.OTHER_REGION))).isEqualTo(1);

        String first = own.id().compareTo(otherAccount.id()) < 0 ? own.id() : otherAccount.id();
        assertThat(storage.read((Stores s) -> s.openStack().vpnServiceOf("router-1", null))).contains(first);
        assertThat(storage.read((Stores s) -> s.openStack().vpnServiceOf("router-1", "subnet-1"))).contains(own.id());
        assertThat(storage.read((Stores s) -> s.openStack().vpnServiceOf("router-1", "subnet-2"))).isEmpty();
        assertThat(storage.read((Stores s) -> s.openStack().vpnServiceOf("router-9", null))).isEmpty();

        storage.write((Stores s) -> s.gateways().delete(Fixtures.SCOPE, own.id()));
        assertThat(storage.read((Stores s) -> s.openStack().vpnServiceOf("router-1", "subnet-1")))
                .as("the attributes went with their gateway").isEmpty();
        storage.write((Stores s) -> {
            s.gateways().insert(new VpnGateway(own.id(), own.serial(), own.scope(), "router-1", "", "again", "", 0,
                    own.networkType(), own.vpnType(), true, false, 0, own.chargeType(), "", "", 0, own.lifecycle(),
                    own.createdAt(), List.of(), 1), "");
            return null;
        });
        assertThat(service(null, own.id()).getFirst().attributes())
                .as("a gateway made again under the same id has none").isEmpty();
    }

    /**
     * Documents stored before the mark existed get it from their attributes (V14); a subnet from its
     * network as it is now, whatever the subnet's own stale mark says.
     */
    @Test
    void theMigrationMarksSharedAndExternalNetworksAndTheirSubnets() throws Exception {
        assumeFalse(TestDatabase.postgres(), "builds a SQLite file at an older schema");
        String[][] rows = {
            {"networks", "shared", "{\"id\":\"shared\",\"shared\":true}"},
            {"networks", "external", "{\"shared\":false,\"router:external\":true}"},
            {"networks", "private", "{\"name\":\"\\\"shared\\\":true\",\"shared\":false}"},
            {"subnets", "of-shared", "{\"network_id\":\"shared\"}"},
            {"subnets", "of-external", "{\"network_id\":\"external\",\"_shared\":true}"},
            // Marked when its network was shared, which an admin has since undone.
            {"subnets", "of-private", "{\"network_id\":\"private\",\"_shared\":true}"},
            {"ikepolicies", "policy", "{\"shared\":true}"}};
        try (var sqlite = olderSchema("13");
                var insert = sqlite.prepareStatement(
                        "INSERT INTO openstack_resources (kind, id, account_id, attributes) VALUES (?, ?, 'p1', ?)")) {
            try (var account = sqlite.createStatement()) {
                account.execute("INSERT INTO accounts (id, name, created_at) VALUES ('p1', 'p1', 0)");
            }
            for (String[] row : rows) {
                insert.setString(1, row[0]);
                insert.setString(2, row[1]);
                insert.setString(3, row[2]);
                insert.executeUpdate();
            }
        }
        reopen();
        var marked = new ArrayList<String>();
        for (String kind : List.of("networks", "subnets", "ikepolicies")) {
            storage.read((Stores s) -> s.openStack().list(kind)).stream().filter(OpenStackResource::seenByEveryone)
                    .forEach(r -> marked.add(r.id()));
        }
        assertThat(marked).containsExactlyInAnyOrder("shared", "external", "of-shared", "of-external");
    }
}
