package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.SCOPE;
import static dev.vpnd.store.Fixtures.connection;
import static dev.vpnd.store.Fixtures.dualTunnel;
import static dev.vpnd.store.Fixtures.filter;
import static dev.vpnd.store.Fixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.Match;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reads take records from the storage's cache by revision: what they return must always be what a
 * fresh read of the database returns, whatever was read, written, rolled back or written by another
 * node in between.
 */
class RecordCacheTest extends StoreTestBase {

    private VpnConnection insert(VpnConnection c) {
        storage.write((Stores s) -> {
            s.connections().insert(c, "");
            return null;
        });
        return c;
    }

    private List<VpnConnection> list(JdbcStorage from) {
        return from.read((Stores s) -> s.connections().list(SCOPE, ConnectionStore.Filter.any(),
                new PageRequest(0, 10))).items();
    }

    private VpnConnection find(JdbcStorage from, String id) {
        return from.read((Stores s) -> s.connections().find(SCOPE, id)).orElseThrow();
    }

    private static VpnConnection renamed(VpnConnection c, String name) {
        return new VpnConnection(c.id(), c.serial(), c.scope(), c.vpcId(), c.gatewayId(), c.customerGatewayId(),
                name, c.securityPolicies(), c.initiation(), c.enableDpd(), c.dpdTimeoutSeconds(), c.dpdAction(),
                c.enableNatTraversal(), c.autoConfigRoute(), c.routeType(), c.ike(), c.ipsec(), c.bgp(),
                c.healthCheck(), c.remoteCaCertificate(), c.enableTunnelsBgp(), c.tunnels(), c.status(),
                c.lifecycle(), c.createdAt(), c.tags(), c.revision() + 1);
    }

    private void update(JdbcStorage on, VpnConnection current, VpnConnection updated) {
        on.write((Stores s) -> {
            assertThat(s.connections().update(updated, current.revision())).isTrue();
            return null;
        });
    }

    @Test
    void anUpdateIsSeenByTheNextListAndLookup() {
        var c = insert(connection(SCOPE, "gw-1", "cgw-1"));
        assertThat(list(storage)).containsExactly(c);
        assertThat(find(storage, c.id())).isEqualTo(c);

        var renamed = renamed(c, "renamed");
        update(storage, c, renamed);

        assertThat(list(storage)).containsExactly(renamed);
        assertThat(find(storage, c.id())).isEqualTo(renamed);
    }

    @Test
    void aTagChangeIsSeenOnceItsRevisionMoves() {
        var c = insert(dualTunnel(SCOPE, "gw-1", "cgw-1", "cgw-2"));
        assertThat(list(storage).getFirst().tags()).isEmpty();

        storage.write((Stores s) -> {
            s.tags().put(SCOPE, ResourceType.VPN_CONNECTION, c.id(), List.of(tag("env", "prod")));
            s.tags().bumpRevision(SCOPE, ResourceType.VPN_CONNECTION, c.id());
            return null;
        });

        var listed = list(storage).getFirst();
        assertThat(listed.tags()).containsExactly(tag("env", "prod"));
        assertThat(listed.revision()).isEqualTo(c.revision() + 1);
        assertThat(listed.tunnels()).isEqualTo(c.tunnels());
        var byTag = storage.read((Stores s) -> s.connections().list(SCOPE, new ConnectionStore.Filter(Set.of(),
                Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), "", List.of(filter("env", "prod"))),
                new PageRequest(0, 10))).items();
        assertThat(byTag).containsExactly(listed);
    }

    @Test
    void aRolledBackWriteLeavesNothingBehind() {
        var c = insert(connection(SCOPE, "gw-1", "cgw-1"));
        var renamed = renamed(c, "never committed");
        assertThatThrownBy(() -> storage.write((Stores s) -> {
            s.connections().update(renamed, c.revision());
            assertThat(s.connections().find(SCOPE, c.id())).contains(renamed);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");

        assertThat(find(storage, c.id())).isEqualTo(c);
        var committed = renamed(c, "committed");
        update(storage, c, committed);
        assertThat(list(storage)).containsExactly(committed);
    }

    @Test
    void aWriteThroughAnotherNodeIsSeen() {
        var c = insert(connection(SCOPE, "gw-1", "cgw-1"));
        try (var otherNode = database.open()) {
            assertThat(list(storage)).containsExactly(c);
            assertThat(list(otherNode)).containsExactly(c);

            var renamed = renamed(c, "renamed elsewhere");
            update(otherNode, c, renamed);

            assertThat(list(storage)).containsExactly(renamed);
            assertThat(find(storage, c.id())).isEqualTo(renamed);
            var filter = new ConnectionStore.Filter(Match.oneOrAny(c.id()), Set.of(), Set.of(), Set.of(), Set.of(),
                    Set.of(), "", List.of());
            assertThat(storage.read((Stores s) -> s.connections().list(SCOPE, filter, new PageRequest(0, 1)))
                    .items()).containsExactly(renamed);
        }
    }
}
