package dev.vpnd.core.service;

import static dev.vpnd.core.service.CoreFixture.customerGateway;
import static dev.vpnd.core.service.CoreFixture.gateway;
import static dev.vpnd.core.service.CoreFixture.problem;
import static dev.vpnd.core.service.CoreFixture.tags;
import static dev.vpnd.core.service.CoreFixture.vpc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.ChargeType;
import dev.vpnd.core.model.NetworkType;
import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.model.VpnType;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class GatewayServiceTest {
    private final CoreFixture core = new CoreFixture();
    private final GatewayService gateways = core.services.gateways();
    private final String vpcId = core.services.vpcs().create(core.scope, "", vpc()).id();

    private long count() {
        return gateways.list(core.scope, GatewayStore.Filter.any(), new PageRequest(0, 0)).total();
    }

    private static GatewayDraft withText(GatewayDraft d, String name, String description, String vswitch,
            String zone) {
        return new GatewayDraft(d.vpcId(), vswitch, name, description, d.bandwidthMbps(), d.networkType(),
                d.vpnType(), d.enableIpsec(), d.enableSsl(), d.sslConnections(), d.chargeType(), zone, d.asn(),
                d.tags());
    }

    @Test
    void createKeepsTheSettingsAndGivesAnAddressOfTheSharedSpace() {
        var draft = new GatewayDraft(vpcId, "vsw-9", "edge", "main", 200, NetworkType.PRIVATE, VpnType.SHANGMI,
                false, true, 50, ChargeType.PREPAID, "zone-b", 64512, List.of(new Tag("env", "prod")));
        var created = gateways.create(core.scope, "", draft);
        assertThat(GatewayDraft.of(created)).isEqualTo(draft);
        assertThat(created.internetIp()).matches("100\\.(6[4-9]|[7-9]\\d|1[01]\\d|12[0-7])\\.\\d+\\.\\d+");
        assertThat(created.revision()).isEqualTo(1);
        assertThat(gateways.get(core.scope, created.id())).isEqualTo(created);
        assertThat(gateways.getBySerial(core.scope, created.serial())).isEqualTo(created);
        assertThat(core.storedTags(ResourceType.VPN_GATEWAY, created.id())).containsExactly(new Tag("env", "prod"));

        assertThat(created.lifecycle().state(core.clock.instant())).isEqualTo(ResourceState.PROVISIONING);
        core.clock.advance(CoreFixture.DELAY);
        assertThat(created.lifecycle().state(core.clock.instant())).isEqualTo(ResourceState.ACTIVE);
    }

    @Test
    void createNeedsTheVpcInTheCallersScope() {
        assertThat(problem(() -> gateways.create(core.scope, "", gateway("no-such-vpc"))))
                .isEqualTo(new Problem.NotFound(ResourceType.VPC, "no-such-vpc"));
        assertThat(problem(() -> gateways.create(core.other, "", gateway(vpcId))))
                .isEqualTo(new Problem.NotFound(ResourceType.VPC, vpcId));
        assertThat(count()).isZero();
    }

    @Test
    void createRefusesAControlCharacterInEveryTextItKeeps() {
        var base = gateway(vpcId);
        assertThat(problem(() -> gateways.create(core.scope, "", withText(base, "a\nb", "", "", ""))))
                .extracting(p -> ((Problem.InvalidValue) p).field()).isEqualTo(Field.GATEWAY_NAME);
        assertThat(problem(() -> gateways.create(core.scope, "", withText(base, "", "\u0007", "", ""))))
                .extracting(p -> ((Problem.InvalidValue) p).field()).isEqualTo(Field.GATEWAY_DESCRIPTION);
        assertThat(problem(() -> gateways.create(core.scope, "", withText(base, "", "", "vsw\t", ""))))
                .extracting(p -> ((Problem.InvalidValue) p).field()).isEqualTo(Field.GATEWAY_VSWITCH);
        assertThat(problem(() -> gateways.create(core.scope, "", withText(base, "", "", "", "\u007fzone"))))
                .extracting(p -> ((Problem.InvalidValue) p).field()).isEqualTo(Field.GATEWAY_ZONE);
        var badTag = new GatewayDraft(vpcId, "", "", "", 10, NetworkType.PUBLIC, VpnType.INTERNATIONAL, true, false,
                5, ChargeType.POSTPAID, "", 0, List.of(new Tag("k", "v\r")));
        assertThat(problem(() -> gateways.create(core.scope, "", badTag)))
                .extracting(p -> ((Problem.InvalidValue) p).field()).isEqualTo(Field.TAG_VALUE);
        assertThat(count()).isZero();
    }

    @Test
    void createRefusesMoreTagsThanAResourceMayCarry() {
        var base = gateway(vpcId);
        var draft = new GatewayDraft(vpcId, "", "", "", 10, base.networkType(), base.vpnType(), true, false, 5,
                base.chargeType(), "", 0, tags(Tags.MAX_PER_RESOURCE + 1));
        assertThat(problem(() -> gateways.create(core.scope, "", draft)))
                .isEqualTo(new Problem.LimitExceeded(ResourceType.VPN_GATEWAY, "tags", Tags.MAX_PER_RESOURCE));
    }

    @Test
    void aRepeatedClientTokenReturnsTheFirstGateway() {
        var first = gateways.create(core.scope, "token-1", gateway(vpcId));
        assertThat(gateways.create(core.scope, "token-1", withText(gateway(vpcId), "other", "", "", "")))
                .isEqualTo(first);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void createStopsAtTheAccountsQuotaInTheRegion() {
        core.services.quotas().set(CoreFixture.ACCOUNT_NAME, QuotaKind.VPN_GATEWAY, 1);
        gateways.create(core.scope, "", gateway(vpcId));
        assertThat(problem(() -> gateways.create(core.scope, "", gateway(vpcId))))
                .isEqualTo(new Problem.QuotaExceeded(QuotaKind.VPN_GATEWAY, 1));
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void modifyChangesTheSettingsButNotTheVpcAddressLifecycleOrTags() {
        var created = gateways.create(core.scope, "", withText(gateway(vpcId), "gw", "", "", ""));
        core.services.tags().tag(core.scope, ResourceType.VPN_GATEWAY, List.of(created.id()),
                List.of(new Tag("env", "prod")));
        var tagged = gateways.get(core.scope, created.id());
        String otherVpc = core.services.vpcs().create(core.scope, "", vpc()).id();
        UnaryOperator<GatewayDraft> change = d -> new GatewayDraft(otherVpc, "vsw-2", "renamed", "new",
                100, NetworkType.PRIVATE, VpnType.SHANGMI, false, true, 20, ChargeType.PREPAID, "zone-c", 65000,
                List.of());
        core.clock.advance(CoreFixture.DELAY);

        var modified = gateways.modify(core.scope, created.id(), change);
        assertThat(modified.vpcId()).isEqualTo(vpcId);
        assertThat(List.of(modified.name(), modified.description(), modified.vswitchId(), modified.zone()))
                .containsExactly("renamed", "new", "vsw-2", "zone-c");
        assertThat(List.of(modified.networkType(), modified.vpnType(), modified.chargeType()))
                .containsExactly(NetworkType.PRIVATE, VpnType.SHANGMI, ChargeType.PREPAID);
        assertThat(modified.internetIp()).isEqualTo(created.internetIp());
        assertThat(modified.lifecycle()).isEqualTo(created.lifecycle());
        assertThat(modified.revision()).isEqualTo(tagged.revision() + 1);
        assertThat(gateways.get(core.scope, created.id())).isEqualTo(modified.withTags(tagged.tags()));
    }

    @Test
    void aProvisioningGatewayTakesNoModifyAndNoDeleteUntilItIsActive() {
        var created = gateways.create(core.scope, "", gateway(vpcId));
        assertThat(problem(() -> gateways.modify(core.scope, created.id(), d -> d.withNaming("renamed", ""))))
                .isEqualTo(new Problem.WrongState(ResourceType.VPN_GATEWAY, created.id(), ResourceState.PROVISIONING,
                        Problem.WrongState.Change.MODIFY));
        assertThat(problem(() -> gateways.delete(core.scope, created.id())))
                .isEqualTo(new Problem.WrongState(ResourceType.VPN_GATEWAY, created.id(), ResourceState.PROVISIONING,
                        Problem.WrongState.Change.DELETE));
        assertThat(gateways.get(core.scope, created.id())).isEqualTo(created);

        core.settle();
        assertThat(gateways.modify(core.scope, created.id(), d -> d.withNaming("renamed", "")).name())
                .isEqualTo("renamed");
        gateways.delete(core.scope, created.id());
        assertThat(problem(() -> gateways.get(core.scope, created.id())))
                .isEqualTo(new Problem.NotFound(ResourceType.VPN_GATEWAY, created.id()));
    }

    @Test
    void modifyRefusesAControlCharacterAndKeepsTheGateway() {
        var created = gateways.create(core.scope, "", gateway(vpcId));
        core.settle();
        assertThat(problem(() -> gateways.modify(core.scope, created.id(), d -> d.withNaming("bad\nname", ""))))
                .extracting(p -> ((Problem.InvalidValue) p).field()).isEqualTo(Field.GATEWAY_NAME);
        assertThat(gateways.get(core.scope, created.id())).isEqualTo(created);
    }

    @Test
    void modifyOfAnUnknownGatewayIsNotFound() {
        assertThat(problem(() -> gateways.modify(core.scope, "no-such-gateway", d -> d)))
                .isEqualTo(new Problem.NotFound(ResourceType.VPN_GATEWAY, "no-such-gateway"));
    }

    @Test
    void deleteRefusesWhileAConnectionUsesTheGatewayAndThenRemovesItWithItsTags() {
        var created = gateways.create(core.scope, "", gateway(vpcId));
        var peer = core.services.customerGateways().create(core.scope, "", customerGateway("198.51.100.1"));
        var connection = core.services.connections().create(core.scope, "",
                CoreFixture.connection(created.id(), peer.id()));
        core.services.tags().tag(core.scope, ResourceType.VPN_GATEWAY, List.of(created.id()),
                List.of(new Tag("env", "prod")));
        core.settle();
        assertThat(problem(() -> gateways.delete(core.scope, created.id())))
                .isEqualTo(new Problem.InUse(ResourceType.VPN_GATEWAY, created.id(), ResourceType.VPN_CONNECTION));
        assertThat(core.storedTags(ResourceType.VPN_GATEWAY, created.id())).isNotEmpty();

        core.services.connections().delete(core.scope, connection.id());
        gateways.delete(core.scope, created.id());
        assertThat(problem(() -> gateways.get(core.scope, created.id())))
                .isEqualTo(new Problem.NotFound(ResourceType.VPN_GATEWAY, created.id()));
        assertThat(core.storedTags(ResourceType.VPN_GATEWAY, created.id())).isEmpty();
    }

    @Test
    void aGatewayOfAnotherScopeIsNeitherFoundNorDeleted() {
        var created = gateways.create(core.scope, "", gateway(vpcId));
        assertThat(problem(() -> gateways.get(core.other, created.id())))
                .isEqualTo(new Problem.NotFound(ResourceType.VPN_GATEWAY, created.id()));
        assertThat(problem(() -> gateways.delete(core.other, created.id())))
                .isEqualTo(new Problem.NotFound(ResourceType.VPN_GATEWAY, created.id()));
        assertThat(gateways.get(core.scope, created.id())).isEqualTo(created);
    }
}
