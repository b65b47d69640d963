package dev.vpnd.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for a resource to be active, as a cloud's client polls after a create or a modify (Terraform
 * reads {@code State} every 10 s until it is {@code active} or {@code AVAILABLE}). vpnd refuses to
 * modify or delete a resource still provisioning or updating (docs/design.md, "Busy resources"), so
 * a test that changes what it has just made waits here first, as a real client would.
 */
public final class Polling {
    private static final Duration EVERY = Duration.ofMillis(100);
    /** Far beyond the test's provisioning delay: a resource not active by then never will be. */
    private static final Duration LIMIT = RunningVpnd.PROVISIONING_DELAY.multipliedBy(20);

    private Polling() {
    }

    /** Reads {@code state} until it is {@code active}; fails when it is not within {@link #LIMIT}. */
    public static void untilActive(String what, Callable<String> state, String active) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        String seen = state.call();
        while (!active.equals(seen)) {
            assertThat(System.nanoTime()).as("%s still %s after %s", what, seen, LIMIT).isLessThan(deadline);
            Thread.sleep(EVERY.toMillis());
            seen = state.call();
        }
    }
}
