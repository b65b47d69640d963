package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.OTHER_ACCOUNT;
import static dev.vpnd.store.Fixtures.OTHER_REGION;
import static dev.vpnd.store.Fixtures.SCOPE;
import static dev.vpnd.store.Fixtures.filter;
import static dev.vpnd.store.Fixtures.gateway;
import static dev.vpnd.store.Fixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.port.Stores;
import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.port.Match;
import java.util.Set;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayStoreTest extends StoreTestBase {

    private VpnGateway insert(VpnGateway gateway, String clientToken) {
        storage.write((Stores s) -> {
            s.gateways().insert(gateway, clientToken);
            return null;
        });
        return gateway;
    }

    private List<String> ids(String gatewayId, String vpcId, TagFilter... tags) {
        return storage.read((Stores s) -> s.gateways()
                .list(SCOPE, new GatewayStore.Filter(Match.oneOrAny(gatewayId), Set.of(),
                Match.oneOrAny(vpcId), Set.of(), Set.of(), Set.of(), Set.of(), List.of(tags)),
                new PageRequest(0, 50))).items().stream().map(VpnGateway::id).toList();
    }

    private static VpnGateway renamed(VpnGateway g, String name, long revision) {
        return new VpnGateway(g.id(), g.serial(), g.scope(), g.vpcId(), g.vswitchId(), name, g.description(),
                g.bandwidthMbps(), g.networkType(), g.vpnType(), g.enableIpsec(), g.enableSsl(), g.sslConnections(),
                g.chargeType(), g.internetIp(), g.zone(), g.asn(),
                new Lifecycle(ResourceState.UPDATING, g.createdAt().plusSeconds(9)), g.createdAt(),
                g.tags(), revision);
    }

    @Test
    void insertFindListAndDelete() {
        var g = insert(gateway(SCOPE, "vpc-1"), "tok");
        assertThat(storage.read((Stores s) -> s.gateways().find(SCOPE, g.id()))).contains(g);
        assertThat(storage.read((Stores s) -> s.gateways().findByClientToken(SCOPE, "tok"))).contains(g);
        assertThat(storage.read((Stores s) -> s.gateways().find(OTHER_ACCOUNT, g.id()))).isEmpty();
        assertThat(storage.read((Stores s) -> s.gateways().find(OTHER_REGION, g.id()))).isEmpty();
        assertThat(storage.write((Stores s) -> s.gateways().delete(OTHER_REGION, g.id()))).isFalse();
        assertThat(storage.write((Stores s) -> s.gateways().delete(SCOPE, g.id()))).isTrue();
        assertThat(ids(null, null)).isEmpty();
    }

    @Test
    void updateIsCompareAndSetOnRevision() {
        var g = insert(gateway(SCOPE, "vpc-1"), "");
        putTags(SCOPE, ResourceType.VPN_GATEWAY, g.id(), tag("k", "v"));

        var v2 = renamed(g, "second", 2);
        assertThat(storage.write((Stores s) -> s.gateways().update(v2, 1))).isTrue();
        assertThat(storage.read((Stores s) -> s.gateways().find(SCOPE, g.id())))
                .contains(v2.withTags(List.of(tag("k", "v"))));

        var stale = renamed(g, "stale", 2);
        assertThat(storage.write((Stores s) -> s.gateways().update(stale, 1))).isFalse();
        var elsewhere = new VpnGateway(g.id(), g.serial(), OTHER_ACCOUNT, g.vpcId(), g.vswitchId(), "x", "", 1,
                g.networkType(), g.vpnType(), false, false, 0, g.chargeType(), "", "", 0, g.lifecycle(), g.createdAt(),
                List.of(), 3);
        assertThat(storage.write((Stores s) -> s.gateways().update(elsewhere, 2))).isFalse();
        assertThat(storage.read((Stores s) -> s.gateways().find(SCOPE, g.id())).orElseThrow().name())
                .isEqualTo("second");
    }

    @Test
    void countsAndFiltersByVpcAndTags() {
        var a = insert(gateway(SCOPE, "vpc-1"), "");
        var b = insert(gateway(SCOPE, "vpc-1"), "");
        var c = insert(gateway(SCOPE, "vpc-2"), "");
        insert(gateway(OTHER_REGION, "vpc-1"), "");
        putTags(SCOPE, ResourceType.VPN_GATEWAY, a.id(), tag("env", "prod"), tag("tier", "gold"));
        putTags(SCOPE, ResourceType.VPN_GATEWAY, b.id(), tag("env", "prod"));
        // the same id under another type must not match
        putTags(SCOPE, ResourceType.VPC, c.id(), tag("env", "prod"));

        assertThat(storage.read((Stores s) -> s.gateways().countInVpc(SCOPE, "vpc-1"))).isEqualTo(2);
        assertThat(storage.read((Stores s) -> s.gateways().countInVpc(SCOPE, "vpc-3"))).isZero();
        assertThat(ids(null, "vpc-1")).containsExactly(b.id(), a.id());
        assertThat(ids(c.id(), null)).containsExactly(c.id());
        assertThat(ids(c.id(), "vpc-1")).isEmpty();
        assertThat(ids(null, null, filter("env", "prod"))).containsExactly(b.id(), a.id());
        assertThat(ids(null, null, filter("env", "prod"), filter("tier", "gold"))).containsExactly(a.id());
        assertThat(ids(null, null, filter("tier", null))).containsExactly(a.id());
    }
}
