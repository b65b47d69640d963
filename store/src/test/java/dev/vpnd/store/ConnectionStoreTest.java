package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.OTHER_ACCOUNT;
import static dev.vpnd.store.Fixtures.OTHER_REGION;
import static dev.vpnd.store.Fixtures.SCOPE;
import static dev.vpnd.store.Fixtures.connection;
import static dev.vpnd.store.Fixtures.dualTunnel;
import static dev.vpnd.store.Fixtures.filter;
import static dev.vpnd.store.Fixtures.tag;
import static dev.vpnd.store.Fixtures.tunnel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.port.Stores;
import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.TunnelRole;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.RouteType;
import dev.vpnd.core.model.SecurityPolicy;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.Match;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.problem.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionStoreTest extends StoreTestBase {

    private VpnConnection insert(VpnConnection connection, String clientToken) {
        storage.write((Stores s) -> {
            s.connections().insert(connection, clientToken);
            return null;
        });
        return connection;
    }

    private List<String> ids(String gatewayId, String customerGatewayId, String id, TagFilter... tags) {
        var filter = new ConnectionStore.Filter(Match.oneOrAny(id), Set.of(), Match.oneOrAny(gatewayId),
                Match.oneOrAny(customerGatewayId), Set.of(), Set.of(), "", List.of(tags));
        return storage.read((Stores s) -> s.connections().list(SCOPE, filter, new PageRequest(0, 100))).items().stream()
                .map(VpnConnection::id).toList();
    }

    private static VpnConnection modified(VpnConnection c, List<Tunnel> tunnels, long revision) {
        return new VpnConnection(c.id(), c.serial(), c.scope(), c.vpcId(), c.gatewayId(), c.customerGatewayId(),
                "modified", List.of(new SecurityPolicy(List.of("10.1.0.0/24"), List.of())), Initiation.PASSIVE,
                false, 30, DpdAction.CLEAR, false, true, RouteType.BGP, c.ike(), c.ipsec(), null,
                c.healthCheck(), "cert", false, tunnels, c.status(),
                new Lifecycle(ResourceState.UPDATING, c.createdAt().plusSeconds(5)), c.createdAt(), List.of(),
                revision);
    }

    @Test
    void singleAndDualTunnelConnectionsRoundTrip() {
        var single = insert(connection(SCOPE, "gw-1", "cgw-1"), "tok");
        var dual = insert(dualTunnel(SCOPE, "gw-1", "cgw-2", "cgw-3"), "");
        putTags(SCOPE, ResourceType.VPN_CONNECTION, dual.id(), tag("b", "2"), tag("a", "1"));

        assertThat(storage.read((Stores s) -> s.connections().find(SCOPE, single.id()))).contains(single);
        assertThat(storage.read((Stores s) -> s.connections().findByClientToken(SCOPE, "tok"))).contains(single);
        var found = storage.read((Stores s) -> s.connections().find(SCOPE, dual.id())).orElseThrow();
        assertThat(found).isEqualTo(dual.withTags(List.of(tag("a", "1"), tag("b", "2"))));
        assertThat(found.tunnels()).extracting(t -> t.ike().psk().value()).containsExactly("psk-1", "psk-2");

        var page = storage.read((Stores s) -> s.connections().list(SCOPE, ConnectionStore.Filter.any(),
                new PageRequest(0, 10)));
        assertThat(page.items()).containsExactly(found, single);
        assertThat(page.total()).isEqualTo(2);
    }

    /** A connection named {@code name}, inserted as the next serial. */
    private VpnConnection named(String name, String gatewayId) {
        var c = connection(SCOPE, gatewayId, "cgw-" + name);
        return insert(new VpnConnection(c.id(), c.serial(), SCOPE, c.vpcId(), gatewayId, c.customerGatewayId(), name,
                c.securityPolicies(), c.initiation(), c.enableDpd(), c.dpdTimeoutSeconds(), c.dpdAction(),
                c.enableNatTraversal(), c.autoConfigRoute(), c.routeType(), c.ike(), c.ipsec(), c.bgp(),
                c.healthCheck(), c.remoteCaCertificate(), c.enableTunnelsBgp(), List.of(), c.status(), c.lifecycle(),
                c.createdAt(), List.of(), 1), "");
    }

    private List<String> names(ConnectionStore.Filter filter, PageRequest page) {
        return storage.read((Stores s) -> s.connections().list(SCOPE, filter, page)).items().stream()
                .map(VpnConnection::name).toList();
    }

    @Test
    void ordersByCreationOrNameAndFindsNamesBySubstring() {
        var b = named("beta-vpn", "gw-o");
        named("Alpha-VPN", "gw-o");
        named("gamma", "gw-o");
        named("alpha-2", "gw-p");
        var onGateway = new ConnectionStore.Filter(Set.of(), Set.of(), Set.of("gw-o"), Set.of(), Set.of(), Set.of(),
                "", List.of());
        assertThat(names(onGateway, new PageRequest(0, 10))).containsExactly("gamma", "Alpha-VPN", "beta-vpn");
        assertThat(names(onGateway, new PageRequest(0, 10, PageRequest.Order.OLDEST_FIRST)))
                .containsExactly("beta-vpn", "Alpha-VPN", "gamma");
        assertThat(names(onGateway, new PageRequest(1, 2, PageRequest.Order.NAME_ASCENDING)))
                .containsExactly("beta-vpn", "gamma");
        assertThat(names(onGateway, new PageRequest(0, 10, PageRequest.Order.NAME_DESCENDING)))
                .containsExactly("gamma", "beta-vpn", "Alpha-VPN");

        var fuzzy = new ConnectionStore.Filter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), "vpn",
                List.of());
        assertThat(names(fuzzy, new PageRequest(0, 10, PageRequest.Order.NAME_ASCENDING)))
                .containsExactly("Alpha-VPN", "beta-vpn");
        var literal = new ConnectionStore.Filter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), "a_2",
                List.of());
        assertThat(names(literal, new PageRequest(0, 10))).isEmpty();

        var bySerial = new ConnectionStore.Filter(Set.of(), Set.of(b.serial()), Set.of(), Set.of(), Set.of(),
                Set.of(), "", List.of());
        assertThat(names(bySerial, new PageRequest(0, 10))).containsExactly("beta-vpn");
        assertThat(storage.read((Stores s) -> s.connections().findBySerial(SCOPE, b.serial()))).contains(b);
        assertThat(storage.read((Stores s) -> s.connections().findBySerial(OTHER_ACCOUNT, b.serial()))).isEmpty();
    }

    @Test
    void scopeIsolation() {
        var c = insert(connection(SCOPE, "gw-1", "cgw-1"), "");
        for (var other : List.of(OTHER_ACCOUNT, OTHER_REGION)) {
            assertThat(storage.read((Stores s) -> s.connections().find(other, c.id()))).isEmpty();
            assertThat(storage.read((Stores s) -> s.connections().countOnGateway(other, "gw-1"))).isZero();
            assertThat(storage.read((Stores s) -> s.connections().countOnCustomerGateway(other, "cgw-1"))).isZero();
            assertThat(storage.write((Stores s) -> s.connections().delete(other, c.id()))).isFalse();
        }
    }

    @Test
    void updateReplacesTunnelsAndComparesRevision() {
        var dual = insert(dualTunnel(SCOPE, "gw-1", "cgw-1", "cgw-2"), "");
        var tunnels = List.of(tunnel(1, TunnelRole.SLAVE, "cgw-9"), tunnel(2, TunnelRole.MASTER, "cgw-2"));
        var v2 = modified(dual, tunnels, 2);

        assertThat(storage.write((Stores s) -> s.connections().update(v2, 1))).isTrue();
        assertThat(storage.read((Stores s) -> s.connections().find(SCOPE, dual.id()))).contains(v2);
        assertThat(storage.read((Stores s) -> s.connections().countOnCustomerGateway(SCOPE, "cgw-1"))).isZero();
        assertThat(storage.read((Stores s) -> s.connections().countOnCustomerGateway(SCOPE, "cgw-9"))).isEqualTo(1);

        var stale = modified(dual, List.of(), 2);
        assertThat(storage.write((Stores s) -> s.connections().update(stale, 1))).isFalse();
        assertThat(storage.read((Stores s) -> s.connections().find(SCOPE, dual.id()))).contains(v2);
    }

    @Test
    void countsOnGatewayAndOnCustomerGatewayDirectlyOrThroughATunnel() {
        insert(connection(SCOPE, "gw-1", "cgw-1"), "");
        insert(connection(SCOPE, "gw-2", "cgw-1"), "");
        var dual = insert(dualTunnel(SCOPE, "gw-1", "cgw-1", "cgw-2"), "");
        insert(dualTunnel(OTHER_ACCOUNT, "gw-1", "cgw-2", "cgw-3"), "");

        assertThat(storage.read((Stores s) -> s.connections().countOnGateway(SCOPE, "gw-1"))).isEqualTo(2);
        assertThat(storage.read((Stores s) -> s.connections().countOnGateway(SCOPE, "gw-3"))).isZero();
        assertThat(storage.read((Stores s) -> s.connections().countOnCustomerGateway(SCOPE, "cgw-1"))).isEqualTo(3);
        assertThat(storage.read((Stores s) -> s.connections().countOnCustomerGateway(SCOPE, "cgw-2"))).isEqualTo(1);
        assertThat(storage.read((Stores s) -> s.connections().countOnCustomerGateway(SCOPE, "cgw-3"))).isZero();

        assertThat(storage.write((Stores s) -> s.connections().delete(SCOPE, dual.id()))).isTrue();
        assertThat(storage.read((Stores s) -> s.connections().countOnCustomerGateway(SCOPE, "cgw-2"))).isZero();
        assertThat(storage.read((Stores s) -> s.connections().countOnCustomerGateway(SCOPE, "cgw-1"))).isEqualTo(2);
    }

    @Test
    void filtersAndPagesWithTunnelsLoadedForEveryRow() {
        var a = insert(connection(SCOPE, "gw-1", "cgw-1"), "");
        var b = insert(connection(SCOPE, "gw-1", "cgw-2"), "");
        var c = insert(connection(SCOPE, "gw-2", "cgw-1"), "");
        putTags(SCOPE, ResourceType.VPN_CONNECTION, a.id(), tag("env", "prod"), tag("owner", "ops"));
        putTags(SCOPE, ResourceType.VPN_CONNECTION, c.id(), tag("env", "prod"));

        assertThat(ids("gw-1", null, null)).containsExactly(b.id(), a.id());
        assertThat(ids("gw-1", "cgw-1", null)).containsExactly(a.id());
        assertThat(ids(null, "cgw-1", null)).containsExactly(c.id(), a.id());
        assertThat(ids(null, null, b.id())).containsExactly(b.id());
        assertThat(ids(null, null, null, filter("env", "prod"))).containsExactly(c.id(), a.id());
        assertThat(ids(null, null, null, filter("env", "prod"), filter("owner", "ops"))).containsExactly(a.id());
        assertThat(ids(null, null, null, filter("owner", null))).containsExactly(a.id());
        assertThat(ids("gw-2", null, null, filter("owner", null))).isEmpty();

        var dual = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            dual.add(insert(dualTunnel(SCOPE, "gw-3", "cgw-" + i, "cgw-x"), "").id());
        }
        var seen = new ArrayList<String>();
        for (int offset = 0; offset < 12; offset += 5) {
            long from = offset;
            var page = storage.read((Stores s) -> s.connections().list(SCOPE,
                    new ConnectionStore.Filter(Set.of(), Set.of(), Set.of("gw-3"), Set.of(), Set.of(), Set.of(), "",
                            List.of()), new PageRequest(from, 5)));
            assertThat(page.total()).isEqualTo(12);
            page.items().forEach(conn -> {
                assertThat(conn.tunnels()).hasSize(2);
                seen.add(conn.id());
            });
        }
        assertThat(seen).isEqualTo(dual.reversed());
    }

    private dev.vpnd.core.port.Page<VpnConnection> byTags(long offset, int limit, TagFilter... tags) {
        var filter = new ConnectionStore.Filter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), "",
                List.of(tags));
        return storage.read((Stores s) -> s.connections().list(SCOPE, filter, new PageRequest(offset, limit)));
    }

    private List<String> idsByTags(TagFilter... tags) {
        var page = byTags(0, 100, tags);
        assertThat(page.total()).isEqualTo(page.items().size());
        return page.items().stream().map(VpnConnection::id).toList();
    }

    /** Totals of tag filters are kept between reads (TagFilterTotals): every kind of write must show. */
    @Test
    void tagFilterTotalsAndPagesFollowEveryTagWriteAndDelete() {
        var a = insert(connection(SCOPE, "gw-1", "cgw-1"), "");
        var b = insert(connection(SCOPE, "gw-1", "cgw-2"), "");
        var c = insert(connection(OTHER_ACCOUNT, "gw-1", "cgw-3"), "");
        putTags(SCOPE, ResourceType.VPN_CONNECTION, a.id(), tag("env", "prod"), tag("team", "t1"));
        putTags(OTHER_ACCOUNT, ResourceType.VPN_CONNECTION, c.id(), tag("env", "prod"));
        assertThat(idsByTags(filter("env", "prod"))).containsExactly(a.id());
        assertThat(idsByTags(filter("team", null))).containsExactly(a.id());

        putTags(SCOPE, ResourceType.VPN_CONNECTION, b.id(), tag("env", "prod"), tag("team", "t1"));
        assertThat(idsByTags(filter("env", "prod"))).containsExactly(b.id(), a.id());
        assertThat(idsByTags(filter("team", "t1"), filter("env", "prod"))).containsExactly(b.id(), a.id());
        var second = byTags(1, 1, filter("env", "prod"));
        assertThat(second.total()).isEqualTo(2);
        assertThat(second.items()).extracting(VpnConnection::id).containsExactly(a.id());
        assertThat(byTags(2, 1, filter("env", "prod")).items()).isEmpty();

        putTags(SCOPE, ResourceType.VPN_CONNECTION, a.id(), tag("env", "dev"));
        assertThat(idsByTags(filter("env", "prod"))).containsExactly(b.id());
        assertThat(idsByTags(filter("team", "t1"), filter("env", "prod"))).containsExactly(b.id());

        storage.write((Stores s) -> {
            s.tags().remove(ResourceType.VPN_CONNECTION, a.id(), List.of("team"));
            return null;
        });
        assertThat(idsByTags(filter("team", null))).containsExactly(b.id());

        // The row goes while its tags stay: the total counts rows, so it must move too.
        storage.write((Stores s) -> s.connections().delete(SCOPE, b.id()));
        assertThat(idsByTags(filter("env", "prod"))).isEmpty();
        assertThat(idsByTags(filter("team", null))).isEmpty();

        storage.write((Stores s) -> {
            s.tags().removeAll(ResourceType.VPN_CONNECTION, a.id());
            return null;
        });
        assertThat(idsByTags(filter("env", "dev"))).isEmpty();
        assertThat(storage.read((Stores s) -> s.connections().list(OTHER_ACCOUNT,
                new ConnectionStore.Filter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), "",
                        List.of(filter("env", "prod"))), new PageRequest(0, 10))).total()).isEqualTo(1);
    }
}
