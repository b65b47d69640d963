package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.OTHER_REGION;
import static dev.vpnd.store.Fixtures.SCOPE;
import static dev.vpnd.store.Fixtures.filter;
import static dev.vpnd.store.Fixtures.tag;
import static dev.vpnd.store.Fixtures.vpc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.Tag;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.ResourceType;
import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How lists are read: pages from either end, tag filters in any order, tags of long pages. */
class ListQueryTest extends StoreTestBase {

    /** VPCs 0..n-1, oldest first, each tagged by {@code tags}; returns them newest first. */
    private List<Vpc> insert(int n, java.util.function.IntFunction<List<Tag>> tags) {
        var vpcs = new ArrayList<Vpc>();
        storage.write((Stores s) -> {
            for (int i = 0; i < n; i++) {
                var vpc = vpc(SCOPE, "v" + i).withTags(tags.apply(i));
                s.vpcs().insert(vpc, "");
                s.tags().put(SCOPE, ResourceType.VPC, vpc.id(), vpc.tags());
                vpcs.add(vpc);
            }
            // a resource of another region with the same tags must never count
            var elsewhere = vpc(OTHER_REGION, "elsewhere").withTags(tags.apply(0));
            s.vpcs().insert(elsewhere, "");
            s.tags().put(OTHER_REGION, ResourceType.VPC, elsewhere.id(), elsewhere.tags());
            return null;
        });
        return vpcs.reversed();
    }

    private Page<Vpc> page(List<TagFilter> filters, long offset, int limit) {
        return storage.read((Stores s) -> s.vpcs()
                .list(SCOPE, new VpcStore.Filter(Set.of(), Set.of(), Set.of(), Set.of(), filters),
                new PageRequest(offset, limit)));
    }

    @Test
    void everyPageIsItsSliceOfTheNewestFirstOrderWithTheExactTotal() {
        var newestFirst = insert(7, i -> List.of());
        for (int offset = 0; offset <= 9; offset++) {
            for (int limit = 0; limit <= 8; limit++) {
                var page = page(List.of(), offset, limit);
                int from = Math.min(offset, 7);
                assertThat(page.items()).as("offset %d, limit %d", offset, limit)
                        .isEqualTo(newestFirst.subList(from, Math.min(7, from + limit)));
                assertThat(page.total()).as("offset %d, limit %d", offset, limit).isEqualTo(7);
            }
        }
    }

    @Test
    void tagFiltersMatchTheSameResourcesWhateverTheirOrder() {
        // a: half of them, b: a fifth, c (any value): a third
        var newestFirst = insert(60, i -> {
            var tags = new ArrayList<>(List.of(tag("a", "a" + i % 2), tag("b", "b" + i % 5)));
            if (i % 3 == 0) {
                tags.add(tag("c", "c" + i));
            }
            return tags;
        });
        check(newestFirst, i -> i % 2 == 0 && i % 5 == 1, filter("a", "a0"), filter("b", "b1"));
        check(newestFirst, i -> i % 2 == 0 && i % 5 == 1, filter("b", "b1"), filter("a", "a0"));
        check(newestFirst, i -> i % 3 == 0 && i % 2 == 1, filter("c", null), filter("a", "a1"));
        check(newestFirst, i -> i % 3 == 0 && i % 2 == 1, filter("a", "a1"), filter("c", null));
        check(newestFirst, i -> i % 3 == 0 && i % 5 == 4, filter("a", null), filter("b", "b4"), filter("c", null));
        check(newestFirst, i -> false, filter("a", "a0"), filter("a", "a1"));
        check(newestFirst, i -> false, filter("b", "b1"), filter("missing", null));
    }

    /** Every page of size 4 of the filtered list, and its total, against {@code matches} (by insertion index). */
    private void check(List<Vpc> newestFirst, IntPredicate matches, TagFilter... filters) {
        int n = newestFirst.size();
        var expected = IntStream.range(0, n).filter(k -> matches.test(n - 1 - k)).mapToObj(newestFirst::get).toList();
        var seen = new ArrayList<Vpc>();
        for (int offset = 0; offset <= expected.size(); offset += 4) {
            var page = page(List.of(filters), offset, 4);
            assertThat(page.total()).as("total of %s", List.of(filters)).isEqualTo(expected.size());
            seen.addAll(page.items());
        }
        assertThat(seen).as("items of %s", List.of(filters)).isEqualTo(expected);
    }

    @Test
    void everyResourceOfALongPageHasItsOwnTags() {
        // 37 is no power of two: the IN list of the tag query is padded with the last id
        var newestFirst = insert(37, i -> List.of(tag("n", "n" + i), tag("z", "last")));
        var page = page(List.of(), 0, 50);
        assertThat(page.items()).isEqualTo(newestFirst);
        assertThat(page.total()).isEqualTo(37);
        assertThat(page(List.of(filter("z", "last")), 0, 100).items()).isEqualTo(newestFirst);
    }
}
