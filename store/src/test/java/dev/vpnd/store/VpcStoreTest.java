package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.OTHER_ACCOUNT;
import static dev.vpnd.store.Fixtures.OTHER_REGION;
import static dev.vpnd.store.Fixtures.SCOPE;
import static dev.vpnd.store.Fixtures.filter;
import static dev.vpnd.store.Fixtures.tag;
import static dev.vpnd.store.Fixtures.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.core.port.Stores;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.ResourceType;
import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import org.junit.jupiter.api.Test;

class VpcStoreTest extends StoreTestBase {

    private Vpc insert(Vpc vpc, String clientToken) {
        storage.write((Stores s) -> {
            s.vpcs().insert(vpc, clientToken);
            s.tags().put(vpc.scope(), ResourceType.VPC, vpc.id(), vpc.tags());
            return null;
        });
        return vpc;
    }

    private List<Vpc> list(Scope scope, VpcStore.Filter filter) {
        return storage.read((Stores s) -> s.vpcs().list(scope, filter, new PageRequest(0, 100))).items();
    }

    private static VpcStore.Filter all() {
        return VpcStore.Filter.any();
    }

    private static VpcStore.Filter tags(TagFilter... filters) {
        return new VpcStore.Filter(Set.of(), Set.of(), Set.of(), Set.of(), List.of(filters));
    }

    @Test
    void insertFindAndDelete() {
        var vpc = insert(vpc(SCOPE, "one", tag("env", "prod"), tag("app", "vpn")), "");

        var found = storage.read((Stores s) -> s.vpcs().find(SCOPE, vpc.id())).orElseThrow();
        assertThat(found).isEqualTo(vpc.withTags(List.of(tag("app", "vpn"), tag("env", "prod"))));

        assertThat(storage.write((Stores s) -> s.vpcs().delete(SCOPE, vpc.id()))).isTrue();
        assertThat(storage.write((Stores s) -> s.vpcs().delete(SCOPE, vpc.id()))).isFalse();
        assertThat(storage.read((Stores s) -> s.vpcs().find(SCOPE, vpc.id()))).isEmpty();
    }

    @Test
    void anotherAccountOrRegionSeesNothing() {
        var vpc = insert(vpc(SCOPE, "one"), "token-1");
        for (Scope other : List.of(OTHER_ACCOUNT, OTHER_REGION)) {
            assertThat(storage.read((Stores s) -> s.vpcs().find(other, vpc.id()))).isEmpty();
            assertThat(storage.read((Stores s) -> s.vpcs().findByClientToken(other, "token-1"))).isEmpty();
            assertThat(storage.read((Stores s) -> s.vpcs().list(other, all(), new PageRequest(0, 10))).total())
                    .isZero();
            assertThat(storage.write((Stores s) -> s.vpcs().delete(other, vpc.id()))).isFalse();
        }
        assertThat(storage.read((Stores s) -> s.vpcs().find(SCOPE, vpc.id()))).isPresent();
    }

    @Test
    void pagesAreNewestFirstWithExactTotalsAndNoGapsOrRepeats() {
        var inserted = new ArrayList<String>();
        for (int i = 0; i < 23; i++) {
            inserted.add(insert(vpc(SCOPE, "vpc-" + i), "").id());
        }
        insert(vpc(OTHER_ACCOUNT, "elsewhere"), "");

        var seen = new ArrayList<String>();
        for (int offset = 0; offset < 30; offset += 5) {
            long from = offset;
            var page = storage.read((Stores s) -> s.vpcs().list(SCOPE, all(), new PageRequest(from, 5)));
            assertThat(page.total()).isEqualTo(23);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(5);
            page.items().forEach(v -> seen.add(v.id()));
        }
        assertThat(seen).isEqualTo(inserted.reversed());

        var countOnly = storage.read((Stores s) -> s.vpcs().list(SCOPE, all(), new PageRequest(0, 0)));
        assertThat(countOnly.items()).isEmpty();
        assertThat(countOnly.total()).isEqualTo(23);
    }

    @Test
    void filtersByIdNameAndTags() {
        var a = insert(vpc(SCOPE, "a", tag("env", "prod"), tag("team", "net")), "");
        var b = insert(vpc(SCOPE, "b", tag("env", "prod")), "");
        var c = insert(vpc(SCOPE, "a", tag("env", "dev"), tag("team", "net")), "");

        assertThat(list(SCOPE, new VpcStore.Filter(Set.of(b.id()), Set.of(), Set.of(), Set.of(), List.of())))
                .extracting(Vpc::id)
                .containsExactly(b.id());
        assertThat(list(SCOPE, new VpcStore.Filter(Set.of(), Set.of(), Set.of("a"), Set.of(), List.of())))
                .extracting(Vpc::id)
                .containsExactly(c.id(), a.id());
        assertThat(list(SCOPE, new VpcStore.Filter(Set.of(c.id()), Set.of(), Set.of("b"), Set.of(), List.of())))
                .isEmpty();
        assertThat(list(SCOPE, tags(filter("env", "prod")))).extracting(Vpc::id).containsExactly(b.id(), a.id());
        assertThat(list(SCOPE, tags(filter("env", "prod"), filter("team", "net")))).extracting(Vpc::id)
                .containsExactly(a.id());
        assertThat(list(SCOPE, tags(filter("team", null)))).extracting(Vpc::id).containsExactly(c.id(), a.id());
        assertThat(list(SCOPE, tags(filter("team", null), filter("env", "dev")))).extracting(Vpc::id)
                .containsExactly(c.id());
        assertThat(list(SCOPE, tags(filter("missing", null)))).isEmpty();
        assertThat(list(SCOPE, tags(filter("env", "PROD")))).isEmpty();

        var page = storage.read((Stores s) -> s.vpcs().list(SCOPE, tags(filter("team", null)), new PageRequest(1, 1)));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(Vpc::id).containsExactly(a.id());
        assertThat(page.items().getFirst().tags()).containsExactly(tag("env", "prod"), tag("team", "net"));
    }

    @Test
    void clientTokenFindsTheVpcAndIsUniquePerScope() {
        var vpc = insert(vpc(SCOPE, "one"), "token-1");
        insert(vpc(SCOPE, "no token"), "");
        insert(vpc(SCOPE, "no token either"), "");
        insert(vpc(OTHER_REGION, "same token elsewhere"), "token-1");

        assertThat(storage.read((Stores s) -> s.vpcs().findByClientToken(SCOPE, "token-1"))).contains(vpc);
        assertThat(storage.read((Stores s) -> s.vpcs().findByClientToken(SCOPE, "token-2"))).isEmpty();
        assertThat(storage.read((Stores s) -> s.vpcs().findByClientToken(SCOPE, ""))).isEmpty();

        assertThatThrownBy(() -> insert(vpc(SCOPE, "duplicate"), "token-1"))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.uniqueViolation()).isTrue());
        assertThat(list(SCOPE, all())).hasSize(3);
    }
}
