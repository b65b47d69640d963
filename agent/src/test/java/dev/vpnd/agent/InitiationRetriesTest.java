package dev.vpnd.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.agent.charon.Plans;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.IpsecConfig;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The retry schedule of a tunnel that should be up, on a clock the test moves. */
class InitiationRetriesTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long EARLY = InitiationRetries.EARLY.toNanos();
    private static final TunnelPlan TUNNEL = Plans.withInitiation(Plans.tunnel("vco-a"), Initiation.IMMEDIATE);

    private final InitiationRetries retries = new InitiationRetries(Duration.ofSeconds(10));

    @Test
    void aTunnelNeverTriedIsDueAtOnce() {
        assertThat(retries.due(TUNNEL, 0)).isTrue();
        assertThat(retries.next()).isEmpty();
    }

    @Test
    void waitsStartAtOneSecondAndDoubleUpToTheFullPassIntervalEachBetweenHalfAndAllOfItsCeiling() {
        long now = 0;
        long[] ceilings = {1, 2, 4, 8, 10, 10, 10};
        for (long ceiling : ceilings) {
            retries.attempted(TUNNEL, now);
            long wait = retries.next().orElseThrow() - now;
            assertThat(wait).as("after an attempt at %d ns", now).isBetween(ceiling * SECOND / 2, ceiling * SECOND);
            assertThat(retries.due(TUNNEL, now + wait - EARLY - 1)).isFalse();
            assertThat(retries.due(TUNNEL, now + wait - EARLY)).as("due a little early, to share a pass").isTrue();
            now += wait;
        }
    }

    @Test
    void theScheduleStartsOverWhenTheTunnelIsUpOrItsPlanChanges() {
        for (int i = 0; i < 4; i++) {
            retries.attempted(TUNNEL, 0);
        }
        assertThat(retries.next().orElseThrow()).isGreaterThanOrEqualTo(4 * SECOND);
        retries.forget(TUNNEL.name());
        assertThat(retries.due(TUNNEL, 0)).isTrue();
        retries.attempted(TUNNEL, 0);
        assertThat(retries.next().orElseThrow()).isBetween(SECOND / 2, SECOND);

        for (int i = 0; i < 3; i++) {
            retries.attempted(TUNNEL, 0);
        }
        var ipsec = TUNNEL.ipsec();
        TunnelPlan changed = Plans.withIpsec(TUNNEL, new IpsecConfig(ipsec.encryption(), ipsec.integrity(),
                ipsec.pfs(), ipsec.lifetimeSeconds() + 1, 0));
        assertThat(retries.due(changed, 0)).as("a changed plan is tried at once").isTrue();
        retries.attempted(changed, 0);
        assertThat(retries.next().orElseThrow()).isBetween(SECOND / 2, SECOND);
    }

    @Test
    void aTunnelThatWentDownWaitsTheFirstWaitUnlessAlreadyScheduled() {
        retries.wentDown(TUNNEL, 0);
        long due = retries.next().orElseThrow();
        assertThat(due).isBetween(SECOND / 2, SECOND);
        assertThat(retries.due(TUNNEL, 0)).isFalse();
        retries.wentDown(TUNNEL, SECOND / 4);
        assertThat(retries.next().orElseThrow()).as("already scheduled: unchanged").isEqualTo(due);
    }

    @Test
    void theNextDueIsTheEarliestOfAllAndTunnelsLeavingThePlansAreForgotten() {
        TunnelPlan other = Plans.withInitiation(Plans.tunnel("vco-b"), Initiation.IMMEDIATE);
        for (int i = 0; i < 3; i++) {
            retries.attempted(TUNNEL, 0);
        }
        retries.attempted(other, 0);
        assertThat(retries.next().orElseThrow()).isBetween(SECOND / 2, SECOND);
        retries.retain(Set.of(TUNNEL.name()));
        assertThat(retries.next().orElseThrow()).isGreaterThanOrEqualTo(2 * SECOND);
        retries.retain(Set.of());
        assertThat(retries.next()).isEmpty();
    }
}
