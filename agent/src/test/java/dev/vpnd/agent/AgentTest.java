package dev.vpnd.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.agent.charon.CharonConfig;
import dev.vpnd.agent.charon.Plans;
import dev.vpnd.agent.protocol.AgentClient;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.Initiation;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's loop against {@link FakeCharon} and {@link FakeVpnd}: what it does when, and what it
 * leaves alone. vpnd asks for a report every minute here, so every report a test waits for came
 * because something happened, not from the timer.
 */
class AgentTest {
    private static final TunnelPlan STARTED = Plans.withInitiation(Plans.tunnel("vco-started"), Initiation.IMMEDIATE);
    private static final Duration SOON = Duration.ofSeconds(3);

    private final FakeCharon charon = new FakeCharon();
    private final List<Agent> agents = new ArrayList<>();
    private FakeVpnd vpnd = FakeVpnd.start(60);

    @AfterEach
    void stop() {
        agents.forEach(Agent::close);
        vpnd.close();
    }

    private Agent agent(String token, AgentListener listener) throws IOException {
        var settings = AgentSettings.of(vpnd.url(), token).withPublicAddress(Plans.GATEWAY)
                .withRetryMax(Duration.ofMillis(500));
        var agent = new Agent(settings, new AgentClient(vpnd.url(), token), charon, charon, listener);
        agents.add(agent);
        agent.start();
        return agent;
    }

    private Agent agent() throws IOException {
        return agent(FakeVpnd.TOKEN, AgentListener.NONE);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s within %s", what, SOON).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static boolean up(FakeVpnd.Received received, String tunnel) {
        return received.tunnel(tunnel).map(TunnelReport::up).orElse(false);
    }

    @Test
    void theAgentSaysHelloAppliesThePlanAndReportsIt() throws Exception {
        agent();
        await("a hello", () -> !vpnd.hellos().isEmpty());
        assertThat(vpnd.hellos().getFirst().publicAddress()).isEqualTo(Plans.GATEWAY);
        assertThat(vpnd.hellos().getFirst().daemon()).isEqualTo("charon-fake 1.0");
        assertThat(vpnd.hellos().getFirst().agent()).startsWith("vpnd-agent ");

        long since = System.nanoTime();
        long revision = vpnd.serve("vgw-1", Plans.GATEWAY, STARTED);
        FakeVpnd.Received report = vpnd.awaitReport(since, r -> up(r, STARTED.name()), SOON);
        assertThat(report.gateway("vgw-1").map(GatewayReport::appliedRevision)).contains(revision);
        assertThat(charon.connNames()).containsExactly(STARTED.name());
        assertThat(charon.callsSoFar()).containsExactly("loadShared " + CharonConfig.sharedId(STARTED.name()),
                "loadConn " + STARTED.name());
    }

    @Test
    void anSaEventIsReportedAtOnceWithoutLoadingAnything() throws Exception {
        agent();
        vpnd.serve("vgw-1", Plans.GATEWAY, STARTED);
        vpnd.awaitReport(0, r -> up(r, STARTED.name()), SOON);
        int calls = charon.callsSoFar().size();

        long since = System.nanoTime();
        charon.lose(STARTED.name());
        charon.fire();
        FakeVpnd.Received report = vpnd.awaitReport(since, r -> r.tunnel(STARTED.name())
                .map(t -> t.ike() == SaState.ABSENT).orElse(false), Duration.ofSeconds(1));
        assertThat(report.at() - since).isLessThan(Duration.ofSeconds(1).toNanos());
        assertThat(charon.callsSoFar()).as("an event only lists the SAs").hasSize(calls);
    }

    @Test
    void charonIsLeftAsItIsUntilVpndHasAnswered() throws Exception {
        TunnelPlan old = Plans.tunnel("vco-old");
        new Reconciler(charon).reconcile(List.of(new GatewayPlan("vgw-1", 1, Plans.GATEWAY,
                List.of(old))));
        vpnd.stop();
        agent();
        Thread.sleep(1_500);
        assertThat(charon.connNames()).as("vpnd is away: nothing is removed").containsExactly(old.name());

        vpnd.restart();
        vpnd.serve("vgw-1", Plans.GATEWAY, STARTED);
        await("the plan applied once vpnd answers", () -> charon.connNames().equals(Set.of(STARTED.name())));
    }

    @Test
    void vpndGoingAwayLeavesTheTunnelsAndItsReturnGetsAReportAtOnce() throws Exception {
        agent();
        vpnd.serve("vgw-1", Plans.GATEWAY, STARTED);
        vpnd.awaitReport(0, r -> up(r, STARTED.name()), SOON);
        int calls = charon.callsSoFar().size();

        vpnd.stop();
        charon.lose(STARTED.name());
        charon.fire();
        Thread.sleep(1_500);
        List<String> meanwhile = charon.callsSoFar().subList(calls, charon.callsSoFar().size());
        assertThat(meanwhile).as("nothing is unloaded while vpnd is away; the lost tunnel is started again")
                .containsExactly("initiate " + STARTED.name());

        long since = System.nanoTime();
        vpnd.restart();
        vpnd.awaitReport(since, r -> r.tunnel(STARTED.name()).isPresent(), SOON);
        await("hello again after vpnd came back", () -> vpnd.hellos().size() >= 2);
    }

    @Test
    void charonDownIsReportedAbsentAndEverythingIsLoadedAgainWhenItIsBack() throws Exception {
        agent();
        long revision = vpnd.serve("vgw-1", Plans.GATEWAY, STARTED);
        vpnd.awaitReport(0, r -> up(r, STARTED.name()), SOON);

        long since = System.nanoTime();
        charon.goDown();
        FakeVpnd.Received absent = vpnd.awaitReport(since, r -> r.tunnel(STARTED.name())
                .map(t -> t.ike() == SaState.ABSENT).orElse(false), SOON);
        assertThat(absent.gateway("vgw-1").map(GatewayReport::appliedRevision))
                .as("the revision last applied").contains(revision);

        since = System.nanoTime();
        charon.comeBack("Dec 04 11:00:00 2026");
        vpnd.awaitReport(since, r -> up(r, STARTED.name()), SOON);
        assertThat(charon.connNames()).containsExactly(STARTED.name());
    }

    @Test
    void aChangedPlanIsAppliedAndATunnelLeavingItIsRemoved() throws Exception {
        var changes = new CopyOnWriteArrayList<String>();
        agent(FakeVpnd.TOKEN, new AgentListener() {
            @Override
            public void tunnelChanged(String gatewayId, TunnelReport tunnel) {
                changes.add(tunnel.name() + " " + tunnel.ike());
            }

            @Override
            public void tunnelRemoved(String gatewayId, String tunnel) {
                changes.add(tunnel + " removed");
            }

            @Override
            public void plansArriving(List<GatewayPlan> plans) {
                changes.add("arriving " + plans.getFirst().revision() + ", charon holds " + charon.connNames().size());
            }

            @Override
            public void plansApplied(List<GatewayPlan> plans) {
                changes.add("applied " + plans.getFirst().revision() + " " + plans.getFirst().tunnels().size());
            }
        });
        TunnelPlan passive = Plans.tunnel("vco-passive");
        vpnd.serve("vgw-1", Plans.GATEWAY, STARTED, passive);
        vpnd.awaitReport(0, r -> up(r, STARTED.name()), SOON);

        long since = System.nanoTime();
        long revision = vpnd.serve("vgw-1", Plans.GATEWAY, passive);
        FakeVpnd.Received report = vpnd.awaitReport(since, r -> r.gateway("vgw-1")
                .map(g -> g.appliedRevision() == revision).orElse(false), SOON);
        assertThat(report.tunnel(STARTED.name())).isEmpty();
        assertThat(charon.connNames()).containsExactly(passive.name());
        await("the listener heard of the removal", () -> changes.contains(STARTED.name() + " removed"));
        assertThat(changes).as("each plan is told before charon gets it and once it has it").containsSubsequence(
                "arriving 1, charon holds 0", "applied 1 2", "arriving " + revision + ", charon holds 2",
                "applied " + revision + " 1");
    }

    @Test
    void withNothingNewTheAgentReportsEveryReportSeconds() throws Exception {
        vpnd.close();
        vpnd = FakeVpnd.start(1);
        agent();
        vpnd.serve("vgw-1", Plans.GATEWAY, STARTED);
        FakeVpnd.Received first = vpnd.awaitReport(0, r -> up(r, STARTED.name()), SOON);
        FakeVpnd.Received second = vpnd.awaitReport(first.at() + 1, r -> true, SOON);
        assertThat(second.at() - first.at()).as("a second apart").isGreaterThan(Duration.ofMillis(800).toNanos());
        FakeVpnd.Received third = vpnd.awaitReport(second.at() + 1, r -> true, SOON);
        assertThat(third.at() - second.at()).isGreaterThan(Duration.ofMillis(800).toNanos());
    }

    @Test
    void aRefusedTokenTouchesNothingAndIsTriedAgain() throws Exception {
        new Reconciler(charon).reconcile(List.of(new GatewayPlan("vgw-1", 1, Plans.GATEWAY,
                List.of(STARTED))));
        vpnd.serve("vgw-1", Plans.GATEWAY);
        agent("not-the-token", AgentListener.NONE);
        await("tried more than once", () -> vpnd.refused() >= 2);
        assertThat(charon.connNames()).containsExactly(STARTED.name());
        assertThat(vpnd.reports()).isEmpty();
    }
}
