package dev.vpnd.server.conformance;

import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.CreateVpcRequest;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.CreateVpnGatewayRequest;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates the resources a connection needs, through the new SDK, with unique names and addresses. */
final class AliyunFixtures {
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
    private final Client client;

    AliyunFixtures(Client client) {
        this.client = client;
    }

    String vpc() throws Exception {
        return client.createVpc(new CreateVpcRequest().setRegionId(AliyunClients.REGION).setCidrBlock("10.0.0.0/8")
                .setVpcName("vpc")).getBody().getVpcId();
    }

    String gateway(String vpcId) throws Exception {
        return client.createVpnGateway(new CreateVpnGatewayRequest().setRegionId(AliyunClients.REGION)
                .setVpcId(vpcId).setBandwidth(10).setName("gw")).getBody().getVpnGatewayId();
    }

    String gateway() throws Exception {
        return gateway(vpc());
    }

    /** A customer gateway with an address no other fixture uses (addresses are unique per region). */
    String customerGateway() throws Exception {
        int n = NEXT_ADDRESS.getAndIncrement();
        String ip = "203.0." + (n / 250) + "." + (n % 250 + 1);
        return client.createCustomerGateway(new CreateCustomerGatewayRequest().setRegionId(AliyunClients.REGION)
                .setIpAddress(ip).setName("cgw-" + n)).getBody().getCustomerGatewayId();
    }

    String connection(String gatewayId, String customerGatewayId, String name) throws Exception {
        return client.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(AliyunClients.REGION)
                .setVpnGatewayId(gatewayId).setCustomerGatewayId(customerGatewayId).setName(name)
                .setLocalSubnet("10.1.0.0/16").setRemoteSubnet("192.168.0.0/24")).getBody().getVpnConnectionId();
    }
}
