package dev.vpnd.core.service;

import static dev.vpnd.core.service.CoreFixture.problem;
import static dev.vpnd.core.service.CoreFixture.tags;
import static dev.vpnd.core.service.CoreFixture.vpc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VpcServiceTest {
    private final CoreFixture core = new CoreFixture();
    private final VpcService vpcs = core.services.vpcs();

    private long count() {
        return vpcs.list(core.scope, VpcStore.Filter.any(), new PageRequest(0, 0)).total();
    }

    @Test
    void createKeepsTheDraftAndProvisionsUntilTheDelayHasPassed() {
        var draft = new VpcDraft("prod", "main", "10.8.0.0/16", true, List.of("10.8.0.2"), "corp.example",
                List.of(new Tag("env", "prod")));
        var created = vpcs.create(core.scope, "", draft);
        assertThat(created.scope()).isEqualTo(core.scope);
        assertThat(List.of(created.name(), created.description(), created.cidrBlock(), created.domainName()))
                .containsExactly("prod", "main", "10.8.0.0/16", "corp.example");
        assertThat(created.enableMulticast()).isTrue();
        assertThat(created.dnsServers()).containsExactly("10.8.0.2");
        assertThat(created.revision()).isEqualTo(1);
        assertThat(vpcs.get(core.scope, created.id())).isEqualTo(created);
        assertThat(vpcs.getBySerial(core.scope, created.serial())).isEqualTo(created);

        assertThat(created.lifecycle().state(core.clock.instant())).isEqualTo(ResourceState.PROVISIONING);
        core.clock.advance(CoreFixture.DELAY);
        assertThat(vpcs.get(core.scope, created.id()).lifecycle().state(core.clock.instant()))
                .isEqualTo(ResourceState.ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "10.0.0/16", "256.0.0.0/8", "10.0.0.0/", "ten/8", ""})
    void createRefusesWhatIsNotACidrBlock(String cidr) {
        var draft = new VpcDraft("v", "", cidr, false, List.of(), "", List.of());
        assertThat(problem(() -> vpcs.create(core.scope, "", draft)))
                .isEqualTo(new Problem.InvalidValue(Field.VPC_CIDR_BLOCK, cidr, "not a CIDR block"));
        assertThat(count()).isZero();
    }

    @Test
    void createRefusesAControlCharacterInEveryTextItKeeps() {
        var base = vpc();
        var drafts = List.of(
                new VpcDraft("a\nb", "", base.cidrBlock(), false, List.of(), "", List.of()),
                new VpcDraft("", "tab\there", base.cidrBlock(), false, List.of(), "", List.of()),
                new VpcDraft("", "", base.cidrBlock(), false, List.of(), "corp\u0000", List.of()),
                new VpcDraft("", "", base.cidrBlock(), false, List.of("10.0.0.2\r"), "", List.of()),
                new VpcDraft("", "", base.cidrBlock(), false, List.of(), "", List.of(new Tag("k\u007f", "v"))),
                new VpcDraft("", "", base.cidrBlock(), false, List.of(), "", List.of(new Tag("k", "\u001bv"))));
        var fields = List.of(Field.VPC_NAME, Field.VPC_DESCRIPTION, Field.VPC_DOMAIN_NAME, Field.VPC_DNS_SERVER,
                Field.TAG_KEY, Field.TAG_VALUE);
        for (int i = 0; i < drafts.size(); i++) {
            var draft = drafts.get(i);
            var field = fields.get(i);
            assertThat(problem(() -> vpcs.create(core.scope, "", draft))).as(field.name())
                    .isInstanceOfSatisfying(Problem.InvalidValue.class, p -> {
                        assertThat(p.field()).isEqualTo(field);
                        // The value may be a secret elsewhere: problems never carry it.
                        assertThat(p.value()).isEmpty();
                    });
        }
        assertThat(count()).isZero();
    }

    @Test
    void createRefusesMoreTagsThanAResourceMayCarry() {
        var draft = new VpcDraft("v", "", "10.0.0.0/16", false, List.of(), "", tags(Tags.MAX_PER_RESOURCE + 1));
        assertThat(problem(() -> vpcs.create(core.scope, "", draft)))
                .isEqualTo(new Problem.LimitExceeded(ResourceType.VPC, "tags", Tags.MAX_PER_RESOURCE));
        var most = new VpcDraft("v", "", "10.0.0.0/16", false, List.of(), "", tags(Tags.MAX_PER_RESOURCE));
        assertThat(vpcs.create(core.scope, "", most).tags()).hasSize(Tags.MAX_PER_RESOURCE);
    }

    @Test
    void aRepeatedClientTokenReturnsTheFirstVpcOfItsScope() {
        var first = vpcs.create(core.scope, "token-1", vpc());
        var again = vpcs.create(core.scope, "token-1", new VpcDraft("other", "", "172.16.0.0/12", false, List.of(),
                "", List.of()));
        assertThat(again).isEqualTo(first);
        assertThat(count()).isEqualTo(1);
        assertThat(vpcs.create(core.other, "token-1", vpc()).id()).isNotEqualTo(first.id());
        assertThat(vpcs.create(core.scope, "", vpc()).id()).isNotEqualTo(first.id());
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void createStopsAtTheAccountsQuotaInTheRegion() {
        core.services.quotas().set(CoreFixture.ACCOUNT_NAME, QuotaKind.VPC, 2);
        vpcs.create(core.scope, "", vpc());
        vpcs.create(core.scope, "", vpc());
        assertThat(problem(() -> vpcs.create(core.scope, "", vpc())))
                .isEqualTo(new Problem.QuotaExceeded(QuotaKind.VPC, 2));
        assertThat(count()).isEqualTo(2);
        // Counted per region.
        assertThat(vpcs.create(core.other, "", vpc()).scope()).isEqualTo(core.other);
    }

    @Test
    void aVpcIsFoundOnlyInItsOwnScope() {
        var created = vpcs.create(core.scope, "", vpc());
        assertThat(problem(() -> vpcs.get(core.other, created.id())))
                .isEqualTo(new Problem.NotFound(ResourceType.VPC, created.id()));
        assertThat(problem(() -> vpcs.getBySerial(core.other, created.serial())))
                .isEqualTo(new Problem.NotFound(ResourceType.VPC, String.valueOf(created.serial())));
        assertThat(vpcs.list(core.other, VpcStore.Filter.any(), new PageRequest(0, 10)).items()).isEmpty();
    }

    @Test
    void deleteRefusesWhileAGatewayIsInTheVpcAndThenRemovesItWithItsTags() {
        var created = vpcs.create(core.scope, "", new VpcDraft("v", "", "10.0.0.0/16", false, List.of(), "",
                List.of(new Tag("env", "prod"))));
        var gateway = core.services.gateways().create(core.scope, "", CoreFixture.gateway(created.id()));
        assertThat(problem(() -> vpcs.delete(core.scope, created.id())))
                .isEqualTo(new Problem.InUse(ResourceType.VPC, created.id(), ResourceType.VPN_GATEWAY));
        assertThat(vpcs.get(core.scope, created.id())).isEqualTo(created);

        core.settle();
        core.services.gateways().delete(core.scope, gateway.id());
        vpcs.delete(core.scope, created.id());
        assertThat(problem(() -> vpcs.get(core.scope, created.id())))
                .isEqualTo(new Problem.NotFound(ResourceType.VPC, created.id()));
        assertThat(core.storedTags(ResourceType.VPC, created.id())).isEmpty();
    }

    @Test
    void deleteOfAnUnknownVpcIsNotFound() {
        assertThat(problem(() -> vpcs.delete(core.scope, "no-such-vpc")))
                .isEqualTo(new Problem.NotFound(ResourceType.VPC, "no-such-vpc"));
    }
}
