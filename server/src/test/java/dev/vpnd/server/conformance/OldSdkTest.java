package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ErrorType;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.vpc.model.v20160428.CreateCustomerGatewayRequest;
import com.aliyuncs.vpc.model.v20160428.CreateVpcRequest;
import com.aliyuncs.vpc.model.v20160428.CreateVpnConnectionRequest;
import com.aliyuncs.vpc.model.v20160428.CreateVpnGatewayRequest;
import com.aliyuncs.vpc.model.v20160428.DeleteVpnConnectionRequest;
import com.aliyuncs.vpc.model.v20160428.DeleteVpnGatewayRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeCustomerGatewaysRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeVpnConnectionRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeVpnConnectionsRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeVpnConnectionsResponse;
import com.aliyuncs.vpc.model.v20160428.DescribeVpnGatewaysRequest;
import com.aliyuncs.vpc.model.v20160428.ModifyVpnConnectionAttributeRequest;
import dev.vpnd.server.Polling;
import dev.vpnd.server.RunningVpnd;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The old SDK (aliyun-java-sdk-core 4.7.10 + aliyun-java-sdk-vpc 3.2.4, signature v1) drives a
 * connection through its life with its typed request classes, once asking for JSON and once for
 * XML. Every field its response models carry is asserted as the SDK parsed it.
 */
class OldSdkTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final String IKE = "{\"Psk\":\"old-sdk-psk-1\",\"IkeVersion\":\"ikev2\",\"IkeMode\":\"main\","
            + "\"IkeEncAlg\":\"aes256\",\"IkeAuthAlg\":\"sha256\",\"IkePfs\":\"group14\",\"IkeLifetime\":28800,"
            + "\"LocalId\":\"gw.example.com\",\"RemoteId\":\"peer.example.com\"}";
    private static final String IPSEC = "{\"IpsecEncAlg\":\"aes192\",\"IpsecAuthAlg\":\"sha1\",\"IpsecPfs\":\"group5\","
            + "\"IpsecLifetime\":3600}";
    private static final String BGP = "{\"EnableBgp\":true,\"LocalAsn\":65531,\"TunnelCidr\":\"169.254.10.0/30\","
            + "\"LocalBgpIp\":\"169.254.10.1\"}";
    private static final String HEALTH = "{\"enable\":true,\"dip\":\"192.168.0.1\",\"sip\":\"10.1.0.50\","
            + "\"interval\":2,\"retry\":5,\"policy\":\"reserve_route\"}";

    private final IAcsClient client = AliyunClients.oldSdk();

    private <R extends AcsResponse> R call(AcsRequest<R> request, FormatType format) throws ClientException {
        request.setSysEndpoint(VPND.aliyunEndpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysAcceptFormat(format);
        return client.getAcsResponse(request);
    }

    private ClientException failure(AcsRequest<?> request, FormatType format) {
        var e = catchThrowableOfType(ClientException.class, () -> call(request, format));
        assertThat(e).as("a 4xx answer is a ClientException, not a ServerException")
                .isExactlyInstanceOf(ClientException.class);
        assertThat(e.getErrorType()).isEqualTo(ErrorType.Client);
        assertThat(e.getRequestId()).isNotBlank();
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void connectionLifecycle(FormatType format) throws Exception {
        // VPC, VPN gateway, customer gateway.
        var createVpc = new CreateVpcRequest();
        createVpc.setCidrBlock("10.0.0.0/8");
        createVpc.setVpcName("old-vpc");
        var vpc = call(createVpc, format);
        assertThat(vpc.getVpcId()).startsWith("vpc-");
        assertThat(vpc.getRequestId()).isNotBlank();
        assertThat(vpc.getVRouterId()).startsWith("vrt-");
        assertThat(vpc.getRouteTableId()).startsWith("vtb-");

        var createGateway = new CreateVpnGatewayRequest();
        createGateway.setVpcId(vpc.getVpcId());
        createGateway.setBandwidth(10);
        createGateway.setName("old-gw");
        var gateway = call(createGateway, format);
        assertThat(gateway.getVpnGatewayId()).startsWith("vpn-");
        assertThat(gateway.getName()).isEqualTo("old-gw");
        assertThat(gateway.getOrderId()).isNotNull();
        assertThat(gateway.getRequestId()).isNotBlank();
        String gatewayId = gateway.getVpnGatewayId();

        String ip = format == FormatType.JSON ? "198.51.100.10" : "198.51.100.20";
        var createCgw = new CreateCustomerGatewayRequest();
        createCgw.setIpAddress(ip);
        createCgw.setName("old-cgw");
        createCgw.setDescription("peer office");
        createCgw.setAsn("65530");
        createCgw.setAuthKey("old-bgp-key");
        var cgw = call(createCgw, format);
        assertThat(cgw.getCustomerGatewayId()).startsWith("cgw-");
        assertThat(cgw.getIpAddress()).isEqualTo(ip);
        assertThat(cgw.getName()).isEqualTo("old-cgw");
        assertThat(cgw.getDescription()).isEqualTo("peer office");
        assertThat(cgw.getCreateTime()).isPositive();
        assertThat(cgw.getRequestId()).isNotBlank();
        String cgwId = cgw.getCustomerGatewayId();

        // The connection, created twice with one ClientToken: one connection.
        var created = call(createConnection(gatewayId, cgwId, "old-" + format), format);
        assertThat(created.getVpnConnectionId()).startsWith("vco-");
        assertThat(created.getName()).isEqualTo("old-conn");
        assertThat(created.getCreateTime()).isPositive();
        assertThat(created.getRequestId()).isNotBlank();
        String id = created.getVpnConnectionId();
        var again = call(createConnection(gatewayId, cgwId, "old-" + format), format);
        assertThat(again.getVpnConnectionId()).isEqualTo(id);
        assertThat(again.getCreateTime()).isEqualTo(created.getCreateTime());

        Polling.untilActive("connection " + id, () -> describe(id, format).getState(), "active");

        // DescribeVpnConnections, tag filter through putQueryParameter (no typed setter in 3.2.4).
        var list = new DescribeVpnConnectionsRequest();
        list.setVpnGatewayId(gatewayId);
        list.setPageNumber(1);
        list.setPageSize(10);
        list.putQueryParameter("Tag.1.Key", "env");
        list.putQueryParameter("Tag.1.Value", "old sdk");
        var page = call(list, format);
        assertThat(page.getRequestId()).isNotBlank();
        assertThat(page.getTotalCount()).isEqualTo(1);
        assertThat(page.getPageNumber()).isEqualTo(1);
        assertThat(page.getPageSize()).isEqualTo(10);
        assertThat(page.getVpnConnections()).hasSize(1);
        var c = page.getVpnConnections().get(0);
        assertThat(c.getVpnConnectionId()).isEqualTo(id);
        assertThat(c.getVpnGatewayId()).isEqualTo(gatewayId);
        assertThat(c.getCustomerGatewayId()).isEqualTo(cgwId);
        assertThat(c.getName()).isEqualTo("old-conn");
        assertThat(c.getLocalSubnet()).isEqualTo("10.1.0.0/16,10.2.0.0/16");
        assertThat(c.getRemoteSubnet()).isEqualTo("192.168.0.0/24");
        assertThat(c.getCreateTime()).isEqualTo(created.getCreateTime());
        assertThat(c.getEffectImmediately()).isTrue();
        assertThat(c.getEnableDpd()).isFalse();
        assertThat(c.getEnableNatTraversal()).isFalse();
        assertThat(c.getStatus()).isEqualTo("ike_sa_not_established");
        assertThat(c.getState()).isEqualTo("active");
        assertThat(c.getRemoteCaCertificate()).isEmpty();
        assertThat(c.getAttachType()).isEqualTo("VPNGW");
        assertThat(c.getNetworkType()).isEqualTo("public");
        assertThat(c.getAttachInstanceId()).isEmpty();
        assertThat(c.getSpec()).isNotNull();
        assertThat(c.getTransitRouterId()).isEmpty();
        assertThat(c.getTransitRouterName()).isEmpty();
        assertThat(c.getCrossAccountAuthorized()).isFalse();
        var ike = c.getIkeConfig();
        assertThat(ike.getPsk()).isEqualTo("old-sdk-psk-1");
        assertThat(ike.getIkeVersion()).isEqualTo("ikev2");
        assertThat(ike.getIkeMode()).isEqualTo("main");
        assertThat(ike.getIkeEncAlg()).isEqualTo("aes256");
        assertThat(ike.getIkeAuthAlg()).isEqualTo("sha256");
        assertThat(ike.getIkePfs()).isEqualTo("group14");
        assertThat(ike.getIkeLifetime()).isEqualTo(28800L);
        assertThat(ike.getLocalId()).isEqualTo("gw.example.com");
        assertThat(ike.getRemoteId()).isEqualTo("peer.example.com");
        var ipsec = c.getIpsecConfig();
        assertThat(ipsec.getIpsecEncAlg()).isEqualTo("aes192");
        assertThat(ipsec.getIpsecAuthAlg()).isEqualTo("sha1");
        assertThat(ipsec.getIpsecPfs()).isEqualTo("group5");
        assertThat(ipsec.getIpsecLifetime()).isEqualTo(3600L);
        var health = c.getVcoHealthCheck();
        assertThat(health.getEnable()).isEqualTo("true");
        assertThat(health.getDip()).isEqualTo("192.168.0.1");
        assertThat(health.getSip()).isEqualTo("10.1.0.50");
        assertThat(health.getInterval()).isEqualTo(2);
        assertThat(health.getRetry()).isEqualTo(5);
        assertThat(health.getPolicy()).isEqualTo("reserve_route");
        assertThat(health.getStatus()).isIn("success", "failed");
        var bgp = c.getVpnBgpConfig();
        assertThat(bgp.getLocalAsn()).isEqualTo(65531L);
        assertThat(bgp.getPeerAsn()).isEqualTo(65530L);
        assertThat(bgp.getTunnelCidr()).isEqualTo("169.254.10.0/30");
        assertThat(bgp.getLocalBgpIp()).isEqualTo("169.254.10.1");
        assertThat(bgp.getPeerBgpIp()).isEqualTo("169.254.10.2");
        assertThat(bgp.getStatus()).isIn("success", "false");
        assertThat(bgp.getAuthKey()).as("the customer gateway's BGP key").isEqualTo("old-bgp-key");

        var otherTag = new DescribeVpnConnectionsRequest();
        otherTag.setVpnGatewayId(gatewayId);
        otherTag.putQueryParameter("Tag.1.Key", "env");
        otherTag.putQueryParameter("Tag.1.Value", "other");
        var none = call(otherTag, format);
        assertThat(none.getTotalCount()).isZero();
        assertThat(none.getVpnConnections()).isEmpty();

        // A second connection (its own customer gateway): a list of two parses as two.
        var createCgw2 = new CreateCustomerGatewayRequest();
        createCgw2.setIpAddress(format == FormatType.JSON ? "198.51.100.11" : "198.51.100.21");
        String cgw2 = call(createCgw2, format).getCustomerGatewayId();
        var second = new CreateVpnConnectionRequest();
        second.setVpnGatewayId(gatewayId);
        second.setCustomerGatewayId(cgw2);
        second.setLocalSubnet("10.9.0.0/16");
        second.setRemoteSubnet("192.168.9.0/24");
        String secondId = call(second, format).getVpnConnectionId();
        var both = new DescribeVpnConnectionsRequest();
        both.setVpnGatewayId(gatewayId);
        var bothPage = call(both, format);
        assertThat(bothPage.getTotalCount()).isEqualTo(2);
        assertThat(bothPage.getVpnConnections())
                .extracting(DescribeVpnConnectionsResponse.VpnConnection::getVpnConnectionId)
                .containsExactlyInAnyOrder(id, secondId);
        assertThat(bothPage.getVpnConnections()).allSatisfy(v -> {
            assertThat(v.getIkeConfig().getPsk()).isNotBlank();
            assertThat(v.getIpsecConfig().getIpsecLifetime()).isPositive();
        });
        Polling.untilActive("connection " + secondId, () -> describe(secondId, format).getState(), "active");
        var deleteSecond = new DeleteVpnConnectionRequest();
        deleteSecond.setVpnConnectionId(secondId);
        call(deleteSecond, format);

        // DescribeVpnConnection.
        var one = describe(id, format);
        assertThat(one.getRequestId()).isNotBlank();
        assertThat(one.getVpnConnectionId()).isEqualTo(id);
        assertThat(one.getVpnGatewayId()).isEqualTo(gatewayId);
        assertThat(one.getCustomerGatewayId()).isEqualTo(cgwId);
        assertThat(one.getName()).isEqualTo("old-conn");
        assertThat(one.getLocalSubnet()).isEqualTo("10.1.0.0/16,10.2.0.0/16");
        assertThat(one.getRemoteSubnet()).isEqualTo("192.168.0.0/24");
        assertThat(one.getCreateTime()).isEqualTo(created.getCreateTime());
        assertThat(one.getEffectImmediately()).isTrue();
        assertThat(one.getEnableDpd()).isFalse();
        assertThat(one.getEnableNatTraversal()).isFalse();
        assertThat(one.getStatus()).isEqualTo("ike_sa_not_established");
        assertThat(one.getState()).isEqualTo("active");
        assertThat(one.getRemoteCaCertificate()).isEmpty();
        assertThat(one.getAttachType()).isEqualTo("VPNGW");
        assertThat(one.getNetworkType()).isEqualTo("public");
        assertThat(one.getAttachInstanceId()).isEmpty();
        assertThat(one.getSpec()).isNotNull();
        assertThat(one.getZoneNo()).isEqualTo("cn-hangzhou-a");
        assertThat(one.getInternetIp()).isNotNull();
        assertThat(one.getTransitRouterId()).isEmpty();
        assertThat(one.getTransitRouterName()).isEmpty();
        assertThat(one.getCrossAccountAuthorized()).isFalse();
        assertThat(one.getIkeConfig().getPsk()).isEqualTo("old-sdk-psk-1");
        assertThat(one.getIkeConfig().getIkeVersion()).isEqualTo("ikev2");
        assertThat(one.getIkeConfig().getIkeMode()).isEqualTo("main");
        assertThat(one.getIkeConfig().getIkeEncAlg()).isEqualTo("aes256");
        assertThat(one.getIkeConfig().getIkeAuthAlg()).isEqualTo("sha256");
        assertThat(one.getIkeConfig().getIkePfs()).isEqualTo("group14");
        assertThat(one.getIkeConfig().getIkeLifetime()).isEqualTo(28800L);
        assertThat(one.getIkeConfig().getLocalId()).isEqualTo("gw.example.com");
        assertThat(one.getIkeConfig().getRemoteId()).isEqualTo("peer.example.com");
        assertThat(one.getIpsecConfig().getIpsecEncAlg()).isEqualTo("aes192");
        assertThat(one.getIpsecConfig().getIpsecAuthAlg()).isEqualTo("sha1");
        assertThat(one.getIpsecConfig().getIpsecPfs()).isEqualTo("group5");
        assertThat(one.getIpsecConfig().getIpsecLifetime()).isEqualTo(3600L);
        assertThat(one.getVcoHealthCheck().getEnable()).isEqualTo("true");
        assertThat(one.getVcoHealthCheck().getDip()).isEqualTo("192.168.0.1");
        assertThat(one.getVcoHealthCheck().getSip()).isEqualTo("10.1.0.50");
        assertThat(one.getVcoHealthCheck().getInterval()).isEqualTo(2);
        assertThat(one.getVcoHealthCheck().getRetry()).isEqualTo(5);
        assertThat(one.getVcoHealthCheck().getPolicy()).isEqualTo("reserve_route");
        assertThat(one.getVcoHealthCheck().getStatus()).isIn("success", "failed");
        assertThat(one.getVpnBgpConfig().getEnableBgp()).isEqualTo("true");
        assertThat(one.getVpnBgpConfig().getLocalAsn()).isEqualTo(65531L);
        assertThat(one.getVpnBgpConfig().getPeerAsn()).isEqualTo(65530L);
        assertThat(one.getVpnBgpConfig().getTunnelCidr()).isEqualTo("169.254.10.0/30");
        assertThat(one.getVpnBgpConfig().getLocalBgpIp()).isEqualTo("169.254.10.1");
        assertThat(one.getVpnBgpConfig().getPeerBgpIp()).isEqualTo("169.254.10.2");
        assertThat(one.getVpnBgpConfig().getStatus()).isIn("success", "false");
        assertThat(one.getVpnBgpConfig().getAuthKey()).isEqualTo("old-bgp-key");

        // ModifyVpnConnectionAttribute: given keys change, the others keep their values.
        var modify = new ModifyVpnConnectionAttributeRequest();
        modify.setVpnConnectionId(id);
        modify.setName("old-renamed");
        modify.setLocalSubnet("10.3.0.0/16");
        modify.setIpsecConfig("{\"IpsecPfs\":\"disabled\"}");
        var modified = call(modify, format);
        assertThat(modified.getRequestId()).isNotBlank();
        assertThat(modified.getVpnConnectionId()).isEqualTo(id);
        assertThat(modified.getName()).isEqualTo("old-renamed");
        assertThat(modified.getLocalSubnet()).isEqualTo("10.3.0.0/16");
        assertThat(modified.getRemoteSubnet()).isEqualTo("192.168.0.0/24");
        assertThat(modified.getVpnGatewayId()).isEqualTo(gatewayId);
        assertThat(modified.getCustomerGatewayId()).isEqualTo(cgwId);
        assertThat(modified.getCreateTime()).isEqualTo(created.getCreateTime());
        assertThat(modified.getEffectImmediately()).isTrue();
        assertThat(modified.getEnableDpd()).isFalse();
        assertThat(modified.getEnableNatTraversal()).isFalse();
        assertThat(modified.getIpsecConfig().getIpsecPfs()).isEqualTo("disabled");
        assertThat(modified.getIpsecConfig().getIpsecEncAlg()).isEqualTo("aes192");
        assertThat(modified.getIkeConfig().getPsk()).isEqualTo("old-sdk-psk-1");
        var afterModify = describe(id, format);
        assertThat(afterModify.getName()).isEqualTo("old-renamed");
        assertThat(afterModify.getLocalSubnet()).isEqualTo("10.3.0.0/16");
        assertThat(afterModify.getState()).isEqualTo("updating");

        // DescribeVpnGateways and DescribeCustomerGateways.
        var gateways = new DescribeVpnGatewaysRequest();
        gateways.setVpcId(vpc.getVpcId());
        var gwPage = call(gateways, format);
        assertThat(gwPage.getRequestId()).isNotBlank();
        assertThat(gwPage.getTotalCount()).isEqualTo(1);
        assertThat(gwPage.getPageNumber()).isEqualTo(1);
        assertThat(gwPage.getPageSize()).isEqualTo(10);
        assertThat(gwPage.getVpnGateways()).hasSize(1);
        var gw = gwPage.getVpnGateways().get(0);
        assertThat(gw.getVpnGatewayId()).isEqualTo(gatewayId);
        assertThat(gw.getVpcId()).isEqualTo(vpc.getVpcId());
        assertThat(gw.getName()).isEqualTo("old-gw");
        assertThat(gw.getStatus()).isEqualTo("active");
        assertThat(gw.getSpec()).isEqualTo("10M");
        assertThat(gw.getInternetIp()).isNotBlank();
        assertThat(gw.getCreateTime()).isPositive();
        assertThat(gw.getEndTime()).isNotNull();
        assertThat(gw.getChargeType()).isEqualTo("Postpay");
        assertThat(gw.getBusinessStatus()).isEqualTo("Normal");
        assertThat(gw.getIpsecVpn()).isEqualTo("enable");
        assertThat(gw.getSslVpn()).isEqualTo("disable");
        assertThat(gw.getSslMaxConnections()).isNotNull();
        assertThat(gw.getNetworkType()).isEqualTo("public");
        assertThat(gw.getVpnType()).isEqualTo("Normal");
        assertThat(gw.getEnableBgp()).isNotNull();
        assertThat(gw.getAutoPropagate()).isNotNull();
        assertThat(gw.getDescription()).isNotNull();
        assertThat(gw.getVSwitchId()).isNotNull();
        assertThat(gw.getTags()).isEmpty();

        // Gateway tags, set with the typed TagResourcesRequest, shown and filtered by DescribeVpnGateways.
        var tag = new com.aliyuncs.vpc.model.v20160428.TagResourcesRequest();
        tag.setResourceType("VpnGateWay");
        tag.setResourceIds(java.util.List.of(gatewayId));
        var env = new com.aliyuncs.vpc.model.v20160428.TagResourcesRequest.Tag();
        env.setKey("env");
        env.setValue("prod");
        var team = new com.aliyuncs.vpc.model.v20160428.TagResourcesRequest.Tag();
        team.setKey("team");
        team.setValue("net ops");
        tag.setTags(java.util.List.of(env, team));
        assertThat(call(tag, format).getRequestId()).isNotBlank();
        var taggedGateways = new DescribeVpnGatewaysRequest();
        var filter = new DescribeVpnGatewaysRequest.Tag();
        filter.setKey("team");
        filter.setValue("net ops");
        taggedGateways.setTags(java.util.List.of(filter));
        var tagged = call(taggedGateways, format);
        assertThat(tagged.getTotalCount()).isEqualTo(1);
        assertThat(tagged.getVpnGateways()).singleElement().satisfies(g -> {
            assertThat(g.getVpnGatewayId()).isEqualTo(gatewayId);
            assertThat(g.getTags()).extracting(t -> t.getKey() + "=" + t.getValue())
                    .containsExactlyInAnyOrder("env=prod", "team=net ops");
        });

        var cgws = new DescribeCustomerGatewaysRequest();
        cgws.setCustomerGatewayId(cgwId);
        var cgwPage = call(cgws, format);
        assertThat(cgwPage.getRequestId()).isNotBlank();
        assertThat(cgwPage.getTotalCount()).isEqualTo(1);
        assertThat(cgwPage.getPageNumber()).isEqualTo(1);
        assertThat(cgwPage.getPageSize()).isEqualTo(10);
        assertThat(cgwPage.getCustomerGateways()).hasSize(1);
        var listedCgw = cgwPage.getCustomerGateways().get(0);
        assertThat(listedCgw.getCustomerGatewayId()).isEqualTo(cgwId);
        assertThat(listedCgw.getIpAddress()).isEqualTo(ip);
        assertThat(listedCgw.getName()).isEqualTo("old-cgw");
        assertThat(listedCgw.getDescription()).isEqualTo("peer office");
        assertThat(listedCgw.getAsn()).isEqualTo(65530L);
        assertThat(listedCgw.getCreateTime()).isEqualTo(cgw.getCreateTime());
        assertThat(listedCgw.getAuthKey()).isEqualTo("old-bgp-key");

        // Errors: a gateway with connections cannot go; a deleted connection is not found.
        var deleteGateway = new DeleteVpnGatewayRequest();
        deleteGateway.setVpnGatewayId(gatewayId);
        var dependency = failure(deleteGateway, format);
        assertThat(dependency.getErrCode()).isEqualTo("DependencyViolation.VpnConnection");

        Polling.untilActive("connection " + id, () -> describe(id, format).getState(), "active");
        var delete = new DeleteVpnConnectionRequest();
        delete.setVpnConnectionId(id);
        assertThat(call(delete, format).getRequestId()).isNotBlank();
        var describeGone = new DescribeVpnConnectionRequest();
        describeGone.setVpnConnectionId(id);
        var gone = failure(describeGone, format);
        assertThat(gone.getErrCode()).isEqualTo("InvalidVpnConnectionInstanceId.NotFound");
        assertThat(gone.getErrMsg()).isEqualTo("The specified vpn connection instance id does not exist.");

        var deleteGatewayAgain = new DeleteVpnGatewayRequest();
        deleteGatewayAgain.setVpnGatewayId(gatewayId);
        assertThat(call(deleteGatewayAgain, format).getRequestId()).isNotBlank();
    }

    /**
     * A connection's tags are a list in XML as in JSON: the SDK's reader gives {@code Tag[i].Key}
     * from {@code <Tag><Tag><Key>} as from {@code "Tag":{"Tag":[…]}}. The page's sample shape,
     * {@code <Tag><Key>} repeated in the connection, would read as one {@code Tag.Key}, the last.
     * 3.2.4's response model has no tags, so {@link ConnectionTags} reads them the way its
     * generated models read every other list.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FormatType.class, names = {"JSON", "XML"})
    void connectionTagsReadAsAList(FormatType format) throws Exception {
        var createVpc = new CreateVpcRequest();
        createVpc.setCidrBlock("10.0.0.0/8");
        var createGateway = new CreateVpnGatewayRequest();
        createGateway.setVpcId(call(createVpc, format).getVpcId());
        createGateway.setBandwidth(10);
        String gatewayId = call(createGateway, format).getVpnGatewayId();
        var createCgw = new CreateCustomerGatewayRequest();
        createCgw.setIpAddress(format == FormatType.JSON ? "198.51.100.30" : "198.51.100.31");
        var create = new CreateVpnConnectionRequest();
        create.setVpnGatewayId(gatewayId);
        create.setCustomerGatewayId(call(createCgw, format).getCustomerGatewayId());
        create.setLocalSubnet("10.1.0.0/16");
        create.setRemoteSubnet("192.168.0.0/24");
        create.putQueryParameter("Tags.1.Key", "env");
        create.putQueryParameter("Tags.1.Value", "prod");
        create.putQueryParameter("Tags.2.Key", "team");
        create.putQueryParameter("Tags.2.Value", "net ops");
        call(create, format);

        var list = new DescribeConnectionTags();
        list.putQueryParameter("VpnGatewayId", gatewayId);
        var tags = call(list, format).tags;
        assertThat(tags).singleElement().satisfies(
                t -> assertThat(t).containsExactlyInAnyOrder("env=prod", "team=net ops"));
    }

    /** DescribeVpnConnections typed as the generated requests are, answered by {@link ConnectionTags}. */
    static final class DescribeConnectionTags extends com.aliyuncs.RpcAcsRequest<ConnectionTags> {
        DescribeConnectionTags() {
            super("Vpc", "2016-04-28", "DescribeVpnConnections", "vpc");
            setSysMethod(com.aliyuncs.http.MethodType.POST);
        }

        @Override
        public Class<ConnectionTags> getResponseClass() {
            return ConnectionTags.class;
        }
    }

    /** Each listed connection's tags as {@code key=value}, read by the paths the generated unmarshallers use. */
    public static final class ConnectionTags extends AcsResponse {
        java.util.List<java.util.List<String>> tags = new java.util.ArrayList<>();

        @Override
        public ConnectionTags getInstance(com.aliyuncs.transform.UnmarshallerContext context) {
            // The client roots the paths at the response class's name after its last dot, as it
            // does the generated models' (DescribeVpnConnectionsResponse).
            String root = getClass().getName().substring(getClass().getName().lastIndexOf('.') + 1);
            String connections = root + ".VpnConnections";
            for (int i = 0; i < context.lengthValue(connections + ".Length"); i++) {
                String tag = connections + "[" + i + "].Tag";
                var pairs = new java.util.ArrayList<String>();
                for (int j = 0; j < context.lengthValue(tag + ".Length"); j++) {
                    pairs.add(context.stringValue(tag + "[" + j + "].Key") + "="
                            + context.stringValue(tag + "[" + j + "].Value"));
                }
                tags.add(pairs);
            }
            return this;
        }
    }

    private CreateVpnConnectionRequest createConnection(String gatewayId, String cgwId, String token) {
        var r = new CreateVpnConnectionRequest();
        r.setVpnGatewayId(gatewayId);
        r.setCustomerGatewayId(cgwId);
        r.setName("old-conn");
        r.setLocalSubnet("10.1.0.0/16,10.2.0.0/16");
        r.setRemoteSubnet("192.168.0.0/24");
        r.setEffectImmediately(true);
        r.setEnableDpd(false);
        r.setEnableNatTraversal(false);
        r.setIkeConfig(IKE);
        r.setIpsecConfig(IPSEC);
        r.setBgpConfig(BGP);
        r.setHealthCheckConfig(HEALTH);
        r.setClientToken(token);
        // The 3.2.4 request class has no Tags setter.
        r.putQueryParameter("Tags.1.Key", "env");
        r.putQueryParameter("Tags.1.Value", "old sdk");
        return r;
    }

    private com.aliyuncs.vpc.model.v20160428.DescribeVpnConnectionResponse describe(String id, FormatType format)
            throws ClientException {
        var r = new DescribeVpnConnectionRequest();
        r.setVpnConnectionId(id);
        return call(r, format);
    }
}
