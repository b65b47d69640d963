package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.server.dialect.WireFault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A list's query string as Neutron reads it: decoding, filters, sort keys, and the bounds of paging. */
class ListQueryTest {

    private static ObjectNode doc(String id, String name) {
        return NeutronJson.NODES.objectNode().put("id", id).put("name", name);
    }

    private static final List<ObjectNode> SORTED = List.of(doc("a", "x"), doc("b", "y"), doc("c", "z"), doc("d", "w"));

    private static void assertRefused(Executable reading, NeutronError error) {
        assertThatThrownBy(reading::execute).isInstanceOfSatisfying(WireFault.class,
                fault -> assertThat(fault.error()).isEqualTo(error));
    }

    @Test
    void fieldsRepeatAndKeepTheirOrder() {
        assertThat(new ListQuery("fields=name&fields=id&fields=name").fields()).containsExactly("name", "id");
    }

    @Test
    void emptyFieldsAreDroppedSoTheyAskForWholeDocuments() {
        assertThat(new ListQuery("fields=").fields()).isEmpty();
        assertThat(new ListQuery("fields=&fields=id&fields=").fields()).containsExactly("id");
    }

    @Test
    void noQueryAsksForNothing() {
        for (String raw : new String[] {null, "", "&", "&&"}) {
            var query = new ListQuery(raw);
            assertThat(query.fields()).as(raw).isEmpty();
            assertThat(query.limit()).as(raw).isZero();
            assertThat(query.filters(Kinds.NETWORKS)).as(raw).isEmpty();
        }
    }

    @Test
    void emptyPiecesAnywhereAreSkipped() {
        var query = new ListQuery("&name=a&&name=b&");
        assertThat(query.filters(Kinds.NETWORKS)).containsExactly(Map.entry("name", List.of("a", "b")));
    }

    @Test
    void aKeyWithoutAValueWantsTheEmptyString() {
        assertThat(new ListQuery("name").filters(Kinds.NETWORKS).get("name")).containsExactly("");
    }

    @Test
    void valuesAreFormDecoded() {
        var query = new ListQuery("name=a+b%20c%C3%A9&na%6De=%25");
        assertThat(query.filters(Kinds.NETWORKS).get("name")).containsExactly("a b cé", "%");
    }

    @Test
    void aBrokenEscapeIsA400() {
        for (String raw : new String[] {"name=%", "name=%4", "name=%zz", "name=%\u0664\u0661"}) {
            assertRefused(() -> new ListQuery(raw), NeutronError.BAD_ESCAPE);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreA400() {
        assertRefused(() -> new ListQuery("name=%C3"), NeutronError.NOT_UTF8);
        assertRefused(() -> new ListQuery("name=%FF%FE"), NeutronError.NOT_UTF8);
        assertRefused(() -> new ListQuery("name=\uFFFD"), NeutronError.NOT_UTF8);
    }

    @Test
    void onlyFilterableAttributesOfTheKindFilter() {
        var filters = new ListQuery("name=a&invented=b&limit=2&fields=id&lifetime=x&status=ACTIVE")
                .filters(Kinds.IKE_POLICIES);
        assertThat(filters).containsOnlyKeys("name");
    }

    @Test
    void aRepeatedFilterOrsAndDifferentFiltersAnd() {
        var query = new ListQuery("name=x&name=y&id=b");
        assertThat(query.matches(Kinds.NETWORKS, doc("a", "x"))).isFalse();
        assertThat(query.matches(Kinds.NETWORKS, doc("b", "y"))).isTrue();
        assertThat(query.matches(Kinds.NETWORKS, doc("b", "z"))).isFalse();
    }

    @Test
    void booleanAndIntegerFiltersCompareAsNeutronConvertsThem() {
        var up = NeutronJson.NODES.objectNode().put("admin_state_up", true).put("mtu", 1400);
        assertThat(new ListQuery("admin_state_up=True").matches(Kinds.NETWORKS, up)).isTrue();
        assertThat(new ListQuery("admin_state_up=1").matches(Kinds.NETWORKS, up)).isTrue();
        assertThat(new ListQuery("admin_state_up=yes").matches(Kinds.NETWORKS, up)).isFalse();
        assertThat(new ListQuery("mtu=%201400%20").matches(Kinds.NETWORKS, up)).isTrue();
        assertThat(new ListQuery("mtu=1400.0").matches(Kinds.NETWORKS, up)).isFalse();
    }

    @Test
    void limitIsTheLastValueAndZeroOrAbsentMeansNoPaging() {
        assertThat(new ListQuery("limit=5&limit=2").limit()).isEqualTo(2);
        assertThat(new ListQuery("limit=0").page(SORTED)).isEqualTo(SORTED);
        assertThat(new ListQuery("").page(SORTED)).isEqualTo(SORTED);
    }

    @Test
    void aNegativeOrNonNumericOrHugeLimitIsA400() {
        for (String limit : new String[] {"-1", "two", "", "1.5", "99999999999"}) {
            assertRefused(() -> new ListQuery("limit=" + limit).limit(), NeutronError.BAD_LIMIT);
        }
    }

    @Test
    void aForwardPageStartsAfterTheMarker() {
        assertThat(new ListQuery("limit=2").page(SORTED)).extracting(d -> d.path("id").asText()).containsExactly("a",
                "b");
        assertThat(new ListQuery("limit=2&marker=b").page(SORTED)).extracting(d -> d.path("id").asText())
                .containsExactly("c", "d");
        assertThat(new ListQuery("limit=9&marker=c").page(SORTED)).extracting(d -> d.path("id").asText())
                .containsExactly("d");
    }

    @Test
    void aReversePageEndsBeforeTheMarker() {
        assertThat(new ListQuery("limit=2&marker=d&page_reverse=True").page(SORTED))
                .extracting(d -> d.path("id").asText()).containsExactly("b", "c");
        assertThat(new ListQuery("limit=2&page_reverse=true").page(SORTED)).extracting(d -> d.path("id").asText())
                .containsExactly("c", "d");
    }

    @Test
    void anUnknownMarkerIsAnEmptyPage() {
        assertThat(new ListQuery("limit=2&marker=zz").page(SORTED)).isEmpty();
    }

    @Test
    void sortKeysNeedAsManySortDirs() {
        assertRefused(() -> new ListQuery("sort_key=name").sortKeys(Kinds.NETWORKS), NeutronError.SORT_KEYS_AND_DIRS);
    }

    @Test
    void unsortableKeysAndUnknownDirsAreNamedAsAPythonList() {
        assertThatThrownBy(() -> new ListQuery("sort_key=mtu&sort_dir=asc&sort_key=x&sort_dir=asc")
                .sortKeys(Kinds.NETWORKS)).hasMessage("['mtu', 'x'] is invalid attribute for sort_keys");
        assertThatThrownBy(() -> new ListQuery("sort_key=name&sort_dir=up").sortKeys(Kinds.NETWORKS))
                .hasMessage("['up'] is invalid value for sort_dirs, valid value is 'asc' and 'desc'");
    }

    @Test
    void sortingIsByEachKeyInTurnThenById() {
        var docs = List.of(doc("4", "b"), doc("3", "a"), doc("2", "b"), doc("1", "a"));
        assertThat(new ListQuery("sort_key=name&sort_dir=desc").sort(Kinds.NETWORKS, docs))
                .extracting(d -> d.path("id").asText()).containsExactly("2", "4", "1", "3");
        assertThat(new ListQuery("").sort(Kinds.NETWORKS, docs)).extracting(d -> d.path("id").asText())
                .containsExactly("1", "2", "3", "4");
    }

    @Test
    void aFullForwardPageLinksBothWaysWithTheQueryAsSent() {
        var query = new ListQuery("limit=2&name=x%20y&marker=a");
        var links = query.links("http://h/v2.0/networks", List.of(doc("b", "y"), doc("c", "z")));
        assertThat(links.toString()).isEqualTo("[{\"rel\":\"next\",\"href\":\"http://h/v2.0/networks?limit=2&name=x%20y"
                + "&marker=c\"},{\"rel\":\"previous\",\"href\":\"http://h/v2.0/networks?limit=2&name=x%20y&marker=b"
                + "&page_reverse=True\"}]");
    }

    @Test
    void aShortForwardPageHasNoNextLink() {
        var links = new ListQuery("limit=2").links("http://h/v2.0/networks", List.of(doc("d", "w")));
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("rel").asText()).isEqualTo("previous");
    }

    @Test
    void aShortReversePageHasNoPreviousLink() {
        var links = new ListQuery("limit=2&page_reverse=True").links("http://h/v2.0/networks", List.of(doc("a", "x")));
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("rel").asText()).isEqualTo("next");
    }
}
