package dev.vpnd.server.dialect;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How one cloud spells the values of one canonical enum, both ways. Input is matched as the cloud
 * matches it: exactly (Alibaba accepts its values in lowercase only) or ignoring case (Tencent), and
 * a table may accept aliases it never writes. A canonical value the table lacks, set through another
 * dialect, is written by the table's fallback so that the resource still lists.
 */
public final class SpellingTable<E extends Enum<E>> {
    private final Map<E, String> spelled;
    private final Map<String, E> parsed = new HashMap<>();
    private final boolean ignoreCase;
    private final Function<E, String> unspelled;

    private SpellingTable(Map<E, String> spelled, Map<String, E> aliases, boolean ignoreCase,
            Function<E, String> unspelled) {
        this.spelled = Map.copyOf(spelled);
        this.ignoreCase = ignoreCase;
        this.unspelled = unspelled;
        spelled.forEach((value, text) -> parsed.put(key(text), value));
        aliases.forEach((text, value) -> parsed.put(key(text), value));
    }

    /** Values read only as written. */
    public static <E extends Enum<E>> SpellingTable<E> exact(Map<E, String> spelled, Function<E, String> unspelled) {
        return new SpellingTable<>(spelled, Map.of(), false, unspelled);
    }

    /** Values read in any case, and {@code aliases} read as well. */
    public static <E extends Enum<E>> SpellingTable<E> ignoringCase(Map<E, String> spelled, Map<String, E> aliases,
            Function<E, String> unspelled) {
        return new SpellingTable<>(spelled, aliases, true, unspelled);
    }

    public Optional<E> parse(String text) {
        return Optional.ofNullable(parsed.get(key(text)));
    }

    public String spell(E value) {
        String text = spelled.get(value);
        return text != null ? text : unspelled.apply(value);
    }

    private String key(String text) {
        return ignoreCase ? text.toUpperCase(Locale.ROOT) : text;
    }
}
