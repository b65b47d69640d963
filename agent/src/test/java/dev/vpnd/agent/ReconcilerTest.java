package dev.vpnd.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.agent.charon.Plans;
import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.IpsecConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The reconciler against {@link FakeCharon}: what it loads, starts and removes, and what it reports. */
class ReconcilerTest {
    private final FakeCharon charon = new FakeCharon();
    private final Reconciler reconciler = new Reconciler(charon);

    private static final TunnelPlan STARTED = Plans.withInitiation(Plans.tunnel("vco-started"), Initiation.IMMEDIATE);
    private static final TunnelPlan PASSIVE = Plans.tunnel("vco-passive");

    private static GatewayPlan gateway(long revision, TunnelPlan... tunnels) {
        return new GatewayPlan("vgw-1", revision, Plans.GATEWAY, List.of(tunnels));
    }

    private List<String> pass(GatewayPlan... plans) throws IOException {
        charon.calls.clear();
        reconciler.reconcile(List.of(plans));
        return List.copyOf(charon.calls);
    }

    private TunnelReport report(GatewayPlan plan, String tunnel) throws IOException {
        GatewayReport report = reconciler.reconcile(List.of(plan)).getFirst();
        return report.tunnels().stream().filter(t -> t.name().equals(tunnel)).findFirst().orElseThrow();
    }

    @Test
    void anEmptyCharonGetsEveryTunnelAndTheStartedOnesComeUp() throws IOException {
        List<GatewayReport> reports = reconciler.reconcile(List.of(gateway(7, STARTED, PASSIVE)));
        assertThat(charon.calls).containsExactly("loadShared psk-vco-started", "loadConn vco-started",
                "loadShared psk-vco-passive", "loadConn vco-passive");
        assertThat(charon.conns).containsOnlyKeys("vco-started", "vco-passive");
        assertThat(charon.keys).containsOnlyKeys("psk-vco-started", "psk-vco-passive");
        GatewayReport report = reports.getFirst();
        assertThat(report.gatewayId()).isEqualTo("vgw-1");
        assertThat(report.appliedRevision()).isEqualTo(7);
        assertThat(report.tunnels()).extracting(TunnelReport::name).containsExactly("vco-started", "vco-passive");
        assertThat(report.tunnels().get(0).up()).isTrue();
        assertThat(report.tunnels().get(1).ike()).isEqualTo(SaState.ABSENT);
        assertThat(report.tunnels()).allSatisfy(t -> assertThat(t.configError()).isNull());
    }

    @Test
    void anUnchangedPlanChangesNothing() throws IOException {
        pass(gateway(1, STARTED, PASSIVE));
        assertThat(pass(gateway(1, STARTED, PASSIVE))).isEmpty();
        assertThat(pass(gateway(2, STARTED, PASSIVE))).as("a new revision with the same tunnels").isEmpty();
    }

    @Test
    void aStartedTunnelThatWentDownIsStartedAgainAPassiveOneIsNot() throws IOException {
        pass(gateway(1, STARTED, PASSIVE));
        charon.initiate(PASSIVE.name());
        charon.lose(STARTED.name());
        charon.lose(PASSIVE.name());
        assertThat(pass(gateway(1, STARTED, PASSIVE))).containsExactly("initiate vco-started");
        assertThat(charon.sas).containsOnlyKeys("vco-started");
    }

    @Test
    void aStartedTunnelWhosePeerIsMissingIsTriedAgainOnItsScheduleAndAtOnceOnceUpAndLost() throws IOException {
        var clock = new AtomicLong();
        var timed = new Reconciler(charon, Duration.ofSeconds(10), clock::get);
        charon.peerless.add(STARTED.name());
        timed.reconcile(List.of(gateway(1, STARTED)));
        assertThat(charon.sas).as("loading started it, and it failed").isEmpty();
        long firstRetry = timed.nextRetry().orElseThrow();
        assertThat(firstRetry).isBetween(second(0.5), second(1));

        charon.calls.clear();
        clock.set(firstRetry - second(0.6));
        timed.reconcile(List.of(gateway(1, STARTED)));
        assertThat(charon.calls).as("not due yet").isEmpty();
        clock.set(firstRetry);
        timed.reconcile(List.of(gateway(1, STARTED)));
        assertThat(charon.calls).containsExactly("initiate vco-started");
        long secondRetry = timed.nextRetry().orElseThrow();
        assertThat(secondRetry - firstRetry).as("the wait doubled").isBetween(second(1), second(2));

        charon.peerless.clear();
        charon.calls.clear();
        clock.set(secondRetry);
        timed.reconcile(List.of(gateway(1, STARTED)));
        assertThat(charon.calls).containsExactly("initiate vco-started");
        assertThat(timed.nextRetry()).as("up: nothing scheduled").isEmpty();

        charon.lose(STARTED.name());
        timed.observe(List.of(gateway(1, STARTED)));
        long afterLoss = timed.nextRetry().orElseThrow();
        assertThat(afterLoss - secondRetry).as("seen down: the first wait again").isBetween(second(0.5), second(1));
        charon.calls.clear();
        clock.set(afterLoss);
        timed.reconcile(List.of(gateway(1, STARTED)));
        assertThat(charon.calls).containsExactly("initiate vco-started");
    }

    @Test
    void charonsStartTimeReadASecondApartIsTheSameStart() {
        assertThat(Reconciler.sameStart("Dec 04 20:43:48 2026", "Dec 04 20:43:47 2026")).isTrue();
        assertThat(Reconciler.sameStart("Dec 31 23:59:59 2026", "Jan 01 00:00:00 2027")).isTrue();
        assertThat(Reconciler.sameStart("Dec 04 20:43:48 2026", "Dec 04 20:43:50 2026")).isFalse();
        assertThat(Reconciler.sameStart("not a time", "not a time")).isTrue();
        assertThat(Reconciler.sameStart("not a time", "another")).isFalse();
    }

    private static long second(double seconds) {
        return (long) (seconds * 1e9);
    }

    @Test
    void aTunnelStillNegotiatingIsLeftAlone() throws IOException {
        pass(gateway(1, STARTED));
        charon.sas.put(STARTED.name(), new TunnelReport(STARTED.name(), SaState.CONNECTING, SaState.ABSENT, 0, 0, 0,
                0, null));
        assertThat(pass(gateway(1, STARTED))).isEmpty();
    }

    @Test
    void aChangedTunnelIsRenegotiatedWithItsNewSettings() throws IOException {
        pass(gateway(1, STARTED, PASSIVE));
        charon.initiate(PASSIVE.name());
        var ipsec = STARTED.ipsec();
        var newCipher = new IpsecConfig(Encryption.AES_256, ipsec.integrity(), ipsec.pfs(), ipsec.lifetimeSeconds(),
                0);
        TunnelPlan started = Plans.withIpsec(STARTED, newCipher);
        TunnelPlan passive = Plans.withIpsec(PASSIVE, newCipher);
        assertThat(pass(gateway(2, started, passive))).containsExactly(
                "terminate vco-started", "loadShared psk-vco-started", "loadConn vco-started",
                "terminate vco-passive", "loadShared psk-vco-passive", "loadConn vco-passive");
        assertThat(charon.conns.get("vco-started").toString()).contains("esp_proposals=[aes256-sha1-modp1024]");
        assertThat(charon.sas).as("the started one came up again, the passive one waits for its peer")
                .containsOnlyKeys("vco-started");
    }

    @Test
    void aNewKeyIsLoadedAndTheTunnelRenegotiated() throws IOException {
        pass(gateway(1, STARTED));
        TunnelPlan rekeyed = Plans.withIke(STARTED, STARTED.ike().withPsk(new dev.vpnd.core.model.Secret("new")));
        // The connection itself did not change, so loading it does not start it: the pass starts it.
        assertThat(pass(gateway(2, rekeyed))).containsExactly("terminate vco-started", "loadShared psk-vco-started",
                "loadConn vco-started", "initiate vco-started");
        assertThat(charon.sas).containsOnlyKeys("vco-started");
        assertThat(pass(gateway(2, rekeyed))).isEmpty();
        assertThat(charon.keys.get("psk-vco-started").string("data")).contains("new");
    }

    @Test
    void aTunnelInNoPlanIsRemovedAndSoIsAnythingCharonHoldsBesides() throws IOException {
        pass(gateway(1, STARTED, PASSIVE));
        charon.conns.put("foreign", ViciMessage.builder().section("foreign", c -> c.put("version", "2")).build());
        charon.keys.put("foreign-key", ViciMessage.EMPTY);
        assertThat(pass(gateway(2, PASSIVE))).containsExactlyInAnyOrder("unloadConn vco-started",
                "terminate vco-started", "unloadConn foreign", "unloadShared psk-vco-started",
                "unloadShared foreign-key");
        assertThat(charon.conns).containsOnlyKeys("vco-passive");
        assertThat(charon.keys).containsOnlyKeys("psk-vco-passive");
        assertThat(charon.sas).isEmpty();
        assertThat(pass()).containsExactly("unloadConn vco-passive", "unloadShared psk-vco-passive");
    }

    @Test
    void leftoverSasOfAnUnloadedTunnelAreTerminated() throws IOException {
        charon.sas.put("gone", new TunnelReport("gone", SaState.ESTABLISHED, SaState.ESTABLISHED, 0, 0, 0, 0, null));
        assertThat(pass()).containsExactly("terminate gone");
    }

    @Test
    void aRestartedCharonGetsEverythingAgain() throws IOException {
        pass(gateway(1, STARTED, PASSIVE));
        charon.restart("Dec 04 11:00:00 2026");
        assertThat(pass(gateway(1, STARTED, PASSIVE))).containsExactly("loadShared psk-vco-started",
                "loadConn vco-started", "loadShared psk-vco-passive", "loadConn vco-passive");
        assertThat(charon.sas).containsOnlyKeys("vco-started");
    }

    @Test
    void aRestartWithinTheSameSecondShowsByWhatIsMissing() throws IOException {
        pass(gateway(1, STARTED));
        charon.restart("Dec 04 10:00:00 2026");
        assertThat(pass(gateway(1, STARTED))).containsExactly("loadShared psk-vco-started", "loadConn vco-started");
    }

    @Test
    void anUnreachableCharonFailsThePassAndTheNextOneCatchesUp() throws IOException {
        charon.down = true;
        assertThatThrownBy(() -> reconciler.reconcile(List.of(gateway(1, STARTED)))).isInstanceOf(IOException.class);
        charon.down = false;
        assertThat(report(gateway(1, STARTED), "vco-started").up()).isTrue();
    }

    @Test
    void whatCharonLacksIsReportedAndNotLoaded() throws IOException {
        pass(gateway(1, STARTED));
        TunnelPlan sm4 = Plans.withIpsec(STARTED, new IpsecConfig(Encryption.SM4, STARTED.ipsec().integrity(),
                STARTED.ipsec().pfs(), 3600, 0));
        assertThat(pass(gateway(2, sm4))).containsExactlyInAnyOrder("unloadConn vco-started",
                "terminate vco-started", "unloadShared psk-vco-started");
        TunnelReport report = report(gateway(2, sm4), "vco-started");
        assertThat(report.configError()).isEqualTo("strongSwan has no SM4 cipher");
        assertThat(report.ike()).isEqualTo(SaState.ABSENT);
        assertThat(charon.sas).isEmpty();
    }

    @Test
    void whatCharonRefusesIsReportedWithItsReason() throws IOException {
        charon.refused.add(PASSIVE.name());
        TunnelReport report = report(gateway(1, PASSIVE), "vco-passive");
        assertThat(report.configError()).isEqualTo(
                "charon refused connection [vco-passive]: invalid value for: proposals");
        assertThat(charon.conns).isEmpty();
        assertThat(charon.keys).as("the key of a refused tunnel is not left behind").isEmpty();
        charon.refused.clear();
        assertThat(report(gateway(2, PASSIVE), "vco-passive").configError()).isNull();
        assertThat(charon.conns).containsOnlyKeys("vco-passive");
    }

    @Test
    void aTunnelNameInTwoGatewaysIsAnErrorOnTheSecond() throws IOException {
        var first = new GatewayPlan("vgw-1", 3, Plans.GATEWAY, List.of(PASSIVE));
        var second = new GatewayPlan("vgw-2", 4, "198.51.100.9", List.of(PASSIVE));
        List<GatewayReport> reports = reconciler.reconcile(List.of(first, second));
        assertThat(reports.get(0).tunnels().getFirst().configError()).isNull();
        assertThat(reports.get(1).tunnels().getFirst().configError()).contains("also in another gateway's plan");
        assertThat(reports.get(1).appliedRevision()).isEqualTo(4);
        assertThat(charon.conns).containsOnlyKeys("vco-passive");
    }

    @Test
    void observingListsTheSasKeepsTheLastErrorsAndChangesNothing() throws IOException {
        charon.refused.add(PASSIVE.name());
        GatewayPlan plan = gateway(1, STARTED, PASSIVE);
        reconciler.reconcile(List.of(plan));
        charon.lose(STARTED.name());
        charon.calls.clear();
        GatewayReport seen = reconciler.observe(List.of(plan)).getFirst();
        assertThat(charon.calls).as("no load, no initiate").isEmpty();
        assertThat(seen.tunnels().get(0).ike()).isEqualTo(SaState.ABSENT);
        assertThat(seen.tunnels().get(1).configError()).contains("invalid value for: proposals");
    }
}
