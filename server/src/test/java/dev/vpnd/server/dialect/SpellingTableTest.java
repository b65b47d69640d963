package dev.vpnd.server.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.algo.IkeMode;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One spelling table for every dialect: how it reads (exactly or in any case, aliases) and writes. */
class SpellingTableTest {

    @Test
    void anExactTableReadsOnlyTheSpellingItWrites() {
        var table = SpellingTable.exact(Map.of(IkeMode.MAIN, "main"), v -> v.name().toLowerCase(Locale.ROOT));
        assertThat(table.parse("main")).contains(IkeMode.MAIN);
        assertThat(table.parse("MAIN")).isEmpty();
        assertThat(table.spell(IkeMode.MAIN)).isEqualTo("main");
    }

    @Test
    void aTableIgnoringCaseReadsAnyCaseAndItsAliases() {
        var table = SpellingTable.ignoringCase(Map.of(IkeMode.MAIN, "MAIN"), Map.of("Principal", IkeMode.MAIN),
                Enum::name);
        assertThat(table.parse("main")).contains(IkeMode.MAIN);
        assertThat(table.parse("PRINCIPAL")).contains(IkeMode.MAIN);
        assertThat(table.spell(IkeMode.MAIN)).isEqualTo("MAIN");
    }

    @Test
    void aValueTheTableLacksIsWrittenByTheFallbackAndNeverRead() {
        var table = SpellingTable.exact(Map.of(IkeMode.MAIN, "main"), v -> "x-" + v.name());
        assertThat(table.spell(IkeMode.AGGRESSIVE)).isEqualTo("x-AGGRESSIVE");
        assertThat(table.parse("x-AGGRESSIVE")).isEmpty();
    }
}
