package dev.vpnd.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.agent.charon.CharonPair;
import dev.vpnd.agent.charon.Plans;
import dev.vpnd.agent.charon.ViciCharon;
import dev.vpnd.agent.protocol.AgentClient;
import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.agent.vici.ViciSession;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent driving a real charon ({@link CharonPair}'s gateway side) for a {@link FakeVpnd}, while
 * the peer side is kept on the mirrored plan by a reconciler of its own: a served plan comes up and
 * vpnd hears of it within a second or two, a changed cipher is renegotiated, a removed tunnel leaves
 * charon, a killed charon gets its tunnel back without help, and an agent that restarts, even while
 * vpnd is away, leaves the established IKE SA as it is. vpnd asks for reports only every minute, so
 * every report these tests wait for was sent because something happened.
 */
class AgentCharonTest {
    private static final Duration SOON = Duration.ofSeconds(5);
    private static CharonPair pair;

    private final List<AutoCloseable> open = new ArrayList<>();
    private FakeVpnd vpnd;
    private Reconciler peer;

    @BeforeAll
    static void startCharons() {
        pair = CharonPair.start();
    }

    @AfterAll
    static void stopCharons() {
        if (pair != null) {
            pair.close();
        }
    }

    @BeforeEach
    void start() {
        vpnd = FakeVpnd.start(60);
        var peerCharon = new ViciCharon(pair.peer().vici(), Duration.ofSeconds(10));
        open.add(peerCharon);
        peer = new Reconciler(peerCharon);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
        vpnd.close();
        // both charons empty again, no SA still being deleted, before the next test starts its own
        try (var gateway = new ViciCharon(pair.gateway().vici(), Duration.ofSeconds(10));
                var customer = new ViciCharon(pair.peer().vici(), Duration.ofSeconds(10))) {
            new Reconciler(gateway).reconcile(List.of());
            peer.reconcile(List.of());
            await("both charons hold no SA", () -> {
                try {
                    return gateway.tunnels().isEmpty() && customer.tunnels().isEmpty();
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    private Agent agent() throws IOException {
        var settings = AgentSettings.of(vpnd.url(), FakeVpnd.TOKEN).withPublicAddress(Plans.GATEWAY)
                .withRetryMax(Duration.ofSeconds(1));
        var charon = new ViciCharon(pair.gateway().vici(), Duration.ofSeconds(10));
        var agent = new Agent(settings, new AgentClient(vpnd.url(), FakeVpnd.TOKEN), charon, charon,
                AgentListener.NONE);
        open.add(charon);
        open.add(agent);
        agent.start();
        return agent;
    }

    /** Serves {@code tunnels} on the gateway and loads their mirrors on the peer; the revision. */
    private long serve(TunnelPlan... tunnels) throws IOException {
        var mirrored = new ArrayList<TunnelPlan>();
        for (TunnelPlan tunnel : tunnels) {
            mirrored.add(Plans.mirrored(tunnel));
        }
        peer.reconcile(List.of(new GatewayPlan("peer", 1, Plans.PEER, mirrored)));
        return vpnd.serve("vgw-1", Plans.GATEWAY, tunnels);
    }

    /** {@link FakeVpnd#awaitReport}, with both charons' logs when it fails. */
    private FakeVpnd.Received awaitReport(long since, Predicate<FakeVpnd.Received> what,
            Duration within) throws InterruptedException {
        try {
            return vpnd.awaitReport(since, what, within);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + pair.logs(), e);
        }
    }

    private static boolean up(FakeVpnd.Received received, String tunnel) {
        return received.tunnel(tunnel).map(TunnelReport::up).orElse(false);
    }

    private static List<ViciMessage> gatewaySas() throws IOException {
        try (ViciSession session = pair.session(pair.gateway())) {
            return ViciCharon.listSas(session);
        }
    }

    /** The unique ids of the gateway's IKE SAs. */
    private static List<String> ikeSaIds() throws IOException {
        var ids = new ArrayList<String>();
        for (ViciMessage event : gatewaySas()) {
            event.sections().forEach(sa -> ids.add(sa.body().string("uniqueid").orElseThrow()));
        }
        return ids;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s within 10 s; %s", what, pair.logs()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static final TunnelPlan TUNNEL = Plans.withInitiation(Plans.tunnel("vco-agent"), Initiation.IMMEDIATE);

    @Test
    void aServedTunnelComesUpFollowsItsPlanAndLeaves() throws Exception {
        agent();
        long since = System.nanoTime();
        long revision = serve(TUNNEL);
        FakeVpnd.Received up = awaitReport(since, r -> up(r, TUNNEL.name()), SOON);
        assertThat(Duration.ofNanos(up.at() - since)).as("served to reported established")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(up.gateway("vgw-1").map(GatewayReport::appliedRevision)).contains(revision);
        assertThat(pair.ping(pair.gateway(), "10.2.0.1", 2)).as("ping; %s", pair.logs()).isTrue();

        var ipsec = TUNNEL.ipsec();
        TunnelPlan aes256 = Plans.withIpsec(TUNNEL, new IpsecConfig(Encryption.AES_256, ipsec.integrity(),
                ipsec.pfs(), ipsec.lifetimeSeconds(), 0));
        since = System.nanoTime();
        long changed = serve(aes256);
        awaitReport(since, r -> up(r, TUNNEL.name())
                && r.gateway("vgw-1").map(g -> g.appliedRevision() == changed).orElse(false), SOON);
        await("the CHILD_SA runs AES-256", () -> {
            try {
                return gatewaySas().stream().anyMatch(sa -> sa.section(TUNNEL.name())
                        .flatMap(ikeSa -> ikeSa.section("child-sas"))
                        .map(children -> children.sections().stream().anyMatch(child -> child.body()
                                .string("encr-keysize").orElse("").equals("256"))).orElse(false));
            } catch (IOException e) {
                return false;
            }
        });

        since = System.nanoTime();
        long removed = serve();
        FakeVpnd.Received gone = awaitReport(since, r -> r.gateway("vgw-1")
                .map(g -> g.appliedRevision() == removed).orElse(false), SOON);
        assertThat(gone.tunnel(TUNNEL.name())).isEmpty();
        try (var gateway = new ViciCharon(pair.gateway().vici(), Duration.ofSeconds(10))) {
            assertThat(gateway.connections()).isEmpty();
            await("no SA left", () -> {
                try {
                    return gateway.tunnels().isEmpty();
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    /**
     * The peer learns of the tunnel 1.5 s after the gateway first starts it, which its charon refuses at
     * once (no such connection there): the agent tries again after 0.5 to 1 s, then after 1 to 2 s
     * more, so the attempt after the peer appeared comes within 1.5 s of it, not at the next full pass.
     */
    @Test
    void aTunnelWhosePeerAppearsLateComesUpWithinTwoSecondsOfIt() throws Exception {
        agent();
        long served = System.nanoTime();
        vpnd.serve("vgw-1", Plans.GATEWAY, TUNNEL);
        await("the gateway holds the tunnel", () -> {
            try (var gateway = new ViciCharon(pair.gateway().vici(), Duration.ofSeconds(10))) {
                return gateway.connections().contains(TUNNEL.name());
            } catch (IOException e) {
                return false;
            }
        });
        Thread.sleep(Math.max(0, Duration.ofMillis(1_500).toMillis() - Duration.ofNanos(System.nanoTime() - served)
                .toMillis()));
        assertThat(gatewaySas()).as("no peer yet: no SA").isEmpty();

        long appeared = System.nanoTime();
        peer.reconcile(List.of(new GatewayPlan("peer", 1, Plans.PEER, List.of(Plans.mirrored(TUNNEL)))));
        FakeVpnd.Received up = awaitReport(appeared, r -> up(r, TUNNEL.name()), SOON);
        assertThat(Duration.ofNanos(up.at() - appeared)).as("peer appeared to reported established")
                .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aKilledCharonGetsItsTunnelBackWithoutHelp() throws Exception {
        agent();
        serve(TUNNEL);
        awaitReport(0, r -> up(r, TUNNEL.name()), SOON);

        long since = System.nanoTime();
        pair.killAndRestart(pair.gateway());
        FakeVpnd.Received down = awaitReport(since, r -> r.tunnel(TUNNEL.name())
                .map(t -> t.ike() == SaState.ABSENT).orElse(false), SOON);
        awaitReport(down.at(), r -> up(r, TUNNEL.name()), Duration.ofSeconds(10));
        assertThat(pair.ping(pair.gateway(), "10.2.0.1", 2)).as("ping after the restart; %s", pair.logs()).isTrue();
    }

    @Test
    void anAgentRestartLeavesTheEstablishedTunnelAlone() throws Exception {
        Agent first = agent();
        long revision = serve(TUNNEL);
        awaitReport(0, r -> up(r, TUNNEL.name()), SOON);
        List<String> ids = ikeSaIds();
        assertThat(ids).hasSize(1);

        first.close();
        long since = System.nanoTime();
        Agent second = agent();
        FakeVpnd.Received again = awaitReport(since, r -> up(r, TUNNEL.name()), SOON);
        assertThat(again.gateway("vgw-1").map(GatewayReport::appliedRevision)).contains(revision);
        Thread.sleep(1_000);
        assertThat(ikeSaIds()).as("the same IKE SA, nothing renegotiated").isEqualTo(ids);

        second.close();
        vpnd.stop();
        agent();
        Thread.sleep(1_500);
        assertThat(ikeSaIds()).as("an agent started while vpnd is away leaves charon alone").isEqualTo(ids);
        since = System.nanoTime();
        vpnd.restart();
        awaitReport(since, r -> up(r, TUNNEL.name()), SOON);
        Thread.sleep(500);
        assertThat(ikeSaIds()).as("nor does it once vpnd is back").isEqualTo(ids);
    }
}
