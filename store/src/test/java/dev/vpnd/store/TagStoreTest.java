package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.OTHER_REGION;
import static dev.vpnd.store.Fixtures.SCOPE;
import static dev.vpnd.store.Fixtures.filter;
import static dev.vpnd.store.Fixtures.tag;
import static dev.vpnd.store.Fixtures.vpc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.port.Stores;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.port.TagStore.TagBinding;
import dev.vpnd.core.problem.ResourceType;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagStoreTest extends StoreTestBase {

    private Vpc insertVpc(dev.vpnd.core.model.Scope scope) {
        var vpc = vpc(scope, "v");
        storage.write((Stores s) -> {
            s.vpcs().insert(vpc, "");
            return null;
        });
        return vpc;
    }

    private List<Tag> tagsOf(String id) {
        return storage.read((Stores s) -> s.tags().tagsOf(ResourceType.VPC, id));
    }

    private List<TagBinding> list(Collection<String> ids, List<TagFilter> filters, long offset, int limit) {
        return storage.read((Stores s) -> s.tags().list(SCOPE, ResourceType.VPC, ids, filters, offset, limit));
    }

    @Test
    void putReplacesValuesAndRemoveDeletesKeys() {
        var vpc = insertVpc(SCOPE);
        putTags(SCOPE, ResourceType.VPC, vpc.id(), tag("b", "1"), tag("a", "1"), tag("c", ""));
        putTags(SCOPE, ResourceType.VPC, vpc.id(), tag("b", "2"));
        assertThat(tagsOf(vpc.id())).containsExactly(tag("a", "1"), tag("b", "2"), tag("c", ""));
        assertThat(storage.read((Stores s) -> s.tags().tagsOf(ResourceType.VPN_GATEWAY, vpc.id()))).isEmpty();

        storage.write((Stores s) -> {
            s.tags().remove(ResourceType.VPC, vpc.id(), List.of("a", "missing"));
            return null;
        });
        assertThat(tagsOf(vpc.id())).containsExactly(tag("b", "2"), tag("c", ""));

        storage.write((Stores s) -> {
            s.tags().removeAll(ResourceType.VPC, vpc.id());
            return null;
        });
        assertThat(tagsOf(vpc.id())).isEmpty();
    }

    @Test
    void listsBindingsOfTheScopeNewestResourceFirstThenByKey() {
        var older = insertVpc(SCOPE);
        var newer = insertVpc(SCOPE);
        var elsewhere = insertVpc(OTHER_REGION);
        putTags(SCOPE, ResourceType.VPC, older.id(), tag("env", "prod"), tag("app", "x"));
        putTags(SCOPE, ResourceType.VPC, newer.id(), tag("env", "dev"));
        putTags(OTHER_REGION, ResourceType.VPC, elsewhere.id(), tag("env", "prod"));

        var all = list(List.of(), List.of(), 0, 100);
        assertThat(all).containsExactly(new TagBinding(newer.id(), tag("env", "dev")),
                new TagBinding(older.id(), tag("app", "x")), new TagBinding(older.id(), tag("env", "prod")));
        assertThat(list(List.of(), List.of(), 1, 1)).containsExactly(all.get(1));
        assertThat(list(List.of(), List.of(), 0, 0)).isEmpty();
        assertThat(list(List.of(older.id()), List.of(), 0, 100)).hasSize(2);
        assertThat(list(List.of(elsewhere.id()), List.of(), 0, 100)).isEmpty();
        assertThat(list(List.of(), List.of(filter("env", "prod")), 0, 100)).extracting(TagBinding::resourceId)
                .containsOnly(older.id()).hasSize(2);
        assertThat(list(List.of(), List.of(filter("env", null)), 0, 100)).hasSize(3);
        assertThat(list(List.of(), List.of(filter("env", null), filter("app", "x")), 0, 100)).hasSize(2);
        assertThat(storage.read((Stores s) -> s.tags()
                .list(SCOPE, ResourceType.VPN_GATEWAY, List.of(), List.of(), 0, 10)))
                .isEmpty();
    }
}
