package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionResponseBody;
import com.aliyun.vpc20160428.models.DescribeVpnGatewayRequest;
import com.aliyun.vpc20160428.models.ModifyVpnConnectionAttributeRequest;
import dev.vpnd.agent.lab.LabNetwork;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A health check made with Alibaba's SDK, probed for real: the lab's agent pings through the tunnel
 * from the gateway's namespace, and {@code VcoHealthCheck.Status} follows. The connection joins
 * 10.1.0.0/24 to 10.2.0.0/16, the customer's namespace holds 10.2.0.0/24, so a check to 10.2.0.1 is
 * answered ({@code success}) and one moved to 10.2.5.5, inside the tunnel but held by no one, is not
 * ({@code failed} after its {@code retry} probes). Needs root and strongSwan ({@link TunnelLab}).
 */
class RealHealthCheckTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    /** Generous: on a loaded machine a first negotiation that fails is retried seconds later. */
    private static final Duration STATUS_WAIT = Duration.ofSeconds(60);

    private static TunnelLab lab;
    private static Client sdk;
    private static String gatewayId;

    @BeforeAll
    static void labUp() throws Exception {
        sdk = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        gatewayId = new AliyunFixtures(sdk).gateway();
        lab = TunnelLab.start(VPND, AliyunIds.decode(ResourceType.VPN_GATEWAY, gatewayId).orElseThrow());
    }

    @AfterAll
    static void labDown() {
        if (lab != null) {
            lab.close();
        }
    }

    private static DescribeVpnConnectionResponseBody describe(String connectionId) throws Exception {
        return sdk.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(AliyunClients.REGION)
                .setVpnConnectionId(connectionId)).getBody();
    }

    private static DescribeVpnConnectionResponseBody await(String connectionId,
            Predicate<DescribeVpnConnectionResponseBody> wanted) throws Exception {
        long deadline = System.nanoTime() + STATUS_WAIT.toNanos();
        var seen = describe(connectionId);
        while (!wanted.test(seen) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            seen = describe(connectionId);
        }
        return seen;
    }

    /** What the lab printed, and the last lines of both charons' logs. */
    private static String printed() {
        return lab.diagnostics();
    }

    private static String check(String destination) {
        return "{\"enable\":true,\"sip\":\"10.1.0.1\",\"dip\":\"" + destination + "\",\"interval\":1,\"retry\":3}";
    }

    @Test
    void aCheckThroughTheTunnelSucceedsAndOneNobodyAnswersFails() throws Exception {
        long helloDeadline = System.nanoTime() + STATUS_WAIT.toNanos();
        while (!LabNetwork.GATEWAY_ADDRESS.equals(sdk.describeVpnGateway(new DescribeVpnGatewayRequest()
                .setRegionId(AliyunClients.REGION).setVpnGatewayId(gatewayId)).getBody().getInternetIp())
                && System.nanoTime() < helloDeadline) {
            Thread.sleep(100);
        }
        String customerGateway = sdk.createCustomerGateway(new CreateCustomerGatewayRequest()
                .setRegionId(AliyunClients.REGION).setIpAddress(LabNetwork.CUSTOMER_ADDRESS).setName("lab-customer"))
                .getBody().getCustomerGatewayId();
        String connection = sdk.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(AliyunClients.REGION)
                .setVpnGatewayId(gatewayId).setCustomerGatewayId(customerGateway).setName("checked")
                .setLocalSubnet(LabNetwork.GATEWAY_SUBNET).setRemoteSubnet("10.2.0.0/16").setEffectImmediately(true)
                .setIkeConfig("{\"IkeVersion\":\"ikev2\",\"Psk\":\"lab-secret-2\"}")
                .setHealthCheckConfig(check(LabNetwork.CUSTOMER_HOST))).getBody().getVpnConnectionId();
        assertThat(describe(connection).getVcoHealthCheck().getStatus()).as("before any probe").isEqualTo("failed");

        var healthy = await(connection, c -> "success".equals(c.getVcoHealthCheck().getStatus()));
        assertThat(healthy.getVcoHealthCheck().getStatus()).as("lab printed:%n%s", printed()).isEqualTo("success");
        assertThat(healthy.getStatus()).isEqualTo("ipsec_sa_established");

        AliyunClients.awaitActiveConnection(sdk, connection);
        sdk.modifyVpnConnectionAttribute(new ModifyVpnConnectionAttributeRequest().setRegionId(AliyunClients.REGION)
                .setVpnConnectionId(connection).setHealthCheckConfig(check("10.2.5.5")));
        var failed = await(connection, c -> "failed".equals(c.getVcoHealthCheck().getStatus()));
        assertThat(failed.getVcoHealthCheck().getStatus()).as("lab printed:%n%s", printed()).isEqualTo("failed");
        assertThat(failed.getVcoHealthCheck().getDip()).isEqualTo("10.2.5.5");
        Thread.sleep(4_000);
        var settled = describe(connection);
        assertThat(settled.getVcoHealthCheck().getStatus()).as("three unanswered probes later; lab printed:%n%s",
                printed()).isEqualTo("failed");
        assertThat(settled.getStatus()).as("the tunnel itself stays up").isEqualTo("ipsec_sa_established");
        assertThat(printed()).contains("health check DOWN");
    }
}
