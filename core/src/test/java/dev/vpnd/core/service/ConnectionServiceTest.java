package dev.vpnd.core.service;

import static dev.vpnd.core.service.CoreFixture.connection;
import static dev.vpnd.core.service.CoreFixture.customerGateway;
import static dev.vpnd.core.service.CoreFixture.dualTunnel;
import static dev.vpnd.core.service.CoreFixture.gateway;
import static dev.vpnd.core.service.CoreFixture.problem;
import static dev.vpnd.core.service.CoreFixture.tunnel;
import static dev.vpnd.core.service.CoreFixture.vpc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.TunnelRole;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionServiceTest {
    private final CoreFixture core = new CoreFixture();
    private final ConnectionService connections = core.services.connections();
    private final String vpcId = core.services.vpcs().create(core.scope, "", vpc()).id();
    private final String gatewayId = core.services.gateways().create(core.scope, "", gateway(vpcId)).id();
    private final String peerId = core.services.customerGateways().create(core.scope, "",
            customerGateway("198.51.100.1")).id();

    private String newPeer(String address) {
        return core.services.customerGateways().create(core.scope, "", customerGateway(address)).id();
    }

    private long count() {
        return connections.list(core.scope, ConnectionStore.Filter.any(), new PageRequest(0, 0)).total();
    }

    private static ConnectionDraft named(ConnectionDraft d, String name) {
        return new ConnectionDraft(d.gatewayId(), d.customerGatewayId(), name, d.securityPolicies(),
                d.initiation(), d.enableDpd(), d.dpdTimeoutSeconds(), d.dpdAction(), d.enableNatTraversal(),
                d.autoConfigRoute(), d.routeType(), d.ike(), d.ipsec(), d.bgp(), d.healthCheck(),
                d.remoteCaCertificate(), d.enableTunnelsBgp(), d.tunnels(), d.tags());
    }

    private static ConnectionDraft withTunnels(ConnectionDraft d, List<Tunnel> tunnels) {
        return new ConnectionDraft(d.gatewayId(), d.customerGatewayId(), d.name(), d.securityPolicies(),
                d.initiation(), d.enableDpd(), d.dpdTimeoutSeconds(), d.dpdAction(), d.enableNatTraversal(),
                d.autoConfigRoute(), d.routeType(), d.ike(), d.ipsec(), d.bgp(), d.healthCheck(),
                d.remoteCaCertificate(), d.enableTunnelsBgp(), tunnels, d.tags());
    }

    @Test
    void createKeepsTheDraftInTheGatewaysVpcWithAGeneratedKey() {
        var draft = connection(gatewayId, peerId);
        var created = connections.create(core.scope, "", draft);
        assertThat(created.vpcId()).isEqualTo(vpcId);
        assertThat(created.ike().psk().value()).matches("[A-Za-z0-9]{16}");
        assertThat(ConnectionDraft.of(created)).isEqualTo(withIke(draft, created.ike().psk()));
        assertThat(connections.get(core.scope, created.id())).isEqualTo(created);
        assertThat(connections.getBySerial(core.scope, created.serial())).isEqualTo(created);

        assertThat(created.lifecycle().state(core.clock.instant())).isEqualTo(ResourceState.PROVISIONING);
        core.clock.advance(CoreFixture.DELAY);
        assertThat(created.lifecycle().state(core.clock.instant())).isEqualTo(ResourceState.ACTIVE);
    }

    private static ConnectionDraft withIke(ConnectionDraft d, Secret psk) {
        return new ConnectionDraft(d.gatewayId(), d.customerGatewayId(), d.name(), d.securityPolicies(),
                d.initiation(), d.enableDpd(), d.dpdTimeoutSeconds(), d.dpdAction(), d.enableNatTraversal(),
                d.autoConfigRoute(), d.routeType(), d.ike().withPsk(psk), d.ipsec(), d.bgp(), d.healthCheck(),
                d.remoteCaCertificate(), d.enableTunnelsBgp(), d.tunnels(), d.tags());
    }

    private static ConnectionDraft withIdentities(ConnectionDraft d, String localId, String remoteId) {
        return new ConnectionDraft(d.gatewayId(), d.customerGatewayId(), d.name(), d.securityPolicies(),
                d.initiation(), d.enableDpd(), d.dpdTimeoutSeconds(), d.dpdAction(), d.enableNatTraversal(),
                d.autoConfigRoute(), d.routeType(), d.ike().withIdentities(localId, remoteId), d.ipsec(), d.bgp(),
                d.healthCheck(), d.remoteCaCertificate(), d.enableTunnelsBgp(), d.tunnels(), d.tags());
    }

    @Test
    void aKeyTheCallerChoseIsKept() {
        var draft = withIke(connection(gatewayId, peerId), new Secret("chosen-key"));
        assertThat(connections.create(core.scope, "", draft).ike().psk().value()).isEqualTo("chosen-key");
    }

    @Test
    void createNeedsTheGatewayAndTheCustomerGatewayInTheCallersScope() {
        assertThat(problem(() -> connections.create(core.scope, "", connection("no-such-gateway", peerId))))
                .isEqualTo(new Problem.NotFound(ResourceType.VPN_GATEWAY, "no-such-gateway"));
        assertThat(problem(() -> connections.create(core.scope, "", connection(gatewayId, "no-such-peer"))))
                .isEqualTo(new Problem.NotFound(ResourceType.CUSTOMER_GATEWAY, "no-such-peer"));
        assertThat(problem(() -> connections.create(core.other, "", connection(gatewayId, peerId))))
                .isEqualTo(new Problem.NotFound(ResourceType.VPN_GATEWAY, gatewayId));
        assertThat(count()).isZero();
    }

    @Test
    void aSingleTunnelConnectionNeedsACustomerGateway() {
        assertThat(problem(() -> connections.create(core.scope, "", connection(gatewayId, ""))))
                .isEqualTo(new Problem.MissingValue(Field.CONNECTION_CUSTOMER_GATEWAY));
    }

    @Test
    void aGatewayConnectsToACustomerGatewayOnce() {
        connections.create(core.scope, "", connection(gatewayId, peerId));
        assertThat(problem(() -> connections.create(core.scope, "", connection(gatewayId, peerId))))
                .isEqualTo(new Problem.AlreadyExists(ResourceType.VPN_CONNECTION, Field.CONNECTION_CUSTOMER_GATEWAY,
                        peerId));
        String otherGateway = core.services.gateways().create(core.scope, "", gateway(vpcId)).id();
        connections.create(core.scope, "", connection(otherGateway, peerId));
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aRepeatedClientTokenReturnsTheFirstConnection() {
        var first = connections.create(core.scope, "token-1", connection(gatewayId, peerId));
        assertThat(connections.create(core.scope, "token-1", connection(gatewayId, newPeer("198.51.100.2"))))
                .isEqualTo(first);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void createStopsAtTheAccountsQuotaOnTheGateway() {
        core.services.quotas().set(CoreFixture.ACCOUNT_NAME, QuotaKind.VPN_CONNECTION, 1);
        connections.create(core.scope, "", connection(gatewayId, peerId));
        assertThat(problem(() -> connections.create(core.scope, "", connection(gatewayId, newPeer("198.51.100.2")))))
                .isEqualTo(new Problem.QuotaExceeded(QuotaKind.VPN_CONNECTION, 1));
        // Counted per gateway.
        String otherGateway = core.services.gateways().create(core.scope, "", gateway(vpcId)).id();
        connections.create(core.scope, "", connection(otherGateway, peerId));
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void createRefusesAControlCharacterInTheNameIdentitiesAndKey() {
        var base = connection(gatewayId, peerId);
        assertThat(problem(() -> connections.create(core.scope, "", named(base, "a\nb"))))
                .extracting(p -> ((Problem.InvalidValue) p).field()).isEqualTo(Field.CONNECTION_NAME);
        assertThat(problem(() -> connections.create(core.scope, "", withIdentities(base, "local\u0000", ""))))
                .extracting(p -> ((Problem.InvalidValue) p).field()).isEqualTo(Field.IKE_LOCAL_ID);
        assertThat(problem(() -> connections.create(core.scope, "", withIdentities(base, "", "\tremote"))))
                .extracting(p -> ((Problem.InvalidValue) p).field()).isEqualTo(Field.IKE_REMOTE_ID);
        assertThat(problem(() -> connections.create(core.scope, "", withIke(base, new Secret("key\u007f")))))
                .isInstanceOfSatisfying(Problem.InvalidValue.class, p -> {
                    assertThat(p.field()).isEqualTo(Field.IKE_PSK);
                    assertThat(p.value()).isEmpty();
                });
        assertThat(count()).isZero();
    }

    @Test
    void aDualTunnelConnectionHasAMasterAndASlaveEachWithItsCustomerGateway() {
        String second = newPeer("198.51.100.2");
        var created = connections.create(core.scope, "", dualTunnel(gatewayId,
                tunnel(1, TunnelRole.MASTER, peerId), tunnel(2, TunnelRole.SLAVE, second)));
        assertThat(created.dualTunnel()).isTrue();
        assertThat(created.customerGatewayId()).isEmpty();
        assertThat(created.tunnels()).extracting(Tunnel::customerGatewayId).containsExactly(peerId, second);
        assertThat(created.tunnels()).allSatisfy(t -> {
            assertThat(t.id()).isNotEmpty();
            assertThat(t.ike().psk().value()).matches("[A-Za-z0-9]{16}");
        });
        assertThat(created.tunnels().get(0).id()).isNotEqualTo(created.tunnels().get(1).id());
    }

    @Test
    void aDualTunnelConnectionNeedsExactlyTwoTunnelsInBothRolesEachWithACustomerGateway() {
        var one = dualTunnel(gatewayId, tunnel(1, TunnelRole.MASTER, peerId));
        assertThat(problem(() -> connections.create(core.scope, "", one)))
                .isEqualTo(new Problem.InvalidValue(Field.TUNNELS, "1",
                        "a dual-tunnel connection has exactly two tunnels"));
        var twoMasters = dualTunnel(gatewayId, tunnel(1, TunnelRole.MASTER, peerId),
                tunnel(2, TunnelRole.MASTER, peerId));
        assertThat(problem(() -> connections.create(core.scope, "", twoMasters)))
                .extracting(p -> ((Problem.InvalidValue) p).field()).isEqualTo(Field.TUNNEL_ROLE);
        var noPeer = dualTunnel(gatewayId, tunnel(1, TunnelRole.MASTER, peerId), tunnel(2, TunnelRole.SLAVE, ""));
        assertThat(problem(() -> connections.create(core.scope, "", noPeer)))
                .isEqualTo(new Problem.MissingValue(Field.CONNECTION_CUSTOMER_GATEWAY, 2));
        var unknownPeer = dualTunnel(gatewayId, tunnel(1, TunnelRole.MASTER, peerId),
                tunnel(2, TunnelRole.SLAVE, "no-such-peer"));
        assertThat(problem(() -> connections.create(core.scope, "", unknownPeer)))
                .isEqualTo(new Problem.NotFound(ResourceType.CUSTOMER_GATEWAY, "no-such-peer"));
        assertThat(count()).isZero();
    }

    @Test
    void aControlCharacterInATunnelsKeyNamesTheTunnel() {
        var slave = tunnel(2, TunnelRole.SLAVE, peerId);
        var badSlave = new Tunnel(slave.id(), slave.index(), slave.role(), slave.customerGatewayId(),
                slave.enableDpd(), slave.enableNatTraversal(), slave.remoteCaCertificate(),
                slave.ike().withPsk(new Secret("k\ney")), slave.ipsec(), slave.bgp(), slave.internetIp(),
                slave.zone(), slave.status());
        var draft = dualTunnel(gatewayId, tunnel(1, TunnelRole.MASTER, peerId), badSlave);
        assertThat(problem(() -> connections.create(core.scope, "", draft)))
                .isInstanceOfSatisfying(Problem.InvalidValue.class, p -> {
                    assertThat(p.field()).isEqualTo(Field.IKE_PSK);
                    assertThat(p.tunnel()).isEqualTo(2);
                });
    }

    @Test
    void modifyAppliesTheChangeAndUpdatesUntilTheDelayHasPassed() {
        var created = connections.create(core.scope, "", connection(gatewayId, peerId));
        core.clock.advance(CoreFixture.DELAY);
        var modified = connections.modify(core.scope, created.id(), d -> named(d, "renamed"));
        assertThat(modified.name()).isEqualTo("renamed");
        assertThat(modified.ike().psk()).isEqualTo(created.ike().psk());
        assertThat(modified.createdAt()).isEqualTo(created.createdAt());
        assertThat(modified.revision()).isEqualTo(created.revision() + 1);
        assertThat(modified.lifecycle().state(core.clock.instant())).isEqualTo(ResourceState.UPDATING);
        core.clock.advance(CoreFixture.DELAY);
        assertThat(modified.lifecycle().state(core.clock.instant())).isEqualTo(ResourceState.ACTIVE);
        assertThat(connections.get(core.scope, created.id())).isEqualTo(modified);
    }

    @Test
    void aBusyConnectionTakesNoModifyAndNoDeleteUntilItIsActive() {
        var created = connections.create(core.scope, "", connection(gatewayId, peerId));
        assertThat(problem(() -> connections.modify(core.scope, created.id(), d -> named(d, "renamed"))))
                .isEqualTo(new Problem.WrongState(ResourceType.VPN_CONNECTION, created.id(),
                        ResourceState.PROVISIONING, Problem.WrongState.Change.MODIFY));
        assertThat(problem(() -> connections.delete(core.scope, created.id())))
                .isEqualTo(new Problem.WrongState(ResourceType.VPN_CONNECTION, created.id(),
                        ResourceState.PROVISIONING, Problem.WrongState.Change.DELETE));
        assertThat(connections.get(core.scope, created.id())).isEqualTo(created);

        core.settle();
        var modified = connections.modify(core.scope, created.id(), d -> named(d, "renamed"));
        assertThat(problem(() -> connections.modify(core.scope, created.id(), d -> named(d, "again"))))
                .isEqualTo(new Problem.WrongState(ResourceType.VPN_CONNECTION, created.id(),
                        ResourceState.UPDATING, Problem.WrongState.Change.MODIFY));
        assertThat(problem(() -> connections.delete(core.scope, created.id())))
                .extracting(p -> ((Problem.WrongState) p).state()).isEqualTo(ResourceState.UPDATING);
        assertThat(connections.get(core.scope, created.id())).isEqualTo(modified);

        core.settle();
        connections.delete(core.scope, created.id());
        assertThat(count()).isZero();
    }

    @Test
    void modifyKeepsTheConnectionOnItsGateway() {
        var created = connections.create(core.scope, "", connection(gatewayId, peerId));
        String otherGateway = core.services.gateways().create(core.scope, "", gateway(vpcId)).id();
        core.settle();
        assertThat(problem(() -> connections.modify(core.scope, created.id(),
                d -> connection(otherGateway, d.customerGatewayId()))))
                .isEqualTo(new Problem.InvalidValue(Field.CONNECTION_GATEWAY, otherGateway,
                        "a connection stays on the gateway it was created on"));
        assertThat(connections.get(core.scope, created.id())).isEqualTo(created);
    }

    @Test
    void modifyChecksTheShapeAndTheReferencesAgain() {
        var created = connections.create(core.scope, "", connection(gatewayId, peerId));
        core.settle();
        assertThat(problem(() -> connections.modify(core.scope, created.id(), d -> connection(gatewayId, ""))))
                .isEqualTo(new Problem.MissingValue(Field.CONNECTION_CUSTOMER_GATEWAY));
        assertThat(problem(() -> connections.modify(core.scope, created.id(),
                d -> withTunnels(d, List.of(tunnel(1, TunnelRole.MASTER, peerId),
                        tunnel(2, TunnelRole.SLAVE, "no-such-peer"))))))
                .isEqualTo(new Problem.NotFound(ResourceType.CUSTOMER_GATEWAY, "no-such-peer"));
        assertThat(problem(() -> connections.modify(core.scope, "no-such-connection", d -> d)))
                .isEqualTo(new Problem.NotFound(ResourceType.VPN_CONNECTION, "no-such-connection"));
        assertThat(connections.get(core.scope, created.id())).isEqualTo(created);
    }

    @Test
    void deleteRemovesTheConnectionAndItsTags() {
        var base = connection(gatewayId, peerId);
        var created = connections.create(core.scope, "", new ConnectionDraft(base.gatewayId(),
                base.customerGatewayId(), base.name(), base.securityPolicies(), base.initiation(), base.enableDpd(),
                base.dpdTimeoutSeconds(), base.dpdAction(), base.enableNatTraversal(), base.autoConfigRoute(),
                base.routeType(), base.ike(), base.ipsec(), base.bgp(), base.healthCheck(),
                base.remoteCaCertificate(), base.enableTunnelsBgp(), base.tunnels(), List.of(new Tag("env", "prod"))));
        assertThat(core.storedTags(ResourceType.VPN_CONNECTION, created.id())).containsExactly(new Tag("env", "prod"));
        core.settle();
        connections.delete(core.scope, created.id());
        assertThat(count()).isZero();
        assertThat(core.storedTags(ResourceType.VPN_CONNECTION, created.id())).isEmpty();
        assertThat(problem(() -> connections.delete(core.scope, created.id())))
                .isEqualTo(new Problem.NotFound(ResourceType.VPN_CONNECTION, created.id()));
    }
}
