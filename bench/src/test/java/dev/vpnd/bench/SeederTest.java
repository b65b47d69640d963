package dev.vpnd.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.CustomerGatewayStore;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.store.JdbcStorage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeederTest {
    private static final Seeder.Sizes SIZES = new Seeder.Sizes(300, 7);

    @Test
    void seedsWhatTheStoreThenCounts(@TempDir Path dir) {
        Seeder.Seed seed = Seeder.prepare(dir, SIZES);

        assertThat(seed.reused()).isFalse();
        assertThat(seed.gatewayIds()).hasSize(7).doesNotHaveDuplicates();
        assertThat(seed.connectionIds()).hasSize(300).doesNotHaveDuplicates();
        try (var storage = JdbcStorage.sqlite(dir.resolve(Seeder.DATABASE))) {
            var scope = seed.scope();
            var demoKey = storage.read(s -> s.accounts().findKey(AccountService.DEMO_KEY_ID));
            assertThat(demoKey).isPresent();
            var all = ConnectionStore.Filter.any();
            assertThat(storage.read(s -> s.connections().list(scope, all, new PageRequest(0, 0))).total())
                    .isEqualTo(300);
            assertThat(storage.read(s -> s.gateways().list(scope, GatewayStore.Filter.any(),
                    new PageRequest(0, 0))).total()).isEqualTo(7);
            assertThat(storage.read(s -> s.customerGateways().list(scope,
                    CustomerGatewayStore.Filter.any(), new PageRequest(0, 0))).total())
                    .isEqualTo(Seeder.MIN_CUSTOMER_GATEWAYS);

            // 300 over 7 gateways: 43 on the first six, 42 on the last.
            var firstGateway = new ConnectionStore.Filter(Set.of(), Set.of(), Set.of(seed.gatewayIds().get(0)),
                    Set.of(), Set.of(), Set.of(), "", List.of());
            var page = storage.read(s -> s.connections().list(scope, firstGateway, new PageRequest(0, 10)));
            assertThat(page.total()).isEqualTo(43);
            assertThat(page.items()).hasSize(10);
            // Each (gateway, customer gateway) pair at most once, as the service enforces.
            var onGateway = storage.read(s -> s.connections().list(scope, firstGateway, new PageRequest(0, 50)));
            assertThat(new HashSet<>(onGateway.items().stream().map(c -> c.customerGatewayId()).toList()))
                    .hasSize(43);

            // prod is i % 3 == 0 and t7 is (i / 3) % 50 == 7: i = 21 and 171.
            var twoTags = new ConnectionStore.Filter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), "",
                    List.of(new TagFilter("env", "prod"), new TagFilter("team", "t7")));
            assertThat(storage.read(s -> s.connections().list(scope, twoTags, new PageRequest(0, 10))).total())
                    .isEqualTo(2);

            var connection = storage.read(s -> s.connections().find(scope, seed.connectionIds().get(21)))
                    .orElseThrow();
            assertThat(connection.tags()).containsExactly(new Tag("env", "prod"), new Tag("team", "t7"));
            assertThat(connection.lifecycle().state(Instant.now())).isEqualTo(ResourceState.ACTIVE);
            assertThat(connection.ike().psk().value()).hasSize(16);
            assertThat(connection.gatewayId()).isEqualTo(seed.gatewayIds().get(0));
        }
    }

    @Test
    void reusesASeedOfTheSameSizesAndRefusesOthers(@TempDir Path dir) {
        Seeder.Seed first = Seeder.prepare(dir, SIZES);

        Seeder.Seed again = Seeder.prepare(dir, SIZES);

        assertThat(again.reused()).isTrue();
        assertThat(again.connectionIds()).isEqualTo(first.connectionIds());
        assertThat(again.gatewayIds()).isEqualTo(first.gatewayIds());
        assertThat(again.scope()).isEqualTo(first.scope());
        assertThatThrownBy(() -> Seeder.prepare(dir, new Seeder.Sizes(301, 7)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("300 connections");
    }
}
