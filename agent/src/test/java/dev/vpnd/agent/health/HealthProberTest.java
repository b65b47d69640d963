package dev.vpnd.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.agent.charon.Plans;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.HealthCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The prober with a scripted probe: what it probes, how often, how many at once, and what the reports
 * then say. Probe timings are the smallest a check takes (an interval of {@value HealthProber#MIN_INTERVAL_MILLIS}
 * ms), so each test runs in well under a second or two.
 */
class HealthProberTest {
    private static final int RETRIES = 3;

    /** Answers by destination (unanswered by default), counting calls, optionally held at a gate. */
    private static final class ScriptedProbe implements Probe {
        final Map<String, Boolean> answers = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> runningPerTunnel = new ConcurrentHashMap<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger mostAtOnceForOneTunnel = new AtomicInteger();
        final AtomicInteger interrupted = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public boolean answered(String source, String destination, Duration timeout) throws InterruptedException {
            calls.computeIfAbsent(destination, d -> new AtomicInteger()).incrementAndGet();
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            mostAtOnceForOneTunnel.accumulateAndGet(runningPerTunnel.computeIfAbsent(destination,
                    d -> new AtomicInteger()).incrementAndGet(), Math::max);
            try {
                gate.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            } finally {
                running.decrementAndGet();
                runningPerTunnel.get(destination).decrementAndGet();
            }
            return answers.getOrDefault(destination, false);
        }

        int calls(String destination) {
            return calls.getOrDefault(destination, new AtomicInteger()).get();
        }
    }

    private final ScriptedProbe probe = new ScriptedProbe();
    private final AtomicInteger verdicts = new AtomicInteger();
    private HealthProber prober = new HealthProber(probe, 4, verdicts::incrementAndGet);

    @AfterEach
    void close() {
        probe.gate = new CountDownLatch(0);
        prober.close();
    }

    /** A tunnel of the test plans probing from 10.1.0.1 to {@code destination}. */
    private static TunnelPlan checked(String name, String destination) {
        return Plans.withHealthCheck(Plans.tunnel(name), new HealthCheck(true, destination, "10.1.0.1",
                (int) HealthProber.MIN_INTERVAL_MILLIS, 50, RETRIES, "revoke_route"));
    }

    private static List<GatewayPlan> plans(TunnelPlan... tunnels) {
        return List.of(new GatewayPlan("vgw-1", 1, Plans.GATEWAY, List.of(tunnels)));
    }

    /** One pass's report: every tunnel of {@code tunnels} in {@code state}. */
    private static List<GatewayReport> reports(SaState state, TunnelPlan... tunnels) {
        var out = new ArrayList<TunnelReport>();
        for (TunnelPlan tunnel : tunnels) {
            out.add(new TunnelReport(tunnel.name(), state, state, 0, 0, 0, 0, null));
        }
        return List.of(new GatewayReport("vgw-1", 1, out));
    }

    private Health verdict(SaState state, TunnelPlan tunnel) {
        return prober.withHealth(plans(tunnel), reports(state, tunnel)).getFirst().tunnels().getFirst().health();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void anAnsweredProbeMakesTheTunnelUpAndTheChangeIsTold() throws Exception {
        TunnelPlan tunnel = checked("vco-a", "10.2.0.1");
        probe.answers.put("10.2.0.1", true);
        probe.gate = new CountDownLatch(1);
        assertThat(verdict(SaState.ESTABLISHED, tunnel)).as("before any probe's answer").isEqualTo(Health.UNKNOWN);
        assertThat(verdicts).hasValue(0);
        probe.gate.countDown();
        await("told of the verdict", () -> verdicts.get() == 1);
        assertThat(verdict(SaState.ESTABLISHED, tunnel)).isEqualTo(Health.UP);

        probe.answers.put("10.2.0.1", false);
        long since = System.nanoTime();
        await("down", () -> verdict(SaState.ESTABLISHED, tunnel) == Health.DOWN);
        assertThat(Duration.ofNanos(System.nanoTime() - since)).as("three probes an interval apart")
                .isGreaterThanOrEqualTo(Duration.ofMillis(2 * HealthProber.MIN_INTERVAL_MILLIS - 20));
        // The verdict is kept before the change is told: the telling may come a moment after.
        await("told of the change", () -> verdicts.get() == 2);
    }

    @Test
    void aTunnelThatIsNotUpIsNotProbedAndGoesDownAfterItsRetries() throws Exception {
        TunnelPlan tunnel = checked("vco-a", "10.2.0.1");
        probe.answers.put("10.2.0.1", true);
        await("down", () -> verdict(SaState.CONNECTING, tunnel) == Health.DOWN);
        assertThat(probe.calls("10.2.0.1")).as("no echo while the tunnel is not up").isZero();

        await("up once the tunnel is", () -> verdict(SaState.ESTABLISHED, tunnel) == Health.UP);
        assertThat(probe.calls("10.2.0.1")).isPositive();
    }

    @Test
    void addressesOutsideTheTrafficSelectorsAreNeverSent() throws Exception {
        TunnelPlan outside = checked("vco-a", "192.0.2.1");
        probe.answers.put("192.0.2.1", true);
        await("down", () -> verdict(SaState.ESTABLISHED, outside) == Health.DOWN);
        TunnelPlan noSource = Plans.withHealthCheck(Plans.tunnel("vco-b"), new HealthCheck(true, "10.2.0.1", "",
                100, 50, RETRIES, "revoke_route"));
        probe.answers.put("10.2.0.1", true);
        await("down", () -> verdict(SaState.ESTABLISHED, noSource) == Health.DOWN);
        assertThat(probe.calls).isEmpty();
    }

    @Test
    void tunnelsWithoutACheckHaveNoVerdict() {
        TunnelPlan plain = Plans.tunnel("vco-plain");
        assertThat(verdict(SaState.ESTABLISHED, plain)).isNull();
        assertThat(probe.calls).isEmpty();
    }

    @Test
    void noMoreProbesRunAtOnceThanAllowedAndNoneHoldsUpAPass() throws Exception {
        prober.close();
        prober = new HealthProber(probe, 3, verdicts::incrementAndGet);
        var tunnels = new ArrayList<TunnelPlan>();
        for (int i = 1; i <= 10; i++) {
            tunnels.add(checked("vco-" + i, "10.2.0." + i));
            probe.answers.put("10.2.0." + i, true);
        }
        TunnelPlan[] all = tunnels.toArray(TunnelPlan[]::new);
        probe.gate = new CountDownLatch(1);
        long started = System.nanoTime();
        var first = prober.withHealth(plans(all), reports(SaState.ESTABLISHED, all));
        await("three probes waiting", () -> probe.running.get() == 3);
        Thread.sleep(3 * HealthProber.MIN_INTERVAL_MILLIS);
        var during = prober.withHealth(plans(all), reports(SaState.ESTABLISHED, all));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("passes while every probe thread waits")
                .isLessThan(Duration.ofMillis(3 * HealthProber.MIN_INTERVAL_MILLIS + 500));
        assertThat(probe.mostAtOnce).hasValue(3);
        for (var report : List.of(first, during)) {
            assertThat(report.getFirst().tunnels()).extracting(TunnelReport::health).containsOnly(Health.UNKNOWN);
        }

        probe.gate.countDown();
        await("every tunnel up", () -> prober.withHealth(plans(all), reports(SaState.ESTABLISHED, all)).getFirst()
                .tunnels().stream().allMatch(t -> t.health() == Health.UP));
        assertThat(probe.mostAtOnce).as("never more than the pool").hasValue(3);
        assertThat(probe.mostAtOnceForOneTunnel).as("one probe at a time per tunnel").hasValue(1);
    }

    @Test
    void aChangedCheckStartsOverAndARemovedOneStops() throws Exception {
        TunnelPlan tunnel = checked("vco-a", "10.2.0.1");
        probe.answers.put("10.2.0.1", true);
        await("up", () -> verdict(SaState.ESTABLISHED, tunnel) == Health.UP);

        TunnelPlan moved = checked("vco-a", "10.2.0.99");
        assertThat(verdict(SaState.ESTABLISHED, moved)).as("another destination: counted again")
                .isEqualTo(Health.UNKNOWN);
        await("down", () -> verdict(SaState.ESTABLISHED, moved) == Health.DOWN);

        prober.withHealth(plans(), List.of(new GatewayReport("vgw-1", 2, List.of())));
        Thread.sleep(HealthProber.MIN_INTERVAL_MILLIS);
        int calls = probe.calls("10.2.0.99");
        Thread.sleep(4 * HealthProber.MIN_INTERVAL_MILLIS);
        assertThat(probe.calls("10.2.0.99")).as("no probe after the tunnel left the plan").isEqualTo(calls);
    }

    @Test
    void closingStopsAProbeUnderWay() throws Exception {
        TunnelPlan tunnel = checked("vco-a", "10.2.0.1");
        probe.gate = new CountDownLatch(1);
        verdict(SaState.ESTABLISHED, tunnel);
        await("a probe under way", () -> probe.running.get() == 1);
        prober.close();
        await("interrupted", () -> probe.interrupted.get() == 1);
        assertThat(verdict(SaState.ESTABLISHED, tunnel)).as("a closed prober probes nothing").isNull();
    }
}
