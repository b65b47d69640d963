package dev.vpnd.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongMapTest {

    @Test
    void holdsWhatWasAddedThroughEveryGrowth() {
        var map = new LongMap();
        var expected = new HashMap<Long, Long>();
        var random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            // Keys that share their low bits as well, which probe past each other.
            long key = i % 3 == 0 ? (long) i << 32 : random.nextLong();
            if (key == 0) {
                continue;
            }
            Long had = expected.putIfAbsent(key, (long) i);
            assertThat(map.putIfAbsent(key, i)).isEqualTo(had == null ? LongMap.ABSENT : had);
        }
        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((key, value) -> {
            assertThat(map.get(key)).isEqualTo(value);
            assertThat(map.putIfAbsent(key, -1)).isEqualTo(value);
        });
        assertThat(map.get(12_345L)).isEqualTo(expected.getOrDefault(12_345L, LongMap.ABSENT));
        assertThat(map.capacity()).isLessThanOrEqualTo(4 * expected.size());
    }
}
