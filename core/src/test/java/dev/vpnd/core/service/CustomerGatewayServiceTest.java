package dev.vpnd.core.service;

import static dev.vpnd.core.service.CoreFixture.customerGateway;
import static dev.vpnd.core.service.CoreFixture.gateway;
import static dev.vpnd.core.service.CoreFixture.problem;
import static dev.vpnd.core.service.CoreFixture.tunnel;
import static dev.vpnd.core.service.CoreFixture.vpc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.model.TunnelRole;
import dev.vpnd.core.port.CustomerGatewayStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerGatewayServiceTest {
    private final CoreFixture core = new CoreFixture();
    private final CustomerGatewayService peers = core.services.customerGateways();

    private long count() {
        return peers.list(core.scope, CustomerGatewayStore.Filter.any(), new PageRequest(0, 0)).total();
    }

    @Test
    void createKeepsTheDraft() {
        var draft = new CustomerGatewayDraft("idc", "branch", "198.51.100.7", 65100, "auth", List.of(
                new Tag("site", "north")));
        var created = peers.create(core.scope, "", draft);
        assertThat(CustomerGatewayDraft.of(created)).isEqualTo(draft);
        assertThat(created.createdAt()).isEqualTo(core.clock.instant());
        assertThat(peers.get(core.scope, created.id())).isEqualTo(created);
        assertThat(peers.getBySerial(core.scope, created.serial())).isEqualTo(created);
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.51.100", "198.51.100.256", "198.51.100.7/32", "peer.example", "", "1.2.3.4.5"})
    void createRefusesWhatIsNotAnIpv4Address(String address) {
        assertThat(problem(() -> peers.create(core.scope, "", customerGateway(address))))
                .isEqualTo(new Problem.InvalidValue(Field.CUSTOMER_GATEWAY_ADDRESS, address, "not an IPv4 address"));
        assertThat(count()).isZero();
    }

    @Test
    void anAddressIsTakenOncePerScope() {
        peers.create(core.scope, "", customerGateway("198.51.100.7"));
        assertThat(problem(() -> peers.create(core.scope, "", customerGateway("198.51.100.7"))))
                .isEqualTo(new Problem.AlreadyExists(ResourceType.CUSTOMER_GATEWAY, Field.CUSTOMER_GATEWAY_ADDRESS,
                        "198.51.100.7"));
        assertThat(count()).isEqualTo(1);
        assertThat(peers.create(core.other, "", customerGateway("198.51.100.7")).scope()).isEqualTo(core.other);
    }

    @Test
    void aRepeatedClientTokenReturnsTheFirstGatewayEvenForAnotherAddress() {
        var first = peers.create(core.scope, "token-1", customerGateway("198.51.100.7"));
        assertThat(peers.create(core.scope, "token-1", customerGateway("198.51.100.8"))).isEqualTo(first);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void createRefusesAControlCharacterInEveryTextItKeeps() {
        var drafts = List.of(
                new CustomerGatewayDraft("a\nb", "", "198.51.100.7", 0, "", List.of()),
                new CustomerGatewayDraft("", "\u0000", "198.51.100.7", 0, "", List.of()),
                new CustomerGatewayDraft("", "", "198.51.100.7", 0, "key\u001f", List.of()),
                new CustomerGatewayDraft("", "", "198.51.100.7", 0, "", List.of(new Tag("\tk", ""))));
        var fields = List.of(Field.CUSTOMER_GATEWAY_NAME, Field.CUSTOMER_GATEWAY_DESCRIPTION,
                Field.CUSTOMER_GATEWAY_AUTH_KEY, Field.TAG_KEY);
        for (int i = 0; i < drafts.size(); i++) {
            var draft = drafts.get(i);
            assertThat(problem(() -> peers.create(core.scope, "", draft)))
                    .extracting(p -> ((Problem.InvalidValue) p).field()).isEqualTo(fields.get(i));
        }
        assertThat(count()).isZero();
    }

    @Test
    void createStopsAtTheAccountsQuotaInTheRegion() {
        core.services.quotas().set(CoreFixture.ACCOUNT_NAME, QuotaKind.CUSTOMER_GATEWAY, 1);
        peers.create(core.scope, "", customerGateway("198.51.100.7"));
        assertThat(problem(() -> peers.create(core.scope, "", customerGateway("198.51.100.8"))))
                .isEqualTo(new Problem.QuotaExceeded(QuotaKind.CUSTOMER_GATEWAY, 1));
    }

    @Test
    void modifyChangesNameDescriptionAsnAndKeyButNotTheAddress() {
        var created = peers.create(core.scope, "", customerGateway("198.51.100.7"));
        var modified = peers.modify(core.scope, created.id(), d -> new CustomerGatewayDraft("renamed", "moved",
                "203.0.113.9", 65200, "new-key", d.tags()));
        assertThat(List.of(modified.name(), modified.description(), modified.authKey()))
                .containsExactly("renamed", "moved", "new-key");
        assertThat(modified.asn()).isEqualTo(65200);
        assertThat(modified.ipAddress()).isEqualTo("198.51.100.7");
        assertThat(modified.revision()).isEqualTo(created.revision() + 1);
        assertThat(peers.get(core.scope, created.id())).isEqualTo(modified);
    }

    @Test
    void modifyRefusesAControlCharacterAndKeepsTheGateway() {
        var created = peers.create(core.scope, "", customerGateway("198.51.100.7"));
        assertThat(problem(() -> peers.modify(core.scope, created.id(), d -> new CustomerGatewayDraft(d.name(),
                "two\nlines", d.ipAddress(), d.asn(), d.authKey(), d.tags()))))
                .extracting(p -> ((Problem.InvalidValue) p).field()).isEqualTo(Field.CUSTOMER_GATEWAY_DESCRIPTION);
        assertThat(peers.get(core.scope, created.id())).isEqualTo(created);
        assertThat(problem(() -> peers.modify(core.scope, "no-such-peer", d -> d)))
                .isEqualTo(new Problem.NotFound(ResourceType.CUSTOMER_GATEWAY, "no-such-peer"));
    }

    @Test
    void deleteRefusesWhileAConnectionUsesTheGatewayDirectly() {
        String gatewayId = core.services.gateways().create(core.scope, "",
                gateway(core.services.vpcs().create(core.scope, "", vpc()).id())).id();
        var peer = peers.create(core.scope, "", customerGateway("198.51.100.7"));
        var connection = core.services.connections().create(core.scope, "",
                CoreFixture.connection(gatewayId, peer.id()));
        assertThat(problem(() -> peers.delete(core.scope, peer.id())))
                .isEqualTo(new Problem.InUse(ResourceType.CUSTOMER_GATEWAY, peer.id(), ResourceType.VPN_CONNECTION));

        core.settle();
        core.services.connections().delete(core.scope, connection.id());
        peers.delete(core.scope, peer.id());
        assertThat(count()).isZero();
        // Its address is free again.
        assertThat(peers.create(core.scope, "", customerGateway("198.51.100.7")).id()).isNotEqualTo(peer.id());
    }

    @Test
    void deleteRefusesWhileATunnelUsesTheGateway() {
        String gatewayId = core.services.gateways().create(core.scope, "",
                gateway(core.services.vpcs().create(core.scope, "", vpc()).id())).id();
        var master = peers.create(core.scope, "", customerGateway("198.51.100.7"));
        var slave = peers.create(core.scope, "", customerGateway("198.51.100.8"));
        core.services.connections().create(core.scope, "", CoreFixture.dualTunnel(gatewayId,
                tunnel(1, TunnelRole.MASTER, master.id()), tunnel(2, TunnelRole.SLAVE, slave.id())));
        assertThat(problem(() -> peers.delete(core.scope, slave.id())))
                .isEqualTo(new Problem.InUse(ResourceType.CUSTOMER_GATEWAY, slave.id(), ResourceType.VPN_CONNECTION));
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void deleteOfAnUnknownGatewayIsNotFound() {
        assertThat(problem(() -> peers.delete(core.scope, "no-such-peer")))
                .isEqualTo(new Problem.NotFound(ResourceType.CUSTOMER_GATEWAY, "no-such-peer"));
    }
}
