package dev.vpnd.server.conformance.tencent;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpnConnectionsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpnGatewaysRequest;
import dev.vpnd.server.Polling;
import dev.vpnd.server.security.KeyStyle;

/** Tencent's official Java SDK pointed at vpnd, unchanged but for endpoint and protocol. */
final class TencentClients {
    static final String REGION = "ap-guangzhou";

    private TencentClients() {
    }

    /** TC3-HMAC-SHA256 over a JSON POST, the SDK's default. */
    static VpcClient tc3(String endpoint) {
        return client(endpoint, KeyStyle.DEMO_TENCENT_SECRET_ID, KeyStyle.DEMO_TENCENT_SECRET_KEY,
                ClientProfile.SIGN_TC3_256, "POST");
    }

    /**
     * The SDK's generic client, which sends any action and JSON body: for what the typed models
     * cannot express (unknown actions and parameters, another API version, another region).
     */
    static CommonClient common(String endpoint, String version, String region) {
        var http = new HttpProfile();
        http.setEndpoint(endpoint);
        http.setProtocol(HttpProfile.REQ_HTTP);
        return new CommonClient("vpc", version, new Credential(KeyStyle.DEMO_TENCENT_SECRET_ID,
                KeyStyle.DEMO_TENCENT_SECRET_KEY), region, new ClientProfile(ClientProfile.SIGN_TC3_256, http));
    }

    /**
     * @param signMethod {@code TC3-HMAC-SHA256}, or {@code HmacSHA256}/{@code HmacSHA1} for the legacy
     *     signature over form fields
     * @param httpMethod POST or GET
     */
    static VpcClient client(String endpoint, String secretId, String secretKey, String signMethod,
            String httpMethod) {
        var http = new HttpProfile();
        http.setEndpoint(endpoint);
        http.setProtocol(HttpProfile.REQ_HTTP);
        http.setReqMethod(httpMethod);
        var profile = new ClientProfile(signMethod, http);
        return new VpcClient(new Credential(secretId, secretKey), REGION, profile);
    }

    /** Polls DescribeVpnConnections until the connection's {@code State} is {@code AVAILABLE} (Terraform's wait). */
    static void awaitAvailableConnection(VpcClient client, String id) throws Exception {
        var request = new DescribeVpnConnectionsRequest();
        request.setVpnConnectionIds(new String[] {id});
        Polling.untilActive("connection " + id,
                () -> client.DescribeVpnConnections(request).getVpnConnectionSet()[0].getState(), "AVAILABLE");
    }

    /** Polls DescribeVpnGateways until the gateway's {@code State} is {@code AVAILABLE}. */
    static void awaitAvailableGateway(VpcClient client, String id) throws Exception {
        var request = new DescribeVpnGatewaysRequest();
        request.setVpnGatewayIds(new String[] {id});
        Polling.untilActive("gateway " + id,
                () -> client.DescribeVpnGateways(request).getVpnGatewaySet()[0].getState(), "AVAILABLE");
    }
}
