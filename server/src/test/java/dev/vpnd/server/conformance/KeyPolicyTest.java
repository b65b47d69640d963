package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DeleteVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DeleteVpnGatewayRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import com.aliyun.vpc20160428.models.DescribeVpnGatewaysRequest;
import com.aliyun.vpc20160428.models.ModifyVpnConnectionAttributeRequest;
import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import dev.vpnd.server.security.KeyStyle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A key's policy, through Alibaba's new and old SDKs: actions outside its patterns, resources outside
 * its gateways and regions outside its list answer 403 {@code Forbbiden.SubUser} and change nothing;
 * what it allows answers as for any key.
 */
class KeyPolicyTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd(Duration.ZERO);

    private static final String REGION = AliyunClients.REGION;
    private static final String FORBIDDEN = "Forbbiden.SubUser";

    private static Client admin;
    private static AliyunFixtures fixtures;
    private static String gateway1;
    private static String connection1;
    private static String gateway2;
    private static String connection2;

    @BeforeAll
    static void twoGateways() throws Exception {
        admin = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        fixtures = new AliyunFixtures(admin);
        gateway1 = fixtures.gateway();
        connection1 = fixtures.connection(gateway1, fixtures.customerGateway(), "one");
        gateway2 = fixtures.gateway();
        connection2 = fixtures.connection(gateway2, fixtures.customerGateway(), "two");
    }

    private static AccessKey key(AccessPolicy policy) {
        return VPND.services().accounts().createKey("demo", policy, false, KeyStyle.ALIYUN.shape());
    }

    private static AccessPolicy allow(String patterns, String... gateways) {
        return new AccessPolicy(AccessPolicy.parseActions(patterns),
                Set.of(gateways).stream().map(id -> AliyunIds.decode(ResourceType.VPN_GATEWAY, id).orElseThrow())
                        .collect(java.util.stream.Collectors.toSet()), Set.of());
    }

    private static Client newSdk(AccessKey key, boolean v2) throws Exception {
        return AliyunClients.newSdk(VPND.aliyunEndpoint(), v2, key.id(), key.secret().value());
    }

    private static <R extends AcsResponse> R oldCall(AccessKey key, AcsRequest<R> request) throws ClientException {
        request.setSysEndpoint(VPND.aliyunEndpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        return AliyunClients.oldSdk(key.id(), key.secret().value()).getAcsResponse(request);
    }

    private static void assertForbidden(SdkCall call) {
        var e = catchThrowableOfType(TeaException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getCode()).isEqualTo(FORBIDDEN);
        assertThat(e.getStatusCode()).isEqualTo(403);
    }

    private static void assertOldForbidden(AccessKey key, AcsRequest<?> request) {
        var e = catchThrowableOfType(ClientException.class, () -> oldCall(key, request));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getErrCode()).isEqualTo(FORBIDDEN);
    }

    @FunctionalInterface
    private interface SdkCall {
        void run() throws Exception;
    }

    private static String nameOf(String connectionId) throws Exception {
        return admin.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(connectionId)).getBody().getName();
    }

    @Test
    void actionsOutsideThePatternsAreRefusedAndInsideAllowed() throws Exception {
        var key = key(allow("Describe*,CreateVpnConnection"));
        for (boolean v2 : new boolean[] {false, true}) {
            var client = newSdk(key, v2);
            assertThat(client.describeVpnGateways(new DescribeVpnGatewaysRequest().setRegionId(REGION)).getBody()
                    .getTotalCount()).isEqualTo(2);
            String made = client.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(REGION)
                    .setVpnGatewayId(gateway1).setCustomerGatewayId(fixtures.customerGateway())
                    .setLocalSubnet("10.1.0.0/16").setRemoteSubnet("192.168.7.0/24")).getBody().getVpnConnectionId();
            assertForbidden(() -> client.deleteVpnConnection(new DeleteVpnConnectionRequest().setRegionId(REGION)
                    .setVpnConnectionId(made)));
            assertThat(nameOf(made)).isNotNull();
            admin.deleteVpnConnection(new DeleteVpnConnectionRequest().setRegionId(REGION).setVpnConnectionId(made));
        }
        var modify = new com.aliyuncs.vpc.model.v20160428.ModifyVpnConnectionAttributeRequest();
        modify.setVpnConnectionId(connection1);
        modify.setName("renamed");
        assertOldForbidden(key, modify);
        assertThat(nameOf(connection1)).isEqualTo("one");
        var list = new com.aliyuncs.vpc.model.v20160428.DescribeVpnConnectionsRequest();
        assertThat(oldCall(key, list).getTotalCount()).isEqualTo(2);
    }

    @Test
    void aKeyLimitedToAGatewayReachesItAndItsConnectionsOnly() throws Exception {
        var key = key(allow("*", gateway1));
        var client = newSdk(key, false);
        client.modifyVpnConnectionAttribute(new ModifyVpnConnectionAttributeRequest().setRegionId(REGION)
                .setVpnConnectionId(connection1).setName("one-renamed"));
        assertThat(nameOf(connection1)).isEqualTo("one-renamed");
        client.modifyVpnConnectionAttribute(new ModifyVpnConnectionAttributeRequest().setRegionId(REGION)
                .setVpnConnectionId(connection1).setName("one"));
        var own = client.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                .setVpnGatewayId(gateway1)).getBody();
        assertThat(own.getTotalCount()).isEqualTo(1);
        assertThat(own.getVpnConnections().getVpnConnection().get(0).getVpnConnectionId()).isEqualTo(connection1);

        assertForbidden(() -> client.modifyVpnConnectionAttribute(new ModifyVpnConnectionAttributeRequest()
                .setRegionId(REGION).setVpnConnectionId(connection2).setName("taken")));
        assertThat(nameOf(connection2)).isEqualTo("two");
        // A list that does not name the gateway is refused, as RAM refuses a resource-scoped Describe.
        assertForbidden(() -> client.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)));
        assertForbidden(() -> client.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                .setVpnGatewayId(gateway2)));
        assertForbidden(() -> client.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(connection2)));
        assertForbidden(() -> client.describeVpnGateways(new DescribeVpnGatewaysRequest().setRegionId(REGION)));
        assertForbidden(() -> client.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(REGION)
                .setVpnGatewayId(gateway2).setCustomerGatewayId(fixtures.customerGateway())
                .setLocalSubnet("10.1.0.0/16").setRemoteSubnet("192.168.8.0/24")));
        assertForbidden(() -> newSdk(key, true).deleteVpnGateway(new DeleteVpnGatewayRequest().setRegionId(REGION)
                .setVpnGatewayId(gateway2)));
        // An id that names nothing lies within no policy: refused, not NotFound.
        assertForbidden(() -> client.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId("vco-doesnotexist")));

        var oldOwn = new com.aliyuncs.vpc.model.v20160428.DescribeVpnConnectionsRequest();
        oldOwn.setVpnGatewayId(gateway1);
        assertThat(oldCall(key, oldOwn).getTotalCount()).isEqualTo(1);
        var oldOther = new com.aliyuncs.vpc.model.v20160428.ModifyVpnConnectionAttributeRequest();
        oldOther.setVpnConnectionId(connection2);
        oldOther.setName("taken");
        assertOldForbidden(key, oldOther);
        assertThat(nameOf(connection2)).isEqualTo("two");
        assertThat(admin.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)).getBody()
                .getTotalCount()).isEqualTo(2);
    }

    /** A request through the old SDK's CommonRequest, with parameters its action does not take. */
    private static com.aliyuncs.CommonResponse common(AccessKey key, String action, Map<String, String> params)
            throws ClientException {
        var request = AliyunClients.common(VPND.aliyunEndpoint(), REGION, action);
        params.forEach(request::putQueryParameter);
        return AliyunClients.oldSdk(key.id(), key.secret().value()).getCommonResponse(request);
    }

    @Test
    void aParameterTheActionIgnoresDoesNotLetACallPast() throws Exception {
        var key = key(allow("*", gateway1));
        // Each names the key's own gateway or connection in a parameter the action does not act through.
        List<Map.Entry<String, Map<String, String>>> smuggled = List.of(
                Map.entry("DescribeVpnConnections", Map.of("ResourceType", "VpnConnection", "ResourceId.1",
                        connection1)),
                Map.entry("DescribeVpnGateways", Map.of("VpnConnectionId", connection1)),
                Map.entry("DescribeCustomerGateways", Map.of("VpnConnectionId", connection1)),
                Map.entry("DescribeVpcs", Map.of("VpnGatewayId", gateway1)),
                Map.entry("DescribeRegions", Map.of("VpnGatewayId", gateway1)),
                Map.entry("DeleteVpc", Map.of("VpcId", "vpc-doesnotexist", "VpnConnectionId", connection1)),
                Map.entry("DescribeVpnConnection", Map.of("VpnConnectionId", connection2, "VpnGatewayId",
                        gateway1)),
                Map.entry("ListTagResources", Map.of("ResourceType", "VpnGateway", "VpnGatewayId", gateway1)));
        for (var call : smuggled) {
            var e = catchThrowableOfType(ClientException.class, () -> common(key, call.getKey(), call.getValue()));
            assertThat(e).as(call.getKey()).isNotNull();
            assertThat(e.getErrCode()).as(call.getKey()).isEqualTo(FORBIDDEN);
        }
        assertThat(common(key, "ListTagResources", Map.of("ResourceType", "VpnGateway", "ResourceId.1", gateway1))
                .getHttpStatus()).as("a tag action names its resources by ResourceId.N").isEqualTo(200);
    }

    @Test
    void aKeyLimitedToARegionIsRefusedElsewhere() throws Exception {
        var key = key(new AccessPolicy(List.of("Describe*"), Set.of(), Set.of("shanghai")));
        var client = newSdk(key, false);
        assertForbidden(() -> client.describeVpnGateways(new DescribeVpnGatewaysRequest().setRegionId(REGION)));
        assertThat(client.describeVpnGateways(new DescribeVpnGatewaysRequest().setRegionId("cn-shanghai")).getBody()
                .getTotalCount()).isZero();
    }
}
