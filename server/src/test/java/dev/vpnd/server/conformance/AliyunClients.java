package dev.vpnd.server.conformance;

import com.aliyun.teaopenapi.models.Config;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnGatewayRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.profile.DefaultProfile;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.Polling;

/** The official Alibaba Cloud clients, pointed at a running vpnd and changed in nothing else. */
final class AliyunClients {
    static final String REGION = "cn-hangzhou";

    private AliyunClients() {
    }

    /** The new SDK; {@code v2} selects the HMAC-SHA1 RPC signature instead of the default ACS3-HMAC-SHA256. */
    static com.aliyun.vpc20160428.Client newSdk(String endpoint, boolean v2) throws Exception {
        return newSdk(endpoint, v2, AccountService.DEMO_KEY_ID, AccountService.DEMO_KEY_SECRET);
    }

    /** The new SDK with {@code algorithm} as its {@code signatureAlgorithm}: {@code v2}, or an ACS3 one. */
    static com.aliyun.vpc20160428.Client newSdk(String endpoint, String algorithm) throws Exception {
        return new com.aliyun.vpc20160428.Client(new Config().setAccessKeyId(AccountService.DEMO_KEY_ID)
                .setAccessKeySecret(AccountService.DEMO_KEY_SECRET).setRegionId(REGION).setEndpoint(endpoint)
                .setProtocol("HTTP").setSignatureAlgorithm(algorithm));
    }

    static com.aliyun.vpc20160428.Client newSdk(String endpoint, boolean v2, String keyId, String secret)
            throws Exception {
        var config = new Config().setAccessKeyId(keyId).setAccessKeySecret(secret).setRegionId(REGION)
                .setEndpoint(endpoint).setProtocol("HTTP");
        if (v2) {
            config.setSignatureAlgorithm("v2");
        }
        return new com.aliyun.vpc20160428.Client(config);
    }

    /** The old SDK ({@code aliyun-java-sdk-core}); requests set their endpoint and protocol themselves. */
    static IAcsClient oldSdk() {
        return oldSdk(AccountService.DEMO_KEY_ID, AccountService.DEMO_KEY_SECRET);
    }

    static IAcsClient oldSdk(String keyId, String secret) {
        return new DefaultAcsClient(DefaultProfile.getProfile(REGION, keyId, secret));
    }

    /** Polls DescribeVpnConnection until the connection's {@code State} is {@code active} (Terraform's wait). */
    static void awaitActiveConnection(com.aliyun.vpc20160428.Client client, String id) throws Exception {
        Polling.untilActive("connection " + id, () -> client.describeVpnConnection(new DescribeVpnConnectionRequest()
                .setRegionId(REGION).setVpnConnectionId(id)).getBody().getState(), "active");
    }

    /** Polls DescribeVpnGateway until the gateway's {@code Status} is {@code active}. */
    static void awaitActiveGateway(com.aliyun.vpc20160428.Client client, String id) throws Exception {
        Polling.untilActive("gateway " + id, () -> client.describeVpnGateway(new DescribeVpnGatewayRequest()
                .setRegionId(REGION).setVpnGatewayId(id)).getBody().getStatus(), "active");
    }

    /**
     * The old SDK's CommonRequest for {@code action} in {@code region}, POSTed over HTTP to
     * {@code endpoint}: the one client here that sends any parameter (TunnelOptionsSpecification,
     * which no typed request of the SDKs has, or parameters an action does not take).
     */
    static com.aliyuncs.CommonRequest common(String endpoint, String region, String action) {
        var request = new com.aliyuncs.CommonRequest();
        request.setSysDomain(endpoint);
        request.setSysProtocol(com.aliyuncs.http.ProtocolType.HTTP);
        request.setSysMethod(com.aliyuncs.http.MethodType.POST);
        request.setSysVersion("2016-04-28");
        request.setSysAction(action);
        request.putQueryParameter("RegionId", region);
        return request;
    }
}
