package dev.vpnd.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongSetTest {

    @Test
    void holdsWhatWasAddedThroughEveryGrowth() {
        var set = new LongSet();
        var expected = new HashSet<Long>();
        var random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            // Values that share their low bits as well, which probe past each other.
            long value = i % 3 == 0 ? (long) i << 32 : random.nextLong();
            if (value == 0) {
                continue;
            }
            assertThat(set.add(value)).isEqualTo(expected.add(value));
        }
        assertThat(set.size()).isEqualTo(expected.size());
        for (long value : expected) {
            assertThat(set.contains(value)).isTrue();
            assertThat(set.add(value)).isFalse();
        }
        assertThat(set.contains(12_345L)).isEqualTo(expected.contains(12_345L));
        assertThat(set.capacity()).isLessThanOrEqualTo(4 * expected.size());
    }
}
