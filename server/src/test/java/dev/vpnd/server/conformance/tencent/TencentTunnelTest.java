package dev.vpnd.server.conformance.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateCustomerGatewayRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpnConnectionRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteVpnConnectionRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpnGatewaysRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityPolicyDatabase;
import dev.vpnd.agent.lab.LabNetwork;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.conformance.TunnelLab;
import dev.vpnd.server.dialect.tencent.TencentIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real tunnel made with Tencent's Java SDK: a VPN gateway served by the lab's agent (its
 * {@code PublicIpAddress} the agent's), a customer gateway at the lab's customer device and a
 * connection between the lab's subnets; {@code DescribeVpnConnections} shows {@code NetStatus}
 * {@code AVAILABLE} once the tunnel is up, traffic crosses it, and its delete stops the traffic.
 */
class TencentTunnelTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static TunnelLab lab;

    @AfterAll
    static void labDown() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aConnectionMadeWithTencentsSdkComesUpAndCarriesTraffic() throws Exception {
        VpcClient client = TencentClients.tc3(VPND.tencentEndpoint());
        var fixtures = new TencentFixtures(client);
        String vpc = fixtures.vpc();
        String gateway = fixtures.gateway(vpc);
        lab = TunnelLab.start(VPND, VPND.services().dataPlane()
                .locateGatewayBySerial(TencentIds.gatewaySerial(gateway).orElseThrow()).orElseThrow().gatewayId());
        var gateways = new DescribeVpnGatewaysRequest();
        gateways.setVpnGatewayIds(new String[] {gateway});
        assertThat(TunnelLab.await(() -> client.DescribeVpnGateways(gateways).getVpnGatewaySet()[0]
                .getPublicIpAddress(), LabNetwork.GATEWAY_ADDRESS::equals))
                .as("the gateway's address once its agent said hello").isEqualTo(LabNetwork.GATEWAY_ADDRESS);

        var customer = new CreateCustomerGatewayRequest();
        customer.setCustomerGatewayName("lab-customer");
        customer.setIpAddress(LabNetwork.CUSTOMER_ADDRESS);
        var create = new CreateVpnConnectionRequest();
        create.setVpcId(vpc);
        create.setVpnGatewayId(gateway);
        create.setCustomerGatewayId(client.CreateCustomerGateway(customer).getCustomerGateway()
                .getCustomerGatewayId());
        create.setVpnConnectionName("to-lab");
        create.setPreShareKey("lab-secret-tencent");
        var spd = new SecurityPolicyDatabase();
        spd.setLocalCidrBlock(LabNetwork.GATEWAY_SUBNET);
        spd.setRemoteCidrBlock(new String[] {LabNetwork.CUSTOMER_SUBNET});
        create.setSecurityPolicyDatabases(new SecurityPolicyDatabase[] {spd});
        String connection = client.CreateVpnConnection(create).getVpnConnection().getVpnConnectionId();

        assertThat(TunnelLab.await(() -> TencentConnectionTest.describeOne(client, connection).getNetStatus(),
                "AVAILABLE"::equals)).as("NetStatus through the SDK; %s", lab.diagnostics()).isEqualTo("AVAILABLE");
        assertThat(lab.pings()).as("ping 10.1.0.1 -> 10.2.0.1 through the tunnel").isTrue();

        var delete = new DeleteVpnConnectionRequest();
        delete.setVpnGatewayId(gateway);
        delete.setVpnConnectionId(connection);
        TencentClients.awaitAvailableConnection(client, connection);
        client.DeleteVpnConnection(delete);
        assertThat(lab.trafficStops()).as("traffic once the connection is deleted").isTrue();
    }
}
