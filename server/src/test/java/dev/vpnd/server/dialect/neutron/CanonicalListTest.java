package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.Initiation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kinds listed by the store name every attribute Neutron filters on, so none is silently
 * ignored, and each sort key is a field of the store's query; spelled values mean what is shown.
 */
class CanonicalListTest {
    @Test
    void everyFilterableAttributeHasItsFilterAndEverySortKeyItsField() {
        for (var kind : List.of(Kinds.SITE_CONNECTIONS, Kinds.VPN_SERVICES)) {
            var list = kind.equals(Kinds.SITE_CONNECTIONS) ? SiteConnections.LIST : VpnServices.LIST;
            var filterable = kind.attributes().stream().filter(a -> a.filter() != Attribute.Filter.NONE)
                    .map(Attribute::name).toList();
            assertThat(list.attributes().keySet()).as(kind.collection())
                    .containsExactlyInAnyOrderElementsOf(filterable);
            kind.attributes().stream().filter(Attribute::sortable).forEach(a -> assertThat(list.attributes()
                    .get(a.name())).as(kind.collection() + " sort by " + a.name())
                    .isInstanceOf(CanonicalList.OnField.class));
        }
    }

    /** What a filter on the attribute accepts, as a function of the wanted value. */
    private static java.util.function.Function<String, java.util.Set<Object>> meaning(CanonicalList<?> list,
            String attribute) {
        var filter = (CanonicalList.OnField<?>) list.attributes().get(attribute);
        return wanted -> java.util.Set.copyOf(filter.meaning().apply(wanted));
    }

    /** A status is the data plane's, not a stored field: lists filter it on the documents they show. */
    @Test
    void statusesAreFilteredOnTheDocuments() {
        assertThat(VpnServices.LIST.attributes().get("status")).isInstanceOf(CanonicalList.OnDocuments.class);
        assertThat(SiteConnections.LIST.attributes().get("status")).isInstanceOf(CanonicalList.OnDocuments.class);
    }

    @Test
    void spelledValuesMeanEveryCanonicalValueShownSo() {
        var initiator = meaning(SiteConnections.LIST, "initiator");
        assertThat(initiator.apply("bi-directional")).containsExactlyInAnyOrder(Initiation.IMMEDIATE,
                Initiation.ON_TRAFFIC);
        assertThat(initiator.apply("response-only")).containsExactly(Initiation.PASSIVE);
        assertThat(initiator.apply("both")).isEmpty();
        var mtu = meaning(SiteConnections.LIST, "mtu");
        assertThat(mtu.apply(" 1400 ")).containsExactly(1400L);
        assertThat(mtu.apply("1400.0")).isEmpty();
        var up = meaning(SiteConnections.LIST, "admin_state_up");
        assertThat(up.apply("False")).containsExactly(false);
        assertThat(up.apply("maybe")).isEmpty();
    }
}
