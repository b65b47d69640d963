package dev.vpnd.server.conformance.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpnConnectionRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteVpnConnectionRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpnConnectionsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpnGatewaysRequest;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.ModifyVpnConnectionAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.SecurityPolicyDatabase;
import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.tencent.TencentIds;
import dev.vpnd.server.security.KeyStyle;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A key's policy through Tencent's SDK: what it does not allow is CAM's
 * {@code AuthFailure.UnauthorizedOperation} naming the operation, and changes nothing.
 */
class TencentKeyPolicyTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd(Duration.ZERO);

    private static final String REFUSED = "AuthFailure.UnauthorizedOperation";

    private static VpcClient admin;
    private static TencentFixtures fixtures;
    private static String vpc;
    private static String gateway1;
    private static String connection1;
    private static String gateway2;
    private static String connection2;

    @BeforeAll
    static void twoGateways() throws Exception {
        admin = TencentClients.tc3(VPND.tencentEndpoint());
        fixtures = new TencentFixtures(admin);
        vpc = fixtures.vpc();
        gateway1 = fixtures.gateway(vpc);
        connection1 = connection(admin, gateway1, "one");
        gateway2 = fixtures.gateway(vpc);
        connection2 = connection(admin, gateway2, "two");
    }

    private static String connection(VpcClient client, String gatewayId, String name)
            throws TencentCloudSDKException {
        var request = new CreateVpnConnectionRequest();
        request.setVpnGatewayId(gatewayId);
        request.setCustomerGatewayId(fixtures.customerGateway());
        request.setVpcId(vpc);
        request.setVpnConnectionName(name);
        request.setPreShareKey("psk-" + name);
        var spd = new SecurityPolicyDatabase();
        spd.setLocalCidrBlock("10.0.0.0/24");
        spd.setRemoteCidrBlock(new String[] {"172.16.0.0/16"});
        request.setSecurityPolicyDatabases(new SecurityPolicyDatabase[] {spd});
        return client.CreateVpnConnection(request).getVpnConnection().getVpnConnectionId();
    }

    private static VpcClient client(AccessPolicy policy) {
        AccessKey key = VPND.services().accounts().createKey("demo", policy, false, KeyStyle.TENCENT.shape());
        return TencentClients.client(VPND.tencentEndpoint(), key.id(), key.secret().value(),
                ClientProfile.SIGN_TC3_256, "POST");
    }

    private static String canonicalGateway(String tencentId) {
        return VPND.services().dataPlane().locateGatewayBySerial(TencentIds.gatewaySerial(tencentId).orElseThrow())
                .orElseThrow().gatewayId();
    }

    private static void assertRefused(String action, Call call) {
        var e = catchThrowableOfType(TencentCloudSDKException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getErrorCode()).isEqualTo(REFUSED);
        assertThat(e.getMessage()).contains("(vpc:" + action + ")");
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static ModifyVpnConnectionAttributeRequest rename(String connectionId, String name) {
        var request = new ModifyVpnConnectionAttributeRequest();
        request.setVpnConnectionId(connectionId);
        request.setVpnConnectionName(name);
        return request;
    }

    private static String nameOf(String connectionId) throws TencentCloudSDKException {
        var request = new DescribeVpnConnectionsRequest();
        request.setVpnConnectionIds(new String[] {connectionId});
        return admin.DescribeVpnConnections(request).getVpnConnectionSet()[0].getVpnConnectionName();
    }

    @Test
    void actionsOutsideThePatternsAreRefused() throws Exception {
        var client = client(new AccessPolicy(AccessPolicy.parseActions("Describe*,CreateVpnConnection"), Set.of(),
                Set.of()));
        assertThat(client.DescribeVpnGateways(new DescribeVpnGatewaysRequest()).getTotalCount()).isEqualTo(2);
        String made = connection(client, gateway1, "made");
        var delete = new DeleteVpnConnectionRequest();
        delete.setVpnGatewayId(gateway1);
        delete.setVpnConnectionId(made);
        assertRefused("DeleteVpnConnection", () -> client.DeleteVpnConnection(delete));
        assertRefused("ModifyVpnConnectionAttribute",
                () -> client.ModifyVpnConnectionAttribute(rename(connection1, "renamed")));
        assertThat(nameOf(connection1)).isEqualTo("one");
        admin.DeleteVpnConnection(delete);
    }

    @Test
    void aKeyLimitedToAGatewayReachesItAndItsConnectionsOnly() throws Exception {
        var client = client(new AccessPolicy(List.of("*"), Set.of(canonicalGateway(gateway1)), Set.of()));
        client.ModifyVpnConnectionAttribute(rename(connection1, "one-renamed"));
        assertThat(nameOf(connection1)).isEqualTo("one-renamed");
        client.ModifyVpnConnectionAttribute(rename(connection1, "one"));
        var byGateway = new DescribeVpnConnectionsRequest();
        var filter = new Filter();
        filter.setName("vpn-gateway-id");
        filter.setValues(new String[] {gateway1});
        byGateway.setFilters(new Filter[] {filter});
        var own = client.DescribeVpnConnections(byGateway);
        assertThat(own.getTotalCount()).isEqualTo(1);
        assertThat(own.getVpnConnectionSet()[0].getVpnConnectionId()).isEqualTo(connection1);

        assertRefused("ModifyVpnConnectionAttribute",
                () -> client.ModifyVpnConnectionAttribute(rename(connection2, "taken")));
        assertThat(nameOf(connection2)).isEqualTo("two");
        assertRefused("DescribeVpnConnections",
                () -> client.DescribeVpnConnections(new DescribeVpnConnectionsRequest()));
        var other = new DescribeVpnConnectionsRequest();
        other.setVpnConnectionIds(new String[] {connection1, connection2});
        assertRefused("DescribeVpnConnections", () -> client.DescribeVpnConnections(other));
        assertRefused("CreateVpnConnection", () -> connection(client, gateway2, "intruder"));
        assertThat(admin.DescribeVpnConnections(new DescribeVpnConnectionsRequest()).getTotalCount()).isEqualTo(2);
    }

    /** The legacy v2 DescribeVpnConn through Tencent's Node client: the same policy, code 4300 when outside it. */
    @Test
    void theLegacyDescribeVpnConnKeepsTheKeysPolicy() throws Exception {
        var sdk = QcloudNodeSdk.at(VPND.tencentEndpoint());
        AccessKey limited = VPND.services().accounts().createKey("demo",
                new AccessPolicy(List.of("*"), Set.of(canonicalGateway(gateway1)), Set.of()), false,
                KeyStyle.TENCENT.shape());
        Function<Map<String, Object>, JsonNode> asLimited = data -> legacy(sdk, data, limited);

        JsonNode own = asLimited.apply(Map.of("vpnGwId", gateway1));
        assertThat(own.get("code").asInt()).as(own.toString()).isZero();
        assertThat(own.get("data")).hasSize(1);
        assertThat(own.at("/data/0/unVpnConnId").asText()).isEqualTo(connection1);
        for (Map<String, Object> outside : List.<Map<String, Object>>of(Map.of("vpnGwId", gateway2), Map.of(),
                Map.of("vpnGwId", gateway1, "vpnConnId", connection2))) {
            JsonNode refused = asLimited.apply(outside);
            assertThat(refused.get("code").asInt()).as("%s: %s", outside, refused).isEqualTo(4300);
            assertThat(refused.has("data")).as("nothing shown").isFalse();
        }

        AccessKey createOnly = VPND.services().accounts().createKey("demo",
                new AccessPolicy(AccessPolicy.parseActions("CreateVpnConnection"), Set.of(), Set.of()), false,
                KeyStyle.TENCENT.shape());
        JsonNode refused = legacy(sdk, Map.of("vpnGwId", gateway1), createOnly);
        assertThat(refused.get("code").asInt()).as(refused.toString()).isEqualTo(4300);
    }

    private static JsonNode legacy(QcloudNodeSdk sdk, Map<String, Object> parameters, AccessKey key) {
        var data = new LinkedHashMap<String, Object>();
        data.put("Action", "DescribeVpnConn");
        data.putAll(parameters);
        try {
            return sdk.call(QcloudNodeSdk.Call.of(data).key(key.id(), key.secret().value()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
