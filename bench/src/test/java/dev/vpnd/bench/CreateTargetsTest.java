package dev.vpnd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import dev.vpnd.store.JdbcStorage;
import java.nio.file.Path;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateTargetsTest {
    @Test
    void eachRunGetsFreshPairsOnTheSameGatewaysAndTheQuotaAllowsThem(@TempDir Path dir) {
        Seeder.prepare(dir, new Seeder.Sizes(20, 2));

        var first = CreateTargets.prepare(dir, null, 2_500);
        var second = CreateTargets.prepare(dir, null, 1);

        assertThat(first.gatewayIds()).hasSize(CreateTargets.GATEWAYS).doesNotHaveDuplicates();
        assertThat(second.gatewayIds()).containsExactlyInAnyOrderElementsOf(first.gatewayIds());
        assertThat(first.customerGatewayIds()).hasSize(3);
        assertThat(second.customerGatewayIds()).hasSize(1).doesNotContainAnyElementsOf(first.customerGatewayIds());
        assertThat(first.pairs()).isEqualTo(3_000);
        var pairs = new HashSet<String>();
        for (long k = 0; k < first.pairs(); k++) {
            pairs.add(first.gatewayOf(k) + " " + first.customerGatewayOf(k));
        }
        assertThat(pairs).hasSize(3_000);
        try (var storage = JdbcStorage.sqlite(dir.resolve(Seeder.DATABASE))) {
            String account = storage.read(s -> s.accounts().findByName(AccountService.DEMO_ACCOUNT)).orElseThrow().id();
            long limit = storage.read(s -> s.quotas().find(account, QuotaKind.VPN_CONNECTION)).orElse(0);
            assertThat(limit).isEqualTo(QuotaKind.MAX_LIMIT);
            String gateway = AliyunIds.decode(ResourceType.VPN_GATEWAY, first.gatewayOf(0)).orElseThrow();
            var found = storage.read(s -> s.gateways().find(new Scope(account, "shanghai"), gateway));
            assertThat(found).isPresent();
        }
    }
}
