package dev.vpnd.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class UniqueStampsTest {
    @Test
    void everyRequestOfAFullBatchHasItsOwnVariantAndSecondWithinTheSkew() {
        var stamps = new UniqueStamps(1_000_000, 7);
        var pairs = new HashSet<String>();
        for (long k = 0; k < stamps.capacity(); k++) {
            long t = stamps.timestamp(k);
            assertThat(Math.abs(t - 1_000_000)).isLessThanOrEqualTo(UniqueStamps.MAX_SKEW_SECONDS);
            assertThat(pairs.add(stamps.variant(k) + "@" + t)).isTrue();
        }
        assertThat(pairs).hasSize(7 * (2 * (int) UniqueStamps.MAX_SKEW_SECONDS + 1));
    }

    @Test
    void theFirstSecondIsTheSigningTimeThenOneEitherSide() {
        var stamps = new UniqueStamps(100, 2);

        assertThat(stamps.timestamp(0)).isEqualTo(100);
        assertThat(stamps.timestamp(1)).isEqualTo(100);
        assertThat(stamps.timestamp(2)).isEqualTo(99);
        assertThat(stamps.timestamp(4)).isEqualTo(101);
        assertThatThrownBy(() -> stamps.timestamp(stamps.capacity())).isInstanceOf(IllegalArgumentException.class);
    }
}
