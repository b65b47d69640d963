package dev.vpnd.server.conformance;

import static dev.vpnd.server.conformance.AliyunClients.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateVpcRequest;
import com.aliyun.vpc20160428.models.DeleteCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.DeleteVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpcsRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.security.KeyStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quotas through the new Alibaba SDK, each test on a fresh account (whose limits are the defaults):
 * a create over the limit is {@code 400 Resource.QuotaFull}, {@code vpnd quota set} raising the
 * limit lets it through, a delete frees a slot, and concurrent creates never pass the limit together.
 */
class AliyunQuotaTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static Client client(String account) throws Exception {
        var created = VPND.services().accounts().create(account, List.of(KeyStyle.ALIYUN.shape()));
        return AliyunClients.newSdk(VPND.aliyunEndpoint(), false, created.keys().getFirst().id(),
                created.keys().getFirst().secret().value());
    }

    private static void assertQuotaFull(ThrowingCallable create) {
        var refused = catchThrowableOfType(TeaException.class, create);
        assertThat(refused).as("refused over the quota").isNotNull();
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getCode()).isEqualTo("Resource.QuotaFull");
        assertThat(refused.getMessage()).contains("The quota of resource is full");
    }

    private static long connectionsOn(Client client, String gateway) throws Exception {
        return client.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                .setVpnGatewayId(gateway)).getBody().getTotalCount();
    }

    @Test
    void aGatewayTakesTenConnectionsUntilTheLimitIsRaised() throws Exception {
        var client = client("quota-connections");
        var fixtures = new AliyunFixtures(client);
        String gateway = fixtures.gateway();
        var connections = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            connections.add(fixtures.connection(gateway, fixtures.customerGateway(), "c" + i));
        }
        String peer = fixtures.customerGateway();
        assertQuotaFull(() -> fixtures.connection(gateway, peer, "c10"));
        assertThat(connectionsOn(client, gateway)).as("nothing half-written").isEqualTo(10);
        // The limit counts per gateway: another gateway of the account still takes connections.
        fixtures.connection(fixtures.gateway(), peer, "elsewhere");

        assertThat(VPND.command("quota", "set", "--account", "quota-connections", "--kind", "vpn-connection",
                "--limit", "11")).isZero();
        fixtures.connection(gateway, peer, "c10");
        String nextPeer = fixtures.customerGateway();
        assertQuotaFull(() -> fixtures.connection(gateway, nextPeer, "c11"));

        AliyunClients.awaitActiveConnection(client, connections.getFirst());
        client.deleteVpnConnection(new DeleteVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(connections.getFirst()));
        fixtures.connection(gateway, nextPeer, "c11");
        assertThat(connectionsOn(client, gateway)).isEqualTo(11);
    }

    @Test
    void customerGatewaysStopAtTheLimitAndADeleteFreesASlot() throws Exception {
        var client = client("quota-peers");
        var fixtures = new AliyunFixtures(client);
        assertThat(VPND.command("quota", "set", "--account", "quota-peers", "--kind", "customer-gateway",
                "--limit", "2")).isZero();
        String first = fixtures.customerGateway();
        fixtures.customerGateway();
        assertQuotaFull(fixtures::customerGateway);
        client.deleteCustomerGateway(new DeleteCustomerGatewayRequest().setRegionId(REGION)
                .setCustomerGatewayId(first));
        fixtures.customerGateway();
        assertQuotaFull(fixtures::customerGateway);
    }

    @Test
    void gatewaysStopAtTheLimit() throws Exception {
        var client = client("quota-gateways");
        var fixtures = new AliyunFixtures(client);
        assertThat(VPND.command("quota", "set", "--account", "quota-gateways", "--kind", "vpn-gateway",
                "--limit", "1")).isZero();
        String vpc = fixtures.vpc();
        fixtures.gateway(vpc);
        assertQuotaFull(() -> fixtures.gateway(vpc));
    }

    /**
     * Twelve VPCs asked for at once against a limit of three: exactly three are created, whichever
     * database the server runs on.
     */
    @Test
    void concurrentCreatesNeverPassTheLimitTogether() throws Exception {
        var client = client("quota-race");
        assertThat(VPND.command("quota", "set", "--account", "quota-race", "--kind", "vpc", "--limit", "3"))
                .isZero();
        var outcomes = new ArrayList<Future<String>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                Callable<String> create = () -> {
                    try {
                        client.createVpc(new CreateVpcRequest().setRegionId(REGION).setCidrBlock("10.0.0.0/8"));
                        return "created";
                    } catch (TeaException e) {
                        return e.getCode();
                    }
                };
                outcomes.add(pool.submit(create));
            }
        }
        var codes = new ArrayList<String>();
        for (Future<String> outcome : outcomes) {
            codes.add(outcome.get());
        }
        assertThat(codes).filteredOn("created"::equals).hasSize(3);
        assertThat(codes).filteredOn("Resource.QuotaFull"::equals).hasSize(9);
        assertThat(client.describeVpcs(new DescribeVpcsRequest().setRegionId(REGION)).getBody().getTotalCount())
                .isEqualTo(3);
        // Another region has its own count.
        assertThat(client.createVpc(new CreateVpcRequest().setRegionId("cn-shanghai").setCidrBlock("10.0.0.0/8"))
                .getBody().getVpcId()).isNotEmpty();
        assertQuotaFull(() -> client.createVpc(new CreateVpcRequest().setRegionId(REGION).setCidrBlock("10.0.0.0/8")));
    }

    /**
     * Retries of one create (one ClientToken) racing for the last free slot all get the one VPC it
     * made: each waits for the scope's lock before it looks the token up, so none counts the
     * first attempt's VPC against itself.
     */
    @Test
    void retriesOfOneCreateAtTheLastSlotAllGetItsResource() throws Exception {
        var client = client("quota-retry");
        assertThat(VPND.command("quota", "set", "--account", "quota-retry", "--kind", "vpc", "--limit", "1"))
                .isZero();
        String token = java.util.UUID.randomUUID().toString();
        var outcomes = new ArrayList<Future<String>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                Callable<String> create = () -> {
                    try {
                        return client.createVpc(new CreateVpcRequest().setRegionId(REGION).setCidrBlock("10.0.0.0/8")
                                .setClientToken(token)).getBody().getVpcId();
                    } catch (TeaException e) {
                        return e.getCode();
                    }
                };
                outcomes.add(pool.submit(create));
            }
        }
        var answers = new java.util.HashSet<String>();
        for (Future<String> outcome : outcomes) {
            answers.add(outcome.get());
        }
        assertThat(answers).hasSize(1);
        assertThat(answers.iterator().next()).startsWith("vpc-");
    }
}
