package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.tea.TeaModel;
import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest.CreateVpnConnectionRequestTags;
import com.aliyun.vpc20160428.models.CreateVpnGatewayRequest;
import com.aliyun.vpc20160428.models.DescribeCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import com.aliyun.vpc20160428.models.DescribeVpnGatewayRequest;
import com.aliyun.vpc20160428.models.ListTagResourcesRequest;
import com.aliyun.vpc20160428.models.ListTagResourcesResponseBody.ListTagResourcesResponseBodyTagResourcesTagResource;
import dev.vpnd.server.RunningVpnd;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What vpnd answers survives a restart unchanged, and ClientToken keeps CreateVpnConnection idempotent. */
class PersistenceTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final String REGION = AliyunClients.REGION;

    /** The endpoint changes with every start (free port), so a client is made per use. */
    private static Client client() throws Exception {
        return AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
    }

    /** Every parsed field but the RequestId, nested objects as maps. */
    private static Map<String, Object> fields(TeaModel body) throws Exception {
        var map = new LinkedHashMap<>(TeaModel.buildMap(body));
        map.remove("RequestId");
        return map;
    }

    private static Map<String, Object> connection(String id) throws Exception {
        return fields(client().describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(id)).getBody());
    }

    private static Map<String, Object> gateway(String id) throws Exception {
        return fields(client().describeVpnGateway(new DescribeVpnGatewayRequest().setRegionId(REGION)
                .setVpnGatewayId(id)).getBody());
    }

    private static Map<String, Object> customerGateway(String id) throws Exception {
        return fields(client().describeCustomerGateway(new DescribeCustomerGatewayRequest().setRegionId(REGION)
                .setCustomerGatewayId(id)).getBody());
    }

    private static List<String> tagsOf(String type, String id) throws Exception {
        return client().listTagResources(new ListTagResourcesRequest().setRegionId(REGION).setResourceType(type)
                .setResourceId(List.of(id))).getBody().getTagResources().getTagResource().stream()
                .map(ListTagResourcesResponseBodyTagResourcesTagResource::getTagKey).toList();
    }

    @Test
    void resourcesSurviveRestartUnchanged() throws Exception {
        var fixtures = new AliyunFixtures(client());
        String vpcId = fixtures.vpc();
        String gatewayId = client().createVpnGateway(new CreateVpnGatewayRequest().setRegionId(REGION)
                .setVpcId(vpcId).setBandwidth(100).setName("persist-gw")).getBody().getVpnGatewayId();
        String cgwId = client().createCustomerGateway(new CreateCustomerGatewayRequest().setRegionId(REGION)
                .setIpAddress("198.51.100.30").setName("persist-cgw").setDescription("kept").setAsn("65010")
                .setTags(List.of(new CreateCustomerGatewayRequest.CreateCustomerGatewayRequestTags().setKey("site")
                        .setValue("hq")))).getBody().getCustomerGatewayId();
        var created = client().createVpnConnection(new CreateVpnConnectionRequest().setRegionId(REGION)
                .setVpnGatewayId(gatewayId).setCustomerGatewayId(cgwId).setName("persist")
                .setLocalSubnet("10.1.0.0/16,10.2.0.0/16").setRemoteSubnet("192.168.0.0/24")
                .setEffectImmediately(true).setEnableDpd(false)
                .setIkeConfig("{\"IkeVersion\":\"ikev2\",\"IkeEncAlg\":\"aes256\",\"IkeLifetime\":3600}")
                .setIpsecConfig("{\"IpsecPfs\":\"group14\",\"IpsecAuthAlg\":\"sha256\"}")
                .setBgpConfig("{\"EnableBgp\":true,\"LocalAsn\":65020,\"TunnelCidr\":\"169.254.20.0/30\","
                        + "\"LocalBgpIp\":\"169.254.20.1\"}")
                .setHealthCheckConfig("{\"enable\":true,\"dip\":\"192.168.0.9\",\"sip\":\"10.1.0.9\"}")
                .setTags(List.of(new CreateVpnConnectionRequestTags().setKey("env").setValue("prod"),
                        new CreateVpnConnectionRequestTags().setKey("team").setValue("net ops"))))
                .getBody();
        String id = created.getVpnConnectionId();
        // Past provisioning, so the states compared are settled.
        Thread.sleep(RunningVpnd.PROVISIONING_DELAY.toMillis() + 100);

        var connectionBefore = connection(id);
        var gatewayBefore = gateway(gatewayId);
        var cgwBefore = customerGateway(cgwId);
        String generatedPsk = client().describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(id)).getBody().getIkeConfig().getPsk();
        assertThat(generatedPsk).as("a PSK is generated when none is given").isNotBlank();
        assertThat(connectionBefore).containsEntry("CreateTime", created.getCreateTime())
                .containsEntry("Name", "persist").hasEntrySatisfying("IkeConfig",
                        ike -> assertThat(ike).isInstanceOf(Map.class).asInstanceOf(
                                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("Psk", generatedPsk));

        VPND.restart();

        var after = client().describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(id)).getBody();
        assertThat(after.getIkeConfig().getPsk()).isEqualTo(generatedPsk);
        assertThat(after.getCreateTime()).isEqualTo(created.getCreateTime());
        assertThat(after.getState()).isEqualTo("active");
        assertThat(after.getTags().getTag()).extracting(t -> t.getKey() + "=" + t.getValue())
                .containsExactlyInAnyOrder("env=prod", "team=net ops");
        assertThat(connection(id)).isEqualTo(connectionBefore);
        assertThat(gateway(gatewayId)).isEqualTo(gatewayBefore);
        assertThat(customerGateway(cgwId)).isEqualTo(cgwBefore);

        var listed = client().describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                .setTag(List.of(new DescribeVpnConnectionsRequest.DescribeVpnConnectionsRequestTag().setKey("team")
                        .setValue("net ops")))).getBody();
        assertThat(listed.getTotalCount()).isEqualTo(1);
        assertThat(listed.getVpnConnections().getVpnConnection().get(0).getVpnConnectionId()).isEqualTo(id);
        assertThat(tagsOf("VPNCONNECTION", id)).containsExactlyInAnyOrder("env", "team");
        assertThat(tagsOf("CUSTOMERGATEWAY", cgwId)).containsExactly("site");
    }

    private static CreateVpnConnectionRequest create(String gatewayId, String cgwId, String token) {
        return new CreateVpnConnectionRequest().setRegionId(REGION).setVpnGatewayId(gatewayId)
                .setCustomerGatewayId(cgwId).setLocalSubnet("10.1.0.0/16").setRemoteSubnet("192.168.0.0/24")
                .setName("idem").setClientToken(token);
    }

    private static int countOn(String gatewayId) throws Exception {
        return client().describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                .setVpnGatewayId(gatewayId)).getBody().getTotalCount();
    }

    @Test
    void clientTokenMakesCreateIdempotent() throws Exception {
        var fixtures = new AliyunFixtures(client());
        String gatewayId = fixtures.gateway();
        String cgw1 = fixtures.customerGateway();
        String cgw2 = fixtures.customerGateway();

        var first = client().createVpnConnection(create(gatewayId, cgw1, "token-one")).getBody();
        var second = client().createVpnConnection(create(gatewayId, cgw1, "token-one")).getBody();
        assertThat(second.getVpnConnectionId()).isEqualTo(first.getVpnConnectionId());
        assertThat(second.getCreateTime()).isEqualTo(first.getCreateTime());
        assertThat(countOn(gatewayId)).isEqualTo(1);

        VPND.restart();

        var afterRestart = client().createVpnConnection(create(gatewayId, cgw1, "token-one")).getBody();
        assertThat(afterRestart.getVpnConnectionId()).isEqualTo(first.getVpnConnectionId());
        assertThat(afterRestart.getCreateTime()).isEqualTo(first.getCreateTime());
        assertThat(countOn(gatewayId)).isEqualTo(1);

        var samePair = catchThrowableOfType(TeaException.class,
                () -> client().createVpnConnection(create(gatewayId, cgw1, "token-two")));
        assertThat(samePair.getCode()).isEqualTo("InvalidVpnConnection.AlreadyExists");
        assertThat(samePair.getStatusCode()).isEqualTo(400);
        assertThat(countOn(gatewayId)).isEqualTo(1);

        var other = client().createVpnConnection(create(gatewayId, cgw2, "token-two")).getBody();
        assertThat(other.getVpnConnectionId()).isNotEqualTo(first.getVpnConnectionId());
        assertThat(countOn(gatewayId)).isEqualTo(2);
        var otherAgain = client().createVpnConnection(create(gatewayId, cgw2, "token-two")).getBody();
        assertThat(otherAgain.getVpnConnectionId()).isEqualTo(other.getVpnConnectionId());
        assertThat(countOn(gatewayId)).isEqualTo(2);
    }
}
