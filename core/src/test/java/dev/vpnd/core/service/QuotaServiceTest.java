package dev.vpnd.core.service;

import static dev.vpnd.core.service.CoreFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ResourceType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuotaServiceTest {
    private final CoreFixture core = new CoreFixture();
    private final QuotaService quotas = core.services.quotas();

    @Test
    void everyKindHasItsDefaultUntilALimitIsSet() {
        assertThat(quotas.list(CoreFixture.ACCOUNT_NAME)).containsExactlyElementsOf(Arrays.stream(QuotaKind.values())
                .map(kind -> new QuotaService.Limit(kind, kind.defaultLimit(), false)).toList());

        assertThat(quotas.set(CoreFixture.ACCOUNT_NAME, QuotaKind.VPC, 3))
                .isEqualTo(new QuotaService.Limit(QuotaKind.VPC, 3, true));
        quotas.set(CoreFixture.ACCOUNT_NAME, QuotaKind.VPC, 4);
        assertThat(quotas.list(CoreFixture.ACCOUNT_NAME)).contains(new QuotaService.Limit(QuotaKind.VPC, 4, true),
                new QuotaService.Limit(QuotaKind.ROUTER, QuotaKind.ROUTER.defaultLimit(), false));
    }

    @Test
    void aLimitIsFromZeroToTheMaximum() {
        assertThat(quotas.set(CoreFixture.ACCOUNT_NAME, QuotaKind.VPC, 0).limit()).isZero();
        assertThat(quotas.set(CoreFixture.ACCOUNT_NAME, QuotaKind.VPC, QuotaKind.MAX_LIMIT).limit())
                .isEqualTo(QuotaKind.MAX_LIMIT);
        for (long limit : new long[] {-1, QuotaKind.MAX_LIMIT + 1}) {
            assertThat(problem(() -> quotas.set(CoreFixture.ACCOUNT_NAME, QuotaKind.VPC, limit)))
                    .isEqualTo(new Problem.InvalidValue(Field.QUOTA_LIMIT, String.valueOf(limit),
                            "from 0 to " + QuotaKind.MAX_LIMIT));
        }
        assertThat(quotas.list(CoreFixture.ACCOUNT_NAME))
                .contains(new QuotaService.Limit(QuotaKind.VPC, QuotaKind.MAX_LIMIT, true));
    }

    @Test
    void anUnknownAccountIsNotFound() {
        assertThat(problem(() -> quotas.set("nobody", QuotaKind.VPC, 1)))
                .isEqualTo(new Problem.NotFound(ResourceType.ACCOUNT, "nobody"));
        assertThat(problem(() -> quotas.list("nobody")))
                .isEqualTo(new Problem.NotFound(ResourceType.ACCOUNT, "nobody"));
    }

    @Test
    void aLowerLimitKeepsWhatExistsAndRefusesTheNextCreate() {
        var vpcs = core.services.vpcs();
        vpcs.create(core.scope, "", CoreFixture.vpc());
        vpcs.create(core.scope, "", CoreFixture.vpc());
        quotas.set(CoreFixture.ACCOUNT_NAME, QuotaKind.VPC, 1);
        assertThat(problem(() -> vpcs.create(core.scope, "", CoreFixture.vpc())))
                .isEqualTo(new Problem.QuotaExceeded(QuotaKind.VPC, 1));
        assertThat(vpcs.list(core.scope, VpcStore.Filter.any(), new PageRequest(0, 0)).total()).isEqualTo(2);
    }
}
