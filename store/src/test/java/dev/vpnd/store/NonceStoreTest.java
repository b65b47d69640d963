package dev.vpnd.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class NonceStoreTest extends StoreTestBase {
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final Duration KEEP = Duration.ofMinutes(30);

    private boolean firstUse(String key, String nonce, Instant now) {
        return earlierUse(key, nonce, now).isEmpty();
    }

    private Optional<Instant> earlierUse(String key, String nonce, Instant now) {
        // As the server's shared replay guard asks: one statement without a transaction around it.
        return storage.writeWithoutTransaction(s -> s.nonces().earlierUse(key, nonce, now, KEEP));
    }

    @Test
    void aNonceIsAcceptedOncePerKeyUntilItExpires() {
        assertThat(firstUse("k1", "n1", NOW)).isTrue();
        assertThat(firstUse("k1", "n1", NOW.plusSeconds(60))).isFalse();
        assertThat(firstUse("k2", "n1", NOW)).as("another key's nonce").isTrue();
        assertThat(firstUse("k1", "n1", NOW.plus(KEEP).plusSeconds(1))).as("expired").isTrue();
        assertThat(firstUse("k1", "n1", NOW.plus(KEEP).plusSeconds(2))).isFalse();
    }

    @Test
    void aRepeatedUseLearnsWhenTheFirstWas() {
        assertThat(earlierUse("k1", "n1", NOW.plusMillis(1_234))).isEmpty();
        assertThat(earlierUse("k1", "n1", NOW.plusSeconds(60))).contains(NOW.plusMillis(1_234));
        assertThat(earlierUse("k1", "n1", NOW.plusSeconds(90))).contains(NOW.plusMillis(1_234));
        Instant afterExpiry = NOW.plus(KEEP).plusSeconds(5);
        assertThat(earlierUse("k1", "n1", afterExpiry)).isEmpty();
        assertThat(earlierUse("k1", "n1", afterExpiry.plusSeconds(1))).contains(afterExpiry);
    }

    @Test
    void survivesReopening() {
        assertThat(firstUse("k1", "n1", NOW)).isTrue();
        reopen();
        assertThat(firstUse("k1", "n1", NOW)).isFalse();
    }

    @Test
    void ofConcurrentUsesOfOneNonceExactlyOneWins() throws Exception {
        try (var pool = Executors.newFixedThreadPool(8)) {
            var tasks = new ArrayList<Callable<Boolean>>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> firstUse("k1", "contested", NOW));
            }
            long winners = 0;
            for (var result : pool.invokeAll(tasks)) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
    }
}
