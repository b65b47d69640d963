package dev.vpnd.server.conformance.tencent;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateCustomerGatewayRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpcRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpnGatewayRequest;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates the parents a connection needs through the SDK itself; addresses are unique per test run. */
final class TencentFixtures {
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    private final VpcClient client;

    TencentFixtures(VpcClient client) {
        this.client = client;
    }

    String vpc() throws TencentCloudSDKException {
        var request = new CreateVpcRequest();
        request.setVpcName("vpc-fixture");
        request.setCidrBlock("10.0.0.0/16");
        return client.CreateVpc(request).getVpc().getVpcId();
    }

    String gateway(String vpcId) throws TencentCloudSDKException {
        var request = new CreateVpnGatewayRequest();
        request.setVpcId(vpcId);
        request.setVpnGatewayName("gw-fixture");
        request.setInternetMaxBandwidthOut(5L);
        return client.CreateVpnGateway(request).getVpnGateway().getVpnGatewayId();
    }

    String customerGateway() throws TencentCloudSDKException {
        var request = new CreateCustomerGatewayRequest();
        request.setCustomerGatewayName("cgw-fixture");
        request.setIpAddress(nextAddress());
        return client.CreateCustomerGateway(request).getCustomerGateway().getCustomerGatewayId();
    }

    /** 198.51.100.0/24 and onwards (TEST-NET-2), one per call. */
    static String nextAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }
}
