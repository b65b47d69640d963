package dev.vpnd.core.service;

import static dev.vpnd.core.service.CoreFixture.connection;
import static dev.vpnd.core.service.CoreFixture.customerGateway;
import static dev.vpnd.core.service.CoreFixture.dualTunnel;
import static dev.vpnd.core.service.CoreFixture.gateway;
import static dev.vpnd.core.service.CoreFixture.problem;
import static dev.vpnd.core.service.CoreFixture.tunnel;
import static dev.vpnd.core.service.CoreFixture.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.core.dataplane.AgentToken;
import dev.vpnd.core.dataplane.ConnectionDataPlane;
import dev.vpnd.core.dataplane.ConnectionRef;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayRef;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.StatusTransition;
import dev.vpnd.core.dataplane.TunnelObservation;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.TunnelRole;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ResourceType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataPlaneServiceTest {
    private static final String ADDRESS = "203.0.113.7";

    private final CoreFixture f = new CoreFixture();
    private final DataPlaneService plane = f.services.dataPlane();

    private VpnGateway newGateway() {
        var vpc = f.services.vpcs().create(f.scope, "", vpc());
        return f.services.gateways().create(f.scope, "", gateway(vpc.id()));
    }

    private String peer(String address) {
        return f.services.customerGateways().create(f.scope, "", customerGateway(address)).id();
    }

    private DataPlaneService.IssuedToken tokenFor(VpnGateway... gateways) {
        return plane.createToken(java.util.Arrays.stream(gateways).map(g -> new GatewayRef(g.scope(), g.id()))
                .toList());
    }

    private static TunnelReport up(String name) {
        return new TunnelReport(name, SaState.ESTABLISHED, SaState.ESTABLISHED, 100, 200, 1, 2, null);
    }

    private static TunnelReport report(String name, SaState ike, SaState child) {
        return new TunnelReport(name, ike, child, 0, 0, 0, 0, null);
    }

    /** The draft with another name, IKE settings and health check. */
    private static ConnectionDraft changed(ConnectionDraft d, String name, IkeConfig ike, HealthCheck healthCheck) {
        return new ConnectionDraft(d.gatewayId(), d.customerGatewayId(), name, d.securityPolicies(), d.initiation(),
                d.enableDpd(), d.dpdTimeoutSeconds(), d.dpdAction(), d.enableNatTraversal(), d.autoConfigRoute(),
                d.routeType(), ike, d.ipsec(), d.bgp(), healthCheck, d.remoteCaCertificate(), d.enableTunnelsBgp(),
                d.tunnels(), d.tags());
    }

    private static ConnectionDraft withIke(ConnectionDraft d, IkeConfig ike) {
        return changed(d, d.name(), ike, d.healthCheck());
    }

    private VpnConnection stored(VpnConnection c) {
        return f.services.connections().get(f.scope, c.id());
    }

    @Test
    void aTokenIsShownOnceStoredAsADigestAndRevokedAtOnce() {
        var gateway = newGateway();
        var issued = tokenFor(gateway);
        String token = issued.token();
        assertThat(token).matches("vat-[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}");
        assertThat(issued.record().digest()).hasSize(64).doesNotContain(token.substring(token.indexOf('.') + 1));
        assertThat(issued.toString()).doesNotContain(token.substring(token.indexOf('.')));
        assertThat(plane.tokens()).extracting(AgentToken::id).containsExactly(issued.record().id());
        assertThat(plane.tokens().getFirst().gateways()).containsExactly(new GatewayRef(f.scope, gateway.id()));

        assertThat(plane.authenticate(token)).contains(issued.record());
        // One character of the secret changed: the first, whose six bits are all the secret's (the last
        // character's lowest bits are padding, so a decoder may read a neighbour of it as the same).
        int first = token.indexOf('.') + 1;
        String forged = token.substring(0, first) + (token.charAt(first) == 'A' ? 'B' : 'A')
                + token.substring(first + 1);
        assertThat(plane.authenticate(forged)).isEmpty();
        assertThat(plane.authenticate(issued.record().id())).isEmpty();
        assertThat(plane.authenticate("vat-0000000000000000." + token.substring(token.indexOf('.') + 1))).isEmpty();
        assertThat(plane.authenticate("")).isEmpty();
        assertThat(plane.authenticate(null)).isEmpty();
        assertThat(plane.authenticate("x".repeat(10_000))).isEmpty();

        assertThat(plane.revokeToken(issued.record().id())).isTrue();
        assertThat(plane.authenticate(token)).isEmpty();
        assertThat(plane.revokeToken(issued.record().id())).isFalse();
        assertThat(plane.tokens()).isEmpty();
    }

    @Test
    void aTokenNamesGatewaysThatExist() {
        var gateway = newGateway();
        assertThat(problem(() -> plane.createToken(List.of(new GatewayRef(f.other, gateway.id())))))
                .isEqualTo(new Problem.NotFound(ResourceType.VPN_GATEWAY, gateway.id()));
        assertThatThrownBy(() -> plane.createToken(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(plane.locateGateway(gateway.id())).contains(new GatewayRef(f.scope, gateway.id()));
        assertThat(plane.locateGatewayBySerial(gateway.serial())).contains(new GatewayRef(f.scope, gateway.id()));
        assertThat(plane.locateGateway("no-such-gateway")).isEmpty();
    }

    @Test
    void helloGivesTheGatewayItsPublicAddressAndMovesIdentitiesThatWereTheOldOne() {
        var gateway = newGateway();
        String placeholder = gateway.internetIp();
        var defaulted = f.services.connections().create(f.scope, "",
                withIke(connection(gateway.id(), peer("198.51.100.2")),
                        CoreFixture.ike().withIdentities(placeholder, "198.51.100.2")));
        var chosen = f.services.connections().create(f.scope, "",
                withIke(connection(gateway.id(), peer("198.51.100.3")), CoreFixture.ike().withIdentities("vpn.example",
                        "")));
        var token = tokenFor(gateway).record();
        long before = plane.planRevision(token);

        assertThat(plane.hello(token, ADDRESS, "vpnd-agent 0.1.0", "charon 5.9.8")).containsExactly(gateway.id());

        assertThat(f.services.gateways().get(f.scope, gateway.id()).internetIp()).isEqualTo(ADDRESS);
        assertThat(stored(defaulted).ike().localId()).isEqualTo(ADDRESS);
        assertThat(stored(defaulted).ike().remoteId()).isEqualTo("198.51.100.2");
        assertThat(stored(defaulted).ike().psk()).isEqualTo(defaulted.ike().psk());
        assertThat(stored(chosen).ike().localId()).isEqualTo("vpn.example");
        assertThat(plane.planRevision(token)).isGreaterThan(before);
        var presence = plane.presence(gateway.id()).orElseThrow();
        assertThat(presence.agent()).isEqualTo("vpnd-agent 0.1.0");
        assertThat(presence.daemon()).isEqualTo("charon 5.9.8");
        assertThat(presence.helloAt()).isEqualTo(f.clock.instant());

        long after = plane.planRevision(token);
        plane.hello(token, ADDRESS, "vpnd-agent 0.1.0", "charon 5.9.8");
        assertThat(plane.planRevision(token)).as("the same address changes no plan").isEqualTo(after);
        assertThatThrownBy(() -> plane.hello(token, "2001:db8::1", "a", "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void helloAnswersOnlyTheGatewaysThatStillExist() {
        var kept = newGateway();
        var gone = newGateway();
        var token = tokenFor(kept, gone).record();
        f.settle();
        f.services.gateways().delete(f.scope, gone.id());
        assertThat(plane.hello(token, ADDRESS, "a", "d")).containsExactly(kept.id());
        assertThat(plane.plans(token).gateways()).extracting(GatewayPlan::gatewayId).containsExactly(kept.id());
    }

    @Test
    void theRevisionGrowsWithEveryChangeOfAGatewaysTunnelsAndOnlyItsOwn() {
        var gateway = newGateway();
        var other = newGateway();
        var token = tokenFor(gateway).record();
        var otherToken = tokenFor(other).record();
        plane.hello(token, ADDRESS, "a", "d");
        long start = plane.planRevision(token);
        long otherStart = plane.planRevision(otherToken);

        var c = f.services.connections().create(f.scope, "", connection(gateway.id(), peer("198.51.100.2")));
        long created = plane.planRevision(token);
        assertThat(created).isGreaterThan(start);
        f.settle();
        f.services.connections().modify(f.scope, c.id(), d -> changed(d, "renamed", d.ike(), d.healthCheck()));
        assertThat(plane.planRevision(token)).as("a name is nothing the daemon holds").isEqualTo(created);
        f.settle();
        f.services.connections().modify(f.scope, c.id(), d -> withIke(d, d.ike().withIdentities("me", "you")));
        long modified = plane.planRevision(token);
        assertThat(modified).isGreaterThan(created);
        f.settle();
        f.services.connections().delete(f.scope, c.id());
        long deleted = plane.planRevision(token);
        assertThat(deleted).isGreaterThan(modified);
        assertThat(plane.planRevision(otherToken)).isEqualTo(otherStart);

        var plans = plane.plans(token);
        assertThat(plans.revision()).isGreaterThanOrEqualTo(deleted);
        assertThat(plans.gateways().getFirst().revision()).isEqualTo(deleted);
        assertThat(plans.gateways().getFirst().tunnels()).isEmpty();
        assertThat(plane.latestPlanRevision()).isEqualTo(deleted);
        assertThat(plane.plans(otherToken).revision()).as("an agent waits after the latest revision drawn")
                .isEqualTo(deleted);
    }

    @Test
    void aPlanResolvesEverySettingOfASingleTunnelConnection() {
        var gateway = newGateway();
        var token = tokenFor(gateway).record();
        plane.hello(token, ADDRESS, "a", "d");
        var check = new HealthCheck(true, "192.168.0.1", "10.0.0.1", 2000, 1000, 3, "revoke_route");
        var c = f.services.connections().create(f.scope, "",
                changed(connection(gateway.id(), peer("198.51.100.2")), "conn", CoreFixture.ike(), check));

        var plan = plane.plans(token).gateways().getFirst();
        assertThat(plan.publicAddress()).isEqualTo(ADDRESS);
        var t = plan.tunnels().getFirst();
        assertThat(t.name()).isEqualTo(c.id());
        assertThat(t.connectionId()).isEqualTo(c.id());
        assertThat(t.tunnelIndex()).isZero();
        assertThat(t.localAddress()).isEqualTo(ADDRESS);
        assertThat(t.peerAddress()).isEqualTo("198.51.100.2");
        assertThat(t.ike().localId()).isEqualTo(ADDRESS);
        assertThat(t.ike().remoteId()).isEqualTo("198.51.100.2");
        assertThat(t.ike().psk()).isEqualTo(c.ike().psk());
        assertThat(t.ike().psk().value()).isNotEmpty();
        assertThat(t.ike().encryption()).isEqualTo(c.ike().encryption());
        assertThat(t.ipsec()).isEqualTo(c.ipsec());
        assertThat(t.localSubnets()).containsExactly("10.0.0.0/24");
        assertThat(t.remoteSubnets()).containsExactly("192.168.0.0/24");
        assertThat(t.dpd()).isEqualTo(new TunnelPlan.DeadPeerDetection(true, 30, 30, c.dpdAction()));
        assertThat(t.natTraversal()).isTrue();
        assertThat(t.initiation()).isEqualTo(c.initiation());
        assertThat(t.healthCheck()).isEqualTo(check);

        f.settle();
        f.services.connections().modify(f.scope, c.id(),
                d -> changed(d, d.name(), d.ike(), CoreFixture.noHealthCheck()));
        assertThat(plane.plans(token).gateways().getFirst().tunnels().getFirst().healthCheck()).isNull();
    }

    @Test
    void aDualTunnelConnectionIsTwoTunnelsEachWithItsOwnPeer() {
        var gateway = newGateway();
        var token = tokenFor(gateway).record();
        plane.hello(token, ADDRESS, "a", "d");
        var c = f.services.connections().create(f.scope, "", dualTunnel(gateway.id(),
                tunnel(1, TunnelRole.MASTER, peer("198.51.100.11")),
                tunnel(2, TunnelRole.SLAVE, peer("198.51.100.12"))));

        var tunnels = plane.plans(token).gateways().getFirst().tunnels();
        assertThat(tunnels).extracting(TunnelPlan::name).containsExactly(c.id() + "-t1", c.id() + "-t2");
        assertThat(tunnels).extracting(TunnelPlan::tunnelIndex).containsExactly(1, 2);
        assertThat(tunnels).extracting(TunnelPlan::peerAddress).containsExactly("198.51.100.11", "198.51.100.12");
        assertThat(tunnels).extracting(t -> t.ike().remoteId()).containsExactly("198.51.100.11", "198.51.100.12");
        assertThat(tunnels.get(0).ike().psk()).isEqualTo(c.tunnels().get(0).ike().psk());
        assertThat(tunnels.get(1).ike().psk()).isEqualTo(c.tunnels().get(1).ike().psk());
    }

    @Test
    void reportsBecomeTheNegotiationStatusWithTheTimeOfEachChange() {
        var gateway = newGateway();
        var token = tokenFor(gateway).record();
        plane.hello(token, ADDRESS, "a", "d");
        var c = f.services.connections().create(f.scope, "", connection(gateway.id(), peer("198.51.100.2")));
        long revision = plane.planRevision(token);

        var expected = Map.of(
                report(c.id(), SaState.CONNECTING, SaState.ABSENT), NegotiationStatus.IKE_SA_NOT_ESTABLISHED,
                report(c.id(), SaState.ESTABLISHED, SaState.CONNECTING), NegotiationStatus.IKE_SA_ESTABLISHED,
                report(c.id(), SaState.ESTABLISHED, SaState.ABSENT), NegotiationStatus.IPSEC_SA_NOT_ESTABLISHED,
                up(c.id()), NegotiationStatus.IPSEC_SA_ESTABLISHED,
                new TunnelReport(c.id(), SaState.ESTABLISHED, SaState.ESTABLISHED, 0, 0, 0, 0, "refused"),
                NegotiationStatus.IKE_SA_NOT_ESTABLISHED);
        for (var e : expected.entrySet()) {
            plane.report(token, List.of(new GatewayReport(gateway.id(), revision, List.of(e.getKey()))));
            assertThat(stored(c).status()).as(e.getKey().toString()).isEqualTo(e.getValue());
        }

        plane.report(token, List.of(new GatewayReport(gateway.id(), revision, List.of(
                report(c.id(), SaState.ABSENT, SaState.ABSENT)))));
        f.clock.advance(Duration.ofSeconds(7));
        plane.report(token, List.of(new GatewayReport(gateway.id(), revision, List.of(up(c.id())))));
        var wentUp = f.clock.instant();
        long upRevision = stored(c).revision();
        f.clock.advance(Duration.ofSeconds(3));
        plane.report(token, List.of(new GatewayReport(gateway.id(), revision, List.of(up(c.id())))));
        assertThat(stored(c).revision()).as("an unchanged status is not written again").isEqualTo(upRevision);
        assertThat(plane.transitions(f.scope, c.id()).getFirst())
                .isEqualTo(new StatusTransition(c.id(), 0, NegotiationStatus.IPSEC_SA_ESTABLISHED, wentUp));
        assertThat(plane.tunnelStates()).containsExactly(
                new DataPlaneService.TunnelState(c.id(), 0, true, 100, 200));
    }

    @Test
    void aDualTunnelConnectionShowsItsFurthestTunnelAndEachTunnelItsOwn() {
        var gateway = newGateway();
        var token = tokenFor(gateway).record();
        plane.hello(token, ADDRESS, "a", "d");
        var c = f.services.connections().create(f.scope, "", dualTunnel(gateway.id(),
                tunnel(1, TunnelRole.MASTER, peer("198.51.100.11")),
                tunnel(2, TunnelRole.SLAVE, peer("198.51.100.12"))));
        plane.report(token, List.of(new GatewayReport(gateway.id(), 1, List.of(up(c.id() + "-t2")))));
        var shown = stored(c);
        assertThat(shown.status()).isEqualTo(NegotiationStatus.IPSEC_SA_ESTABLISHED);
        assertThat(shown.tunnels()).extracting(Tunnel::status).containsExactly(
                NegotiationStatus.IKE_SA_NOT_ESTABLISHED, NegotiationStatus.IPSEC_SA_ESTABLISHED);
        assertThat(plane.transitions(f.scope, c.id())).extracting(StatusTransition::tunnelIndex)
                .containsExactlyInAnyOrder(0, 2);
    }

    @Test
    void aReportSpeaksOnlyForTheTokensGatewaysAndTheirPlannedTunnels() {
        var mine = newGateway();
        var theirs = newGateway();
        var token = tokenFor(mine).record();
        plane.hello(token, ADDRESS, "a", "d");
        var own = f.services.connections().create(f.scope, "", connection(mine.id(), peer("198.51.100.2")));
        var foreign = f.services.connections().create(f.scope, "", connection(theirs.id(), peer("198.51.100.3")));

        plane.report(token, List.of(new GatewayReport(theirs.id(), 1, List.of(up(foreign.id()))),
                new GatewayReport(mine.id(), 1, List.of(up(foreign.id()), up("not-a-tunnel")))));
        assertThat(stored(foreign).status()).isEqualTo(NegotiationStatus.IKE_SA_NOT_ESTABLISHED);
        assertThat(stored(own).status()).as("left out of the report: absent")
                .isEqualTo(NegotiationStatus.IKE_SA_NOT_ESTABLISHED);
        assertThat(plane.tunnelStates()).extracting(DataPlaneService.TunnelState::connectionId)
                .containsExactly(own.id());
    }

    @Test
    void aSilentAgentsTunnelsCountAsNotEstablishedUntilItReportsAgain() {
        var gateway = newGateway();
        var token = tokenFor(gateway).record();
        plane.hello(token, ADDRESS, "a", "d");
        var c = f.services.connections().create(f.scope, "", connection(gateway.id(), peer("198.51.100.2")));
        plane.report(token, List.of(new GatewayReport(gateway.id(), 1, List.of(up(c.id())))));
        assertThat(stored(c).status()).isEqualTo(NegotiationStatus.IPSEC_SA_ESTABLISHED);

        f.clock.advance(Duration.ofSeconds(30));
        assertThat(plane.expireSilentAgents()).as("silent for exactly the timeout").isZero();
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(plane.expireSilentAgents()).isEqualTo(1);
        assertThat(stored(c).status()).isEqualTo(NegotiationStatus.IKE_SA_NOT_ESTABLISHED);
        assertThat(plane.transitions(f.scope, c.id()).getFirst().at()).isEqualTo(f.clock.instant());
        assertThat(plane.tunnelStates()).extracting(DataPlaneService.TunnelState::up).containsExactly(false);
        assertThat(plane.presence(gateway.id()).orElseThrow().silent()).isTrue();
        assertThat(plane.expireSilentAgents()).as("marked once").isZero();

        plane.report(token, List.of(new GatewayReport(gateway.id(), 1, List.of(up(c.id())))));
        assertThat(stored(c).status()).isEqualTo(NegotiationStatus.IPSEC_SA_ESTABLISHED);
        assertThat(plane.tunnelStates()).extracting(DataPlaneService.TunnelState::up).containsExactly(true);
    }

    @Test
    void anAgentThatSaidHelloButNeverReportedFallsSilentToo() {
        var gateway = newGateway();
        var token = tokenFor(gateway).record();
        plane.hello(token, ADDRESS, "a", "d");
        f.clock.advance(Duration.ofSeconds(31));
        assertThat(plane.expireSilentAgents()).isEqualTo(1);
        plane.hello(token, ADDRESS, "a", "d");
        assertThat(plane.presence(gateway.id()).orElseThrow().silent()).isFalse();
    }

    @Test
    void aChangeKeepsTheStatusTheDataPlaneLastReported() {
        var gateway = newGateway();
        var token = tokenFor(gateway).record();
        plane.hello(token, ADDRESS, "a", "d");
        var c = f.services.connections().create(f.scope, "", connection(gateway.id(), peer("198.51.100.2")));
        plane.report(token, List.of(new GatewayReport(gateway.id(), 1, List.of(up(c.id())))));
        f.settle();
        f.services.connections().modify(f.scope, c.id(), d -> changed(d, "renamed", d.ike(), d.healthCheck()));
        assertThat(stored(c).status()).isEqualTo(NegotiationStatus.IPSEC_SA_ESTABLISHED);
    }

    /** What the data plane says beside the status, as Neutron's status words need it. */
    @Test
    void aConnectionIsPendingWhileItsAgentHasNotAppliedItsLatestChange() {
        var gateway = newGateway();
        var c = f.services.connections().create(f.scope, "", connection(gateway.id(), peer("198.51.100.2")));
        var ref = plane.locateConnection(c.id()).orElseThrow();
        assertThat(plane.status(ref).plane()).as("no agent").isEqualTo(ConnectionDataPlane.UNSERVED);

        var token = tokenFor(gateway).record();
        plane.hello(token, ADDRESS, "a", "d");
        assertThat(plane.status(ref).plane()).isEqualTo(new ConnectionDataPlane(true, true, null));
        long revision = plane.plans(token).revision();
        plane.report(token, List.of(new GatewayReport(gateway.id(), revision, List.of(up(c.id())))));
        assertThat(plane.status(ref).plane()).isEqualTo(new ConnectionDataPlane(true, false, null));

        f.settle();
        f.services.connections().modify(f.scope, c.id(), d -> changed(d, "renamed", d.ike(), d.healthCheck()));
        assertThat(plane.status(ref).plane().pending()).as("nothing to apply").isFalse();
        f.settle();
        f.services.connections().modify(f.scope, c.id(), d -> withIke(d, d.ike().withIdentities("me", "you")));
        assertThat(plane.status(ref).plane().pending()).isTrue();
        revision = plane.plans(token).revision();
        plane.report(token, List.of(new GatewayReport(gateway.id(), revision, List.of(
                new TunnelReport(c.id(), SaState.ABSENT, SaState.ABSENT, 0, 0, 0, 0, "no such proposal")))));
        assertThat(plane.status(ref).plane()).isEqualTo(new ConnectionDataPlane(true, false, "no such proposal"));

        f.clock.advance(Duration.ofSeconds(31));
        plane.expireSilentAgents();
        assertThat(plane.status(ref).plane()).as("silent: serves no one").isEqualTo(ConnectionDataPlane.UNSERVED);
    }

    private static HealthCheck probing(String destination) {
        return new HealthCheck(true, destination, "10.1.0.1", 2000, 1000, 3, "revoke_route");
    }

    private static TunnelReport withHealth(TunnelReport tunnel, Health health) {
        return tunnel.withHealth(health);
    }

    /** What the dialects' health fields show: the agent's verdict while it serves and has applied the check. */
    @Test
    void aHealthVerdictShowsOnlyWhileAnAgentServesTheCheckItApplied() {
        var gateway = newGateway();
        var plain = f.services.connections().create(f.scope, "", connection(gateway.id(), peer("198.51.100.2")));
        var draft = connection(gateway.id(), peer("198.51.100.3"));
        var c = f.services.connections().create(f.scope, "", changed(draft, "checked", draft.ike(),
                probing("10.2.0.1")));
        c = stored(c);
        assertThat(plane.health(List.of(plain))).as("no check: nothing read").isEmpty();
        assertThat(plane.health(List.of(plain, c))).as("no agent").containsExactly(Map.entry(c.id(),
                Health.UNKNOWN));

        var token = tokenFor(gateway).record();
        plane.hello(token, ADDRESS, "a", "d");
        long revision = plane.plans(token).revision();
        plane.report(token, List.of(new GatewayReport(gateway.id(), revision, List.of(up(plain.id()),
                withHealth(up(c.id()), Health.UP)))));
        assertThat(plane.health(List.of(c))).containsEntry(c.id(), Health.UP);
        plane.report(token, List.of(new GatewayReport(gateway.id(), revision, List.of(
                withHealth(up(c.id()), Health.DOWN)))));
        assertThat(plane.health(List.of(c))).containsEntry(c.id(), Health.DOWN);
        plane.report(token, List.of(new GatewayReport(gateway.id(), revision, List.of(up(c.id())))));
        assertThat(plane.health(List.of(c))).as("an agent that sends no verdict").containsEntry(c.id(),
                Health.UNKNOWN);

        plane.report(token, List.of(new GatewayReport(gateway.id(), revision, List.of(
                withHealth(up(c.id()), Health.UP)))));
        f.settle();
        var moved = f.services.connections().modify(f.scope, c.id(), d -> changed(d, d.name(), d.ike(),
                probing("10.2.0.9")));
        assertThat(plane.health(List.of(moved))).as("the verdict was on the old destination")
                .containsEntry(c.id(), Health.UNKNOWN);
        long applied = plane.plans(token).revision();
        plane.report(token, List.of(new GatewayReport(gateway.id(), applied, List.of(
                withHealth(up(c.id()), Health.UP)))));
        assertThat(plane.health(List.of(moved))).containsEntry(c.id(), Health.UP);

        f.clock.advance(Duration.ofSeconds(31));
        plane.expireSilentAgents();
        assertThat(plane.health(List.of(moved))).as("a silent agent's verdict is not shown")
                .containsEntry(c.id(), Health.UNKNOWN);
    }

    @Test
    void aDualTunnelConnectionIsHealthyThroughEitherTunnel() {
        var gateway = newGateway();
        var token = tokenFor(gateway).record();
        plane.hello(token, ADDRESS, "a", "d");
        var draft = dualTunnel(gateway.id(), tunnel(1, TunnelRole.MASTER, peer("198.51.100.11")),
                tunnel(2, TunnelRole.SLAVE, peer("198.51.100.12")));
        var c = f.services.connections().create(f.scope, "", changed(draft, "dual", draft.ike(), probing("10.2.0.1")));
        c = stored(c);
        long revision = plane.plans(token).revision();
        plane.report(token, List.of(new GatewayReport(gateway.id(), revision, List.of(
                withHealth(up(c.id() + "-t1"), Health.DOWN), withHealth(up(c.id() + "-t2"), Health.UP)))));
        assertThat(plane.health(List.of(c))).containsEntry(c.id(), Health.UP);
        plane.report(token, List.of(new GatewayReport(gateway.id(), revision, List.of(
                withHealth(up(c.id() + "-t1"), Health.DOWN), withHealth(up(c.id() + "-t2"), Health.UNKNOWN)))));
        assertThat(plane.health(List.of(c))).containsEntry(c.id(), Health.DOWN);
        assertThat(plane.status(plane.locateConnection(c.id()).orElseThrow()).tunnels())
                .extracting(TunnelObservation::health).containsExactly(Health.DOWN, Health.UNKNOWN);
    }

    @Test
    void theStatusViewHoldsTheAgentTheTunnelsAndTheHistory() {
        var gateway = newGateway();
        var token = tokenFor(gateway).record();
        plane.hello(token, ADDRESS, "vpnd-agent", "charon");
        var c = f.services.connections().create(f.scope, "", connection(gateway.id(), peer("198.51.100.2")));
        plane.report(token, List.of(new GatewayReport(gateway.id(), plane.plans(token).revision(),
                List.of(up(c.id())))));
        var wentUp = f.clock.instant();

        assertThat(plane.locateConnectionBySerial(c.serial())).contains(new ConnectionRef(f.scope, c.id()));
        assertThat(plane.locateConnection("no-such-connection")).isEmpty();
        var view = plane.status(new ConnectionRef(f.scope, c.id()));
        assertThat(view.connection().status()).isEqualTo(NegotiationStatus.IPSEC_SA_ESTABLISHED);
        assertThat(view.agent().orElseThrow().agent()).isEqualTo("vpnd-agent");
        assertThat(view.tunnels()).extracting(o -> o.bytesIn()).containsExactly(100L);
        assertThat(view.transitions()).containsExactly(
                new StatusTransition(c.id(), 0, NegotiationStatus.IPSEC_SA_ESTABLISHED, wentUp));
        assertThat(problem(() -> plane.status(new ConnectionRef(f.other, c.id()))))
                .isEqualTo(new Problem.NotFound(ResourceType.VPN_CONNECTION, c.id()));
    }

    @Test
    void aFlappingTunnelKeepsOnlyItsLatestTransitions() {
        var gateway = newGateway();
        var token = tokenFor(gateway).record();
        plane.hello(token, ADDRESS, "a", "d");
        var c = f.services.connections().create(f.scope, "", connection(gateway.id(), peer("198.51.100.2")));
        for (int i = 0; i < 60; i++) {
            f.clock.advance(Duration.ofSeconds(1));
            var state = i % 2 == 0 ? up(c.id()) : report(c.id(), SaState.ABSENT, SaState.ABSENT);
            plane.report(token, List.of(new GatewayReport(gateway.id(), 1, List.of(state))));
        }
        var kept = plane.transitions(f.scope, c.id());
        assertThat(kept).hasSize(dev.vpnd.core.port.DataPlaneStore.KEPT_TRANSITIONS);
        assertThat(kept.getFirst().at()).isEqualTo(f.clock.instant());
        assertThat(kept.getFirst().status()).isEqualTo(NegotiationStatus.IKE_SA_NOT_ESTABLISHED);
    }

    @Test
    void deletingAConnectionForgetsWhatTheDataPlaneSaidOfIt() {
        var gateway = newGateway();
        var token = tokenFor(gateway).record();
        plane.hello(token, ADDRESS, "a", "d");
        var c = f.services.connections().create(f.scope, "", connection(gateway.id(), peer("198.51.100.2")));
        plane.report(token, List.of(new GatewayReport(gateway.id(), 1, List.of(up(c.id())))));
        f.settle();
        f.services.connections().delete(f.scope, c.id());
        assertThat(plane.tunnelStates()).isEmpty();
        assertThat(problem(() -> plane.transitions(f.scope, c.id())))
                .isEqualTo(new Problem.NotFound(ResourceType.VPN_CONNECTION, c.id()));
    }
}
