package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.CreateVpnGatewayRequest;
import com.aliyun.vpc20160428.models.DeleteVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DeleteVpnGatewayRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import com.aliyun.vpc20160428.models.ModifyVpnConnectionAttributeRequest;
import dev.vpnd.server.RunningVpnd;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The new SDK (vpc20160428) drives an IPsec connection through its life with each signature it
 * offers: v2 (HMAC-SHA1), ACS3-HMAC-SHA256 (its default) and ACS3-HMAC-SM3.
 */
class NewSdkConnectionTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final String REGION = AliyunClients.REGION;

    @ParameterizedTest(name = "signature {0}")
    @ValueSource(strings = {"ACS3-HMAC-SHA256", "v2", "ACS3-HMAC-SM3"})
    void createDescribeModifyDelete(String algorithm) throws Exception {
        Client client = AliyunClients.newSdk(VPND.aliyunEndpoint(), algorithm);
        var fixtures = new AliyunFixtures(client);
        String gatewayId = fixtures.gateway();
        String customerGatewayId = fixtures.customerGateway();

        var created = client.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(REGION)
                .setVpnGatewayId(gatewayId).setCustomerGatewayId(customerGatewayId).setName("conn1")
                .setLocalSubnet("1.1.1.0/24,1.1.2.0/24").setRemoteSubnet("2.2.2.0/24").setEffectImmediately(true)
                .setIkeConfig("{\"Psk\":\"pgw6dy7d1i8in7x5\",\"IkeVersion\":\"ikev2\",\"IkeAuthAlg\":\"sha256\"}")
                .setIpsecConfig("{\"IpsecPfs\":\"disabled\",\"IpsecLifetime\":3600}")
                .setTags(List.of(new CreateVpnConnectionRequest.CreateVpnConnectionRequestTags().setKey("env")
                        .setValue("prod"))))
                .getBody();
        assertThat(created.getVpnConnectionId()).startsWith("vco-");
        assertThat(created.getName()).isEqualTo("conn1");
        assertThat(created.getCreateTime()).isPositive();

        var one = client.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(created.getVpnConnectionId())).getBody();
        assertThat(one.getVpnConnectionId()).isEqualTo(created.getVpnConnectionId());
        assertThat(one.getVpnGatewayId()).isEqualTo(gatewayId);
        assertThat(one.getCustomerGatewayId()).isEqualTo(customerGatewayId);
        assertThat(one.getLocalSubnet()).isEqualTo("1.1.1.0/24,1.1.2.0/24");
        assertThat(one.getRemoteSubnet()).isEqualTo("2.2.2.0/24");
        assertThat(one.getCreateTime()).isEqualTo(created.getCreateTime());
        assertThat(one.getEffectImmediately()).isTrue();
        assertThat(one.getEnableDpd()).isTrue();
        assertThat(one.getEnableNatTraversal()).isTrue();
        assertThat(one.getStatus()).isEqualTo("ike_sa_not_established");
        assertThat(one.getState()).isEqualTo("provisioning");
        assertThat(one.getIkeConfig().getPsk()).isEqualTo("pgw6dy7d1i8in7x5");
        assertThat(one.getIkeConfig().getIkeVersion()).isEqualTo("ikev2");
        assertThat(one.getIkeConfig().getIkeAuthAlg()).isEqualTo("sha256");
        assertThat(one.getIkeConfig().getIkeEncAlg()).isEqualTo("aes");
        assertThat(one.getIkeConfig().getIkeMode()).isEqualTo("main");
        assertThat(one.getIkeConfig().getIkePfs()).isEqualTo("group2");
        assertThat(one.getIkeConfig().getIkeLifetime()).isEqualTo(86400L);
        assertThat(one.getIkeConfig().getLocalId()).isNotEmpty();
        assertThat(one.getIkeConfig().getRemoteId()).startsWith("203.0.");
        assertThat(one.getIpsecConfig().getIpsecPfs()).isEqualTo("disabled");
        assertThat(one.getIpsecConfig().getIpsecLifetime()).isEqualTo(3600L);
        assertThat(one.getIpsecConfig().getIpsecAuthAlg()).isEqualTo("md5");
        assertThat(one.getIpsecConfig().getIpsecEncAlg()).isEqualTo("aes");
        assertThat(one.getVcoHealthCheck().getEnable()).isEqualTo("false");
        assertThat(one.getVpnBgpConfig().getEnableBgp()).isEqualTo("false");
        assertThat(one.getVpnBgpConfig().getLocalAsn()).isEqualTo(45104L);
        assertThat(one.getTags().getTag()).singleElement()
                .satisfies(t -> assertThat(t.getKey() + "=" + t.getValue()).isEqualTo("env=prod"));

        var early = catchThrowableOfType(TeaException.class, () -> client.modifyVpnConnectionAttribute(
                new ModifyVpnConnectionAttributeRequest().setRegionId(REGION)
                        .setVpnConnectionId(created.getVpnConnectionId()).setName("too-soon")));
        assertThat(early.getCode()).as("modified while provisioning").isEqualTo("VpnConnection.Configuring");
        assertThat(early.getStatusCode()).isEqualTo(400);
        AliyunClients.awaitActiveConnection(client, created.getVpnConnectionId());
        var page = client.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                .setVpnGatewayId(gatewayId)).getBody();
        assertThat(page.getTotalCount()).isEqualTo(1);
        assertThat(page.getPageNumber()).isEqualTo(1);
        assertThat(page.getPageSize()).isEqualTo(10);
        var listed = page.getVpnConnections().getVpnConnection().get(0);
        assertThat(listed.getVpnConnectionId()).isEqualTo(created.getVpnConnectionId());
        assertThat(listed.getState()).isEqualTo("active");
        assertThat(listed.getIkeConfig().getPsk()).isEqualTo("pgw6dy7d1i8in7x5");
        assertThat(listed.getTag().getTag()).singleElement().satisfies(t -> assertThat(t.getKey()).isEqualTo("env"));

        var modified = client.modifyVpnConnectionAttribute(new ModifyVpnConnectionAttributeRequest().setRegionId(REGION)
                .setVpnConnectionId(created.getVpnConnectionId()).setName("renamed")
                .setIkeConfig("{\"IkeEncAlg\":\"aes256\"}")).getBody();
        assertThat(modified.getName()).isEqualTo("renamed");
        assertThat(modified.getIkeConfig().getIkeEncAlg()).isEqualTo("aes256");
        assertThat(modified.getIkeConfig().getIkeVersion()).as("unchanged keys keep their values").isEqualTo("ikev2");
        var afterModify = client.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(created.getVpnConnectionId())).getBody();
        assertThat(afterModify.getState()).isEqualTo("updating");

        var dependency = catchThrowableOfType(TeaException.class, () -> client.deleteVpnGateway(
                new DeleteVpnGatewayRequest().setRegionId(REGION).setVpnGatewayId(gatewayId)));
        assertThat(dependency.getCode()).isEqualTo("DependencyViolation.VpnConnection");
        assertThat(dependency.getStatusCode()).isEqualTo(400);

        var busy = catchThrowableOfType(TeaException.class, () -> client.deleteVpnConnection(
                new DeleteVpnConnectionRequest().setRegionId(REGION).setVpnConnectionId(created.getVpnConnectionId())));
        assertThat(busy.getCode()).as("deleted while updating").isEqualTo("VpnConnection.Configuring");
        assertThat(busy.getStatusCode()).isEqualTo(400);
        AliyunClients.awaitActiveConnection(client, created.getVpnConnectionId());
        client.deleteVpnConnection(new DeleteVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(created.getVpnConnectionId()));
        var gone = catchThrowableOfType(TeaException.class, () -> client.describeVpnConnection(
                new DescribeVpnConnectionRequest().setRegionId(REGION)
                        .setVpnConnectionId(created.getVpnConnectionId())));
        assertThat(gone.getCode()).isEqualTo("InvalidVpnConnectionInstanceId.NotFound");
        assertThat(gone.getStatusCode()).isEqualTo(404);
        client.deleteVpnGateway(new DeleteVpnGatewayRequest().setRegionId(REGION).setVpnGatewayId(gatewayId));
    }

    /** A connection is of its gateway's network type: private for a gateway created so. */
    @Test
    void connectionHasItsGatewaysNetworkType() throws Exception {
        Client client = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        var fixtures = new AliyunFixtures(client);
        String privateGateway = client.createVpnGateway(new CreateVpnGatewayRequest().setRegionId(REGION)
                .setVpcId(fixtures.vpc()).setBandwidth(10).setNetworkType("private")).getBody().getVpnGatewayId();
        String publicGateway = fixtures.gateway();
        String privateId = fixtures.connection(privateGateway, fixtures.customerGateway(), "private");
        String publicId = fixtures.connection(publicGateway, fixtures.customerGateway(), "public");

        for (var entry : java.util.Map.of(privateId, "private", publicId, "public").entrySet()) {
            var one = client.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                    .setVpnConnectionId(entry.getKey())).getBody();
            assertThat(one.getNetworkType()).isEqualTo(entry.getValue());
        }
        var listed = client.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                .setVpnGatewayId(privateGateway)).getBody().getVpnConnections().getVpnConnection();
        assertThat(listed).singleElement().satisfies(c -> assertThat(c.getNetworkType()).isEqualTo("private"));
    }
}
