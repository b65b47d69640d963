package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.OTHER_ACCOUNT;
import static dev.vpnd.store.Fixtures.SCOPE;
import static dev.vpnd.store.Fixtures.customerGateway;
import static dev.vpnd.store.Fixtures.filter;
import static dev.vpnd.store.Fixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.port.Stores;
import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.port.CustomerGatewayStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.port.Match;
import java.util.Set;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerGatewayStoreTest extends StoreTestBase {

    private CustomerGateway insert(CustomerGateway gateway, String clientToken) {
        storage.write((Stores s) -> {
            s.customerGateways().insert(gateway, clientToken);
            return null;
        });
        return gateway;
    }

    private List<String> ids(String id, TagFilter... tags) {
        var filter = new CustomerGatewayStore.Filter(Match.oneOrAny(id), Set.of(), Set.of(), Set.of(), List.of(tags));
        return storage.read((Stores s) -> s.customerGateways().list(SCOPE, filter,
                new PageRequest(0, 50))).items().stream().map(CustomerGateway::id).toList();
    }

    @Test
    void insertFindByIdTokenAndAddress() {
        var g = insert(customerGateway(SCOPE, "203.0.113.7"), "tok");
        insert(customerGateway(OTHER_ACCOUNT, "203.0.113.8"), "");
        assertThat(storage.read((Stores s) -> s.customerGateways().find(SCOPE, g.id()))).contains(g);
        assertThat(storage.read((Stores s) -> s.customerGateways().findByClientToken(SCOPE, "tok"))).contains(g);
        assertThat(storage.read((Stores s) -> s.customerGateways().findByIpAddress(SCOPE, "203.0.113.7"))).contains(g);
        assertThat(storage.read((Stores s) -> s.customerGateways().findByIpAddress(SCOPE, "203.0.113.8"))).isEmpty();
        assertThat(storage.read((Stores s) -> s.customerGateways().findByIpAddress(OTHER_ACCOUNT, "203.0.113.7")))
                .isEmpty();
    }

    @Test
    void updateDeleteAndFilters() {
        var a = insert(customerGateway(SCOPE, "203.0.113.1"), "");
        var b = insert(customerGateway(SCOPE, "203.0.113.2"), "");
        putTags(SCOPE, ResourceType.CUSTOMER_GATEWAY, a.id(), tag("site", "berlin"), tag("isp", "x"));
        putTags(SCOPE, ResourceType.CUSTOMER_GATEWAY, b.id(), tag("site", "paris"));

        var changed = new CustomerGateway(a.id(), a.serial(), SCOPE, "renamed", "desc", a.ipAddress(), 65100, "",
                a.createdAt(),
                List.of(), 2);
        assertThat(storage.write((Stores s) -> s.customerGateways().update(changed, 1))).isTrue();
        assertThat(storage.write((Stores s) -> s.customerGateways().update(changed, 1))).isFalse();
        assertThat(storage.read((Stores s) -> s.customerGateways().find(SCOPE, a.id())))
                .contains(changed.withTags(List.of(tag("isp", "x"), tag("site", "berlin"))));

        assertThat(ids(null)).containsExactly(b.id(), a.id());
        assertThat(ids(a.id())).containsExactly(a.id());
        assertThat(ids(null, filter("site", null))).containsExactly(b.id(), a.id());
        assertThat(ids(null, filter("site", "berlin"), filter("isp", null))).containsExactly(a.id());
        assertThat(ids(null, filter("site", "paris"), filter("isp", null))).isEmpty();

        assertThat(storage.write((Stores s) -> s.customerGateways().delete(SCOPE, b.id()))).isTrue();
        assertThat(ids(null)).containsExactly(a.id());
    }
}
