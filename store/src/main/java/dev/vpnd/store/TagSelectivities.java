package dev.vpnd.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.problem.ResourceType;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How many tags each filter matched lately (up to JdbcTagStore's probe limit), per node, for the
 * order in which a tag-filtered list checks its filters. The order decides only what a list costs,
 * never what it returns, so a probe some seconds old serves; probing every list again walked
 * thousands of index entries per request.
 */
final class TagSelectivities {
    private static final Duration FRESH_FOR = Duration.ofSeconds(10);
    private static final int CAPACITY = 10_000;

    private record Key(ResourceType type, TagFilter filter) {
    }

    private final Cache<Key, Long> matches = Caffeine.newBuilder().maximumSize(CAPACITY)
            .expireAfterWrite(FRESH_FOR).executor(Runnable::run).build();

    /** The matches of {@code filter}, probed by {@code probe} unless probed within the last few seconds. */
    long matches(ResourceType type, TagFilter filter, LongSupplier probe) {
        return matches.get(new Key(type, filter), k -> probe.getAsLong());
    }
}
