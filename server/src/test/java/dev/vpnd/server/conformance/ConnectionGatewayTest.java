package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.core.service.ConnectionDraft;
import dev.vpnd.server.RegionFile;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.core.service.Services;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A connection stays on the gateway it was created on: no cloud's API can move one, and the store's
 * kept totals rely on it, so the service refuses a change that tries, and the totals the SDK reads
 * stay what they were.
 */
class ConnectionGatewayTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private long total(Client client, String gatewayId) throws Exception {
        return client.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(AliyunClients.REGION)
                .setVpnGatewayId(gatewayId)).getBody().getTotalCount();
    }

    @Test
    void aChangeOfGatewayIsRefusedAndTheTotalsStay() throws Exception {
        Client client = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        var fixtures = new AliyunFixtures(client);
        String first = fixtures.gateway();
        String second = fixtures.gateway();
        String connection = fixtures.connection(first, fixtures.customerGateway(), "stays-put");
        AliyunClients.awaitActiveConnection(client, connection);

        var services = VPND.services();
        String account = services.accounts().findKey(AccountService.DEMO_KEY_ID).orElseThrow().accountId();
        var scope = new Scope(account, RegionFile.defaults().in(RegionFile.ALIYUN).id(AliyunClients.REGION)
                .orElseThrow());
        var byName = new ConnectionStore.Filter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of("stays-put"),
                "", List.of());
        var stored = services.connections().list(scope, byName, new PageRequest(0, 1)).items().getFirst();
        String otherGateway = otherGatewayThan(services, scope, stored.gatewayId());

        var refused = catchThrowableOfType(ProblemException.class, () -> services.connections().modify(scope,
                stored.id(), d -> withGateway(d, otherGateway)));

        assertThat(refused.problem()).isInstanceOf(Problem.InvalidValue.class);
        assertThat(((Problem.InvalidValue) refused.problem()).field()).isEqualTo(Field.CONNECTION_GATEWAY);
        assertThat(services.connections().get(scope, stored.id())).isEqualTo(stored);
        assertThat(total(client, first)).isEqualTo(1);
        assertThat(total(client, second)).isZero();
    }

    private static String otherGatewayThan(Services services, Scope scope, String gatewayId) {
        return services.gateways().list(scope, GatewayStore.Filter.any(), new PageRequest(0, 50)).items().stream()
                .map(VpnGateway::id).filter(id -> !id.equals(gatewayId)).findFirst().orElseThrow();
    }

    private static ConnectionDraft withGateway(ConnectionDraft d, String gatewayId) {
        return new ConnectionDraft(gatewayId, d.customerGatewayId(), d.name(), d.securityPolicies(), d.initiation(),
                d.enableDpd(), d.dpdTimeoutSeconds(), d.dpdAction(), d.enableNatTraversal(), d.autoConfigRoute(),
                d.routeType(), d.ike(), d.ipsec(), d.bgp(), d.healthCheck(), d.remoteCaCertificate(),
                d.enableTunnelsBgp(), d.tunnels(), d.tags());
    }
}
