package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DeleteVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnGatewayRequest;
import dev.vpnd.agent.lab.Commands;
import dev.vpnd.agent.lab.Lab;
import dev.vpnd.agent.lab.LabLayout;
import dev.vpnd.agent.lab.LabNetwork;
import dev.vpnd.agent.lab.LabSettings;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real tunnels behind a cloud's own API: a connection made with Alibaba's SDK becomes a strongSwan
 * connection on the lab's gateway charon (run by vpnd's agent), the lab's customer charon answers
 * it as the customer's device would, the status the SDK reads goes to established, traffic crosses
 * the tunnel, and a delete takes the tunnel down. Needs root and strongSwan, installed here as the
 * agent's tests install it; without them the test is skipped, and under CI that is a failure.
 */
class RealTunnelTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final Path INSTALLER = Path.of("../agent/src/test/strongswan/install-strongswan.sh")
            .toAbsolutePath().normalize();
    private static final Duration STATUS_WAIT = Duration.ofSeconds(30);
    private static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();

    private static LabLayout layout;
    private static Lab lab;
    private static Client sdk;
    private static String gatewayId;

    @BeforeAll
    static void labUp() throws Exception {
        requireStrongSwan();
        long pid = ProcessHandle.current().pid();
        layout = new LabLayout("vt-gw-" + pid, "vt-cgw-" + pid, Path.of("/run/vpnd-real-tunnel-" + pid));
        sdk = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        gatewayId = new AliyunFixtures(sdk).gateway();
        var ref = VPND.services().dataPlane().locateGateway(
                AliyunIds.decode(ResourceType.VPN_GATEWAY, gatewayId).orElseThrow()).orElseThrow();
        String token = VPND.services().dataPlane().createToken(List.of(ref)).token();
        lab = Lab.start(new LabSettings(URI.create(VPND.endpoints().get("agent")), token, layout),
                new PrintStream(PRINTED, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void labDown() {
        if (lab != null) {
            lab.close();
        }
        if (layout != null) {
            LabNetwork.of(layout).down();
        }
    }

    private static void requireStrongSwan() {
        boolean required = "1".equals(System.getenv("VPND_TEST_STRONGSWAN_REQUIRED"))
                || "true".equals(System.getenv("CI"));
        String reason = null;
        if (!"0".equals(Commands.run(List.of("id", "-u"), Duration.ofSeconds(10)).output().strip())) {
            reason = "real tunnels need root (network namespaces)";
        } else {
            var installed = Commands.run(List.of("sh", INSTALLER.toString()), Duration.ofMinutes(10));
            if (!installed.ok()) {
                reason = "strongSwan unavailable: " + installed.lastLine();
            }
        }
        if (reason != null) {
            if (required) {
                throw new AssertionError(reason + " (VPND_TEST_STRONGSWAN_REQUIRED or CI: real tunnels must run)");
            }
            System.err.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    private static String status(String connectionId) throws Exception {
        return sdk.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(AliyunClients.REGION)
                .setVpnConnectionId(connectionId)).getBody().getStatus();
    }

    private static String awaitStatus(String connectionId, Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + STATUS_WAIT.toNanos();
        String seen = status(connectionId);
        while (!wanted.test(seen) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            seen = status(connectionId);
        }
        return seen;
    }

    private static String internetIp() throws Exception {
        return sdk.describeVpnGateway(new DescribeVpnGatewayRequest().setRegionId(AliyunClients.REGION)
                .setVpnGatewayId(gatewayId)).getBody().getInternetIp();
    }

    private static boolean pingAcross() {
        return Commands.run(List.of("ip", "netns", "exec", layout.gatewayNamespace(), "ping", "-c", "2", "-W", "2",
                "-I", "10.1.0.1", "10.2.0.1"), Duration.ofSeconds(15)).ok();
    }

    private static String printed() {
        return PRINTED.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aConnectionMadeWithAlibabasSdkComesUpCarriesTrafficAndGoesAwayWithItsDelete() throws Exception {
        long helloDeadline = System.nanoTime() + STATUS_WAIT.toNanos();
        String address = internetIp();
        while (!LabNetwork.GATEWAY_ADDRESS.equals(address) && System.nanoTime() < helloDeadline) {
            Thread.sleep(100);
            address = internetIp();
        }
        assertThat(address).as("the gateway's address once its agent said hello").isEqualTo(LabNetwork.GATEWAY_ADDRESS);
        String customerGateway = sdk.createCustomerGateway(new CreateCustomerGatewayRequest()
                .setRegionId(AliyunClients.REGION).setIpAddress(LabNetwork.CUSTOMER_ADDRESS).setName("lab-customer"))
                .getBody().getCustomerGatewayId();
        String connection = sdk.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(AliyunClients.REGION)
                .setVpnGatewayId(gatewayId).setCustomerGatewayId(customerGateway).setName("to-lab")
                .setLocalSubnet(LabNetwork.GATEWAY_SUBNET).setRemoteSubnet(LabNetwork.CUSTOMER_SUBNET)
                .setEffectImmediately(true)
                .setIkeConfig("{\"IkeVersion\":\"ikev2\",\"Psk\":\"lab-secret-1\",\"IkeEncAlg\":\"aes\"}"))
                .getBody().getVpnConnectionId();

        assertThat(awaitStatus(connection, "ipsec_sa_established"::equals))
                .as("status through the SDK; lab printed:%n%s", printed()).isEqualTo("ipsec_sa_established");
        assertThat(pingAcross()).as("ping 10.1.0.1 -> 10.2.0.1 through the tunnel").isTrue();

        sdk.deleteVpnConnection(new DeleteVpnConnectionRequest().setRegionId(AliyunClients.REGION)
                .setVpnConnectionId(connection));
        long deadline = System.nanoTime() + STATUS_WAIT.toNanos();
        boolean crosses = true;
        while (crosses && System.nanoTime() < deadline) {
            Thread.sleep(500);
            crosses = pingAcross();
        }
        assertThat(crosses).as("traffic once the connection is deleted").isFalse();
    }
}
