package dev.vpnd.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.agent.charon.CharonPair;
import dev.vpnd.agent.charon.Plans;
import dev.vpnd.agent.charon.ViciCharon;
import dev.vpnd.agent.health.PingProbe;
import dev.vpnd.agent.protocol.AgentClient;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.Initiation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Health checks through a real tunnel: the agent drives {@link CharonPair}'s gateway charon and pings
 * from the gateway's namespace (as {@code ./vpnd lab} does), the peer is kept on the mirrored plan.
 * The tunnel joins 10.1.0.0/24 to 10.2.0.0/16; the peer's namespace holds 10.2.0.0/24 (on its
 * loopback, which answers for the whole block), so 10.2.0.1 answers through the tunnel and 10.2.5.5,
 * inside the tunnel's selectors but held by no one, never does.
 */
class AgentHealthCheckTest {
    private static final int INTERVAL_MILLIS = 300;
    private static final int RETRIES = 3;
    private static final TunnelPlan TUNNEL = Plans.withSubnets(
            Plans.withInitiation(Plans.tunnel("vco-health"), Initiation.IMMEDIATE), List.of(Plans.GATEWAY_SUBNET),
            List.of("10.2.0.0/16"));
    private static CharonPair pair;

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

    private static TunnelPlan probing(String destination) {
        return Plans.withHealthCheck(TUNNEL, new HealthCheck(true, destination, "10.1.0.1", INTERVAL_MILLIS,
                INTERVAL_MILLIS, RETRIES, "revoke_route"));
    }

    private static Optional<Health> health(FakeVpnd.Received received) {
        return received.tunnel(TUNNEL.name()).map(TunnelReport::health);
    }

    private static Predicate<FakeVpnd.Received> applied(long revision) {
        return r -> r.gateway("vgw-1").map(GatewayReport::appliedRevision).orElse(0L) == revision;
    }

    private static FakeVpnd.Received await(FakeVpnd vpnd, long since, Predicate<FakeVpnd.Received> what,
            Duration within) throws InterruptedException {
        try {
            return vpnd.awaitReport(since, what, within);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + pair.logs(), e);
        }
    }

    @Test
    void aProbeThroughTheTunnelIsUpAndOneNobodyAnswersGoesDownAfterItsRetries() throws Exception {
        try (var vpnd = FakeVpnd.start(60);
                var peerCharon = new ViciCharon(pair.peer().vici(), Duration.ofSeconds(10));
                var charon = new ViciCharon(pair.gateway().vici(), Duration.ofSeconds(10))) {
            var peer = new Reconciler(peerCharon);
            TunnelPlan reachable = probing("10.2.0.1");
            peer.reconcile(List.of(new GatewayPlan("peer", 1, Plans.PEER, List.of(Plans.mirrored(reachable)))));
            var settings = AgentSettings.of(vpnd.url(), FakeVpnd.TOKEN).withPublicAddress(Plans.GATEWAY)
                    .withRetryMax(Duration.ofSeconds(1));
            try (var agent = new Agent(settings, new AgentClient(vpnd.url(), FakeVpnd.TOKEN), charon, charon,
                    AgentListener.NONE, PingProbe.inNamespace(pair.gateway().namespace()))) {
                agent.start();
                long since = System.nanoTime();
                long first = vpnd.serve("vgw-1", Plans.GATEWAY, reachable);
                FakeVpnd.Received healthy = await(vpnd, since, r -> health(r).orElse(null) == Health.UP,
                        Duration.ofSeconds(10));
                assertThat(healthy.tunnel(TUNNEL.name()).orElseThrow().up()).isTrue();
                assertThat(vpnd.reports()).filteredOn(applied(first)).first().extracting(r -> health(r).orElseThrow())
                        .as("unknown until the first verdict").isEqualTo(Health.UNKNOWN);
                assertThat(vpnd.reports()).filteredOn(r -> r.at() < healthy.at())
                        .allMatch(r -> health(r).orElse(null) != Health.UP);

                since = System.nanoTime();
                long moved = vpnd.serve("vgw-1", Plans.GATEWAY, probing("10.2.5.5"));
                FakeVpnd.Received over = await(vpnd, since, applied(moved), Duration.ofSeconds(5));
                assertThat(health(over)).as("a changed check starts over").contains(Health.UNKNOWN);
                FakeVpnd.Received down = await(vpnd, over.at(), r -> health(r).orElse(null) == Health.DOWN,
                        Duration.ofSeconds(10));
                assertThat(Duration.ofNanos(down.at() - over.at())).as("three probes an interval apart")
                        .isGreaterThanOrEqualTo(Duration.ofMillis((RETRIES - 1) * INTERVAL_MILLIS));
                assertThat(down.tunnel(TUNNEL.name()).orElseThrow().up())
                        .as("the tunnel itself stays up: a check is not charon's").isTrue();
                assertThat(vpnd.reports()).filteredOn(r -> r.at() > over.at() && r.at() < down.at())
                        .allMatch(r -> health(r).orElse(null) == Health.UNKNOWN);
                assertThat(pair.ping(pair.gateway(), "10.2.0.1", 1)).as("the tunnel carries traffic; %s", pair.logs())
                        .isTrue();
            } finally {
                new Reconciler(charon).reconcile(List.of());
                peer.reconcile(List.of());
            }
        }
    }
}
