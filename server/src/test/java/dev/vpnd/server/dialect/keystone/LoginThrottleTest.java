package dev.vpnd.server.dialect.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.dialect.keystone.LoginThrottle.Admitted;
import dev.vpnd.server.dialect.keystone.LoginThrottle.Refused;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The throttle's rules on a clock the test moves. */
class LoginThrottleTest {
    private static final LoginThrottle.Limits LIMITS = new LoginThrottle.Limits(5, Duration.ofSeconds(60),
            Duration.ofSeconds(60), 100);

    /** A clock that moves only when told. */
    private static final class ManualClock implements InstantSource {
        private Instant now = Instant.parse("2024-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(LIMITS, clock);

    private Admitted admitted(String user, String address) {
        var admission = throttle.begin(user, address);
        assertThat(admission).as(user + " from " + address).isInstanceOf(Admitted.class);
        return (Admitted) admission;
    }

    private long refused(String user, String address) {
        var admission = throttle.begin(user, address);
        assertThat(admission).as(user + " from " + address).isInstanceOf(Refused.class);
        return ((Refused) admission).retryAfterSeconds();
    }

    private void fail(int times, String user, String address) {
        for (int i = 0; i < times; i++) {
            admitted(user, address).failed();
        }
    }

    @Test
    void fiveFailuresBlockTheUserForTheCoolDown() {
        fail(5, "name:admin", "192.0.2.1");
        assertThat(refused("name:admin", "192.0.2.2")).as("from any address").isEqualTo(60);
        clock.advance(Duration.ofSeconds(45));
        assertThat(refused("name:admin", "192.0.2.3")).isEqualTo(15);
        clock.advance(Duration.ofMillis(14_500));
        assertThat(refused("name:admin", "192.0.2.3")).as("whole seconds, rounded up").isEqualTo(1);
        clock.advance(Duration.ofMillis(500));
        admitted("name:admin", "192.0.2.3").succeeded();
    }

    @Test
    void fiveFailuresBlockTheAddressWhateverTheUsers() {
        for (int i = 0; i < 5; i++) {
            admitted("name:guess-" + i, "198.51.100.7").failed();
        }
        assertThat(refused("name:demo", "198.51.100.7")).isEqualTo(60);
        admitted("name:demo", "198.51.100.8").succeeded();
    }

    @Test
    void theWindowSlides() {
        fail(4, "name:admin", "192.0.2.1");
        clock.advance(Duration.ofSeconds(61));
        fail(4, "name:admin", "192.0.2.1");
        clock.advance(Duration.ofSeconds(30));
        admitted("name:admin", "192.0.2.1").failed();
        assertThat(refused("name:admin", "192.0.2.1")).isEqualTo(60);
    }

    @Test
    void aSuccessClearsTheUsersFailuresButNotTheAddresses() {
        fail(4, "name:demo", "192.0.2.1");
        admitted("name:demo", "192.0.2.2").succeeded();
        fail(4, "name:demo", "192.0.2.3");
        admitted("name:demo", "192.0.2.4").succeeded();

        fail(4, "name:victim", "203.0.113.9");
        admitted("name:attacker", "203.0.113.9").succeeded();
        admitted("name:victim", "203.0.113.9").failed();
        assertThat(refused("name:anyone", "203.0.113.9")).as("the address still has its five").isEqualTo(60);
    }

    @Test
    void successesNeverCount() {
        for (int i = 0; i < 1_000; i++) {
            admitted("name:demo", "127.0.0.1").succeeded();
        }
        assertThat(throttle.trackedKeys()).as("nothing left to remember").isZero();
    }

    @Test
    void signInsInProgressCountUntilTheyEnd() {
        var inProgress = new ArrayList<Admitted>();
        for (int i = 0; i < 5; i++) {
            inProgress.add(admitted("name:admin", "192.0.2." + i));
        }
        assertThat(refused("name:admin", "192.0.2.99")).as("a burst gets no more tries than a sequence").isEqualTo(1);
        inProgress.forEach(Admitted::succeeded);
        admitted("name:admin", "192.0.2.99").succeeded();

        var abandoned = admitted("name:admin", "192.0.2.1");
        abandoned.abandoned();
        abandoned.failed();
        fail(4, "name:admin", "192.0.2.1");
        admitted("name:admin", "192.0.2.1").succeeded();
    }

    @Test
    void ipv6AddressesCountPerSlash64() {
        for (int i = 1; i <= 5; i++) {
            admitted("name:u" + i, "2001:db8:0:0:" + i + "::1").failed();
        }
        assertThat(refused("name:demo", "[2001:db8::ffff]")).isEqualTo(60);
        admitted("name:demo", "2001:db8:0:1::1").succeeded();
        assertThat(LoginThrottle.addressKey("0:0:0:0:0:0:0:1")).isEqualTo(LoginThrottle.addressKey("[::1]"));
        assertThat(LoginThrottle.addressKey("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(LoginThrottle.addressKey(null)).isEqualTo("unknown");
    }

    /** A sign-in that fails if it is admitted; whether it was. */
    private boolean failIfAdmitted(String user, String address) {
        if (throttle.begin(user, address) instanceof Admitted admitted) {
            admitted.failed();
            return true;
        }
        return false;
    }

    @Test
    void memoryIsBoundedWhateverTheNamesAndAddresses() {
        int admitted = 0;
        for (int i = 0; i < 10_000; i++) {
            admitted += failIfAdmitted("name:" + i + "x".repeat(10_000), "10.0." + (i / 256) + "." + (i % 256)) ? 1 : 0;
        }
        assertThat(admitted).as("once a table is full of tallies that count").isEqualTo(LIMITS.maxTrackedKeys());
        assertThat(throttle.trackedKeys()).isLessThanOrEqualTo(2 * LIMITS.maxTrackedKeys());
        clock.advance(LIMITS.window());
        fail(5, "name:" + "y".repeat(LoginThrottle.MAX_KEY_CHARS + 10), "192.0.2.1");
        assertThat(refused("name:" + "y".repeat(LoginThrottle.MAX_KEY_CHARS + 99), "192.0.2.2"))
                .as("over-long names are cut, so they cannot spread over many keys").isEqualTo(60);
    }

    @Test
    void churningNamesAndAddressesNeverErasesABlock() {
        for (int i = 0; i < 5; i++) {
            admitted("id:victim", "198.51.100." + i).failed();
        }
        assertThat(refused("id:victim", "198.51.100.9")).isEqualTo(60);
        // Guesses under ever new names, from ever new addresses (an IPv6 /48 holds 65,536 /64s).
        for (int i = 0; i < 10 * LIMITS.maxTrackedKeys(); i++) {
            failIfAdmitted("name:churn-" + i, "2001:db8:1:" + Integer.toHexString(i) + "::1");
        }
        assertThat(refused("id:victim", "198.51.100.0")).as("the block outlives the churn").isBetween(1L, 60L);
        assertThat(refused("name:newcomer", "203.0.113.1")).as("a full table takes no new key")
                .isBetween(1L, 60L);

        // Once the tallies have ended, the table makes room again.
        clock.advance(LIMITS.window().plus(LIMITS.coolDown()));
        admitted("name:newcomer", "203.0.113.1").succeeded();
        admitted("id:victim", "198.51.100.0").succeeded();
    }
}
