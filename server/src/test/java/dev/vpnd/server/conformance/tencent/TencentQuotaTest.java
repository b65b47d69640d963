package dev.vpnd.server.conformance.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpnConnectionRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteVpnConnectionRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.security.KeyStyle;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quotas through Tencent's Java SDK, each test on a fresh account (whose limits are the defaults):
 * a create over the limit is {@code LimitExceeded}, {@code vpnd quota set} raising the limit lets it
 * through, and a delete frees a slot.
 */
class TencentQuotaTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static VpcClient client(String account) {
        var key = VPND.services().accounts().create(account, List.of(KeyStyle.TENCENT.shape())).keys().getFirst();
        return TencentClients.client(VPND.tencentEndpoint(), key.id(), key.secret().value(),
                ClientProfile.SIGN_TC3_256, "POST");
    }

    private static void assertLimitExceeded(ThrowingCallable create, String detail) {
        var refused = catchThrowableOfType(TencentCloudSDKException.class, create);
        assertThat(refused).as("refused over the quota").isNotNull();
        assertThat(refused.getErrorCode()).isEqualTo("LimitExceeded");
        assertThat(refused.getMessage()).contains(detail);
        assertThat(refused.getRequestId()).isNotEmpty();
    }

    private static String connect(VpcClient client, String gateway, String peer, String name)
            throws TencentCloudSDKException {
        var request = new CreateVpnConnectionRequest();
        request.setVpnGatewayId(gateway);
        request.setCustomerGatewayId(peer);
        request.setVpnConnectionName(name);
        request.setPreShareKey("psk-" + name);
        return client.CreateVpnConnection(request).getVpnConnection().getVpnConnectionId();
    }

    @Test
    void connectionsStopAtTheLimitUntilTheCommandRaisesIt() throws Exception {
        var client = client("tc-quota-connections");
        var fixtures = new TencentFixtures(client);
        String gateway = fixtures.gateway(fixtures.vpc());
        String first = fixtures.customerGateway();
        String second = fixtures.customerGateway();
        String third = fixtures.customerGateway();
        assertThat(VPND.command("quota", "set", "--account", "tc-quota-connections", "--kind", "vpn-connection",
                "--limit", "1")).isZero();
        String kept = connect(client, gateway, first, "first");
        assertLimitExceeded(() -> connect(client, gateway, second, "second"),
                "the quota of VPN connections per VPN gateway is 1");

        assertThat(VPND.command("quota", "set", "--account", "tc-quota-connections", "--kind", "vpn-connection",
                "--limit", "2")).isZero();
        connect(client, gateway, second, "second");
        assertLimitExceeded(() -> connect(client, gateway, third, "third"),
                "the quota of VPN connections per VPN gateway is 2");

        var delete = new DeleteVpnConnectionRequest();
        delete.setVpnGatewayId(gateway);
        delete.setVpnConnectionId(kept);
        TencentClients.awaitAvailableConnection(client, kept);
        client.DeleteVpnConnection(delete);
        connect(client, gateway, third, "third");
    }

    /** No limit set: the default of ten VPCs in a region applies. */
    @Test
    void aRegionTakesTenVpcsByDefault() throws Exception {
        var client = client("tc-quota-vpcs");
        var fixtures = new TencentFixtures(client);
        for (int i = 0; i < 10; i++) {
            fixtures.vpc();
        }
        assertLimitExceeded(fixtures::vpc, "the quota of VPCs per region is 10");
        assertThat(client.DescribeVpcs(new DescribeVpcsRequest()).getTotalCount()).isEqualTo(10);
    }
}
