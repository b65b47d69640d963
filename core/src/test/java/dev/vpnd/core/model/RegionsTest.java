package dev.vpnd.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The region table: each dialect's names lead to one id and back, and a table that cannot work is refused. */
class RegionsTest {
    private static final Regions TABLE = Regions.of(List.of(
            new Region("home", Map.of("first", "One", "second", "s-1", "third", "t-a")),
            new Region("east", Map.of("second", "s-2", "third", "t-b")),
            new Region("only-third", Map.of("third", "t-c"))));

    @Test
    void eachDialectsNameLeadsToTheOneRegionAndBack() {
        var first = TABLE.in("first");
        var second = TABLE.in("second");
        var third = TABLE.in("third");
        assertThat(first.id("One")).contains("home");
        assertThat(second.id("s-1")).contains("home");
        assertThat(third.id("t-a")).contains("home");
        assertThat(second.name("home")).contains("s-1");
        assertThat(third.name("home")).contains("t-a");
        assertThat(second.id("s-2")).isEqualTo(third.id("t-b")).contains("east");
    }

    @Test
    void aRegionADialectDoesNotNameIsNoneOfItsRegions() {
        assertThat(TABLE.in("first").id("s-2")).as("another dialect's name").isEmpty();
        assertThat(TABLE.in("first").name("east")).isEmpty();
        assertThat(TABLE.in("second").id("t-c")).isEmpty();
        assertThat(TABLE.in("third").id("t-c")).contains("only-third");
        assertThat(TABLE.in("fourth").names()).isEmpty();
        assertThat(TABLE.in("first").id(null)).isEmpty();
        assertThat(TABLE.in("first").id("one")).as("names are exact").isEmpty();
    }

    @Test
    void namesAreListedInTheTablesOrder() {
        assertThat(TABLE.in("third").names()).containsExactly("t-a", "t-b", "t-c");
        assertThat(TABLE.in("second").names()).containsExactly("s-1", "s-2");
        assertThat(TABLE.all()).extracting(Region::id).containsExactly("home", "east", "only-third");
        assertThat(TABLE.find("east")).hasValueSatisfying(r -> assertThat(r.name("third")).contains("t-b"));
        assertThat(TABLE.find("west")).isEmpty();
    }

    @Test
    void aTableThatCannotWorkIsRefusedSayingWhy() {
        assertRefused(List.of(), "at least one region");
        assertRefused(List.of(region("a", "x", "n-1"), region("a", "x", "n-2")), "region id 'a' appears twice");
        assertRefused(List.of(region("a", "x", "same"), region("b", "x", "same")),
                "x name 'same' is given to both region 'a' and region 'b'");
        assertRefused(List.of(new Region("a", Map.of())), "region 'a' has no name in any dialect");
        assertRefused(List.of(region("Upper", "x", "n")), "region id 'Upper'");
        assertRefused(List.of(region("-a", "x", "n")), "region id '-a'");
        assertRefused(List.of(region("a".repeat(65), "x", "n")), "region id '" + "a".repeat(64) + "...'");
        assertRefused(List.of(region("a", "X", "n")), "names dialect 'X'");
        assertRefused(List.of(region("a", "x", "with space")), "has the x name 'with space'");
        assertRefused(List.of(region("a", "x", "line\nbreak")), "has the x name 'line?break'");
        assertRefused(List.of(region("a", "x", "")), "has the x name ''");
        var tooMany = new ArrayList<Region>();
        for (int i = 0; i <= Regions.MAX_REGIONS; i++) {
            tooMany.add(region("r" + i, "x", "n" + i));
        }
        assertRefused(tooMany, "at most 1000 regions, not 1001");
    }

    @Test
    void theSameNameMayStandForDifferentRegionsInDifferentDialects() {
        var table = Regions.of(List.of(region("a", "x", "same"), region("b", "y", "same")));
        assertThat(table.in("x").id("same")).contains("a");
        assertThat(table.in("y").id("same")).contains("b");
    }

    private static Region region(String id, String dialect, String name) {
        return new Region(id, Map.of(dialect, name));
    }

    private static void assertRefused(List<Region> regions, String why) {
        assertThatThrownBy(() -> Regions.of(regions)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
