package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.DescribeCustomerGatewaysRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsResponseBody.DescribeVpnConnectionsResponseBodyVpnConnectionsVpnConnection;
import com.aliyun.vpc20160428.models.ModifyVpnConnectionAttributeRequest;
import com.aliyuncs.CommonRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.security.KeyStyle;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A key made with {@code --hide-secrets} reads connections with empty pre-shared keys (the
 * connection's IkeConfig.Psk and each tunnel's TunnelIkeConfig.Psk) and BGP authentication keys
 * (VpnBgpConfig.AuthKey, a customer gateway's AuthKey), whatever else it reads, while other keys
 * of the account still see them.
 */
class HiddenSecretsTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final String REGION = AliyunClients.REGION;
    private static final String PSK = "visible-to-owners-1";
    private static final String BGP_KEY = "bgp-key-for-owners";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Client owner;
    private static AccessKey auditorKey;
    private static Client auditor;
    private static AccessKey hidingWriterKey;
    private static Client hidingWriter;
    private static String gatewayId;
    private static String connectionId;
    private static String dualTunnelId;
    private static String bgpGatewayId;
    private static String bgpPeerId;
    private static String bgpConnectionId;

    @BeforeAll
    static void resources() throws Exception {
        owner = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        var fixtures = new AliyunFixtures(owner);
        gatewayId = fixtures.gateway();
        connectionId = owner.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(REGION)
                .setVpnGatewayId(gatewayId).setCustomerGatewayId(fixtures.customerGateway()).setName("single")
                .setLocalSubnet("10.1.0.0/16").setRemoteSubnet("192.168.0.0/24")
                .setIkeConfig("{\"Psk\":\"" + PSK + "\"}")).getBody().getVpnConnectionId();
        dualTunnelId = dualTunnel(fixtures.customerGateway(), fixtures.customerGateway());
        bgpGatewayId = fixtures.gateway();
        bgpPeerId = owner.createCustomerGateway(new CreateCustomerGatewayRequest().setRegionId(REGION)
                .setIpAddress("198.18.0.77").setAsn("65077").setAuthKey(BGP_KEY)).getBody().getCustomerGatewayId();
        bgpConnectionId = owner.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(REGION)
                .setVpnGatewayId(bgpGatewayId).setCustomerGatewayId(bgpPeerId).setLocalSubnet("10.5.0.0/16")
                .setRemoteSubnet("192.168.5.0/24").setBgpConfig("{\"EnableBgp\":true,\"LocalAsn\":65001,"
                        + "\"TunnelCidr\":\"169.254.20.0/30\",\"LocalBgpIp\":\"169.254.20.1\"}"))
                .getBody().getVpnConnectionId();
        AliyunClients.awaitActiveConnection(owner, connectionId);
        auditorKey = VPND.services().accounts().createKey("demo", true, true, KeyStyle.ALIYUN.shape());
        auditor = client(auditorKey);
        hidingWriterKey = VPND.services().accounts().createKey("demo", false, true, KeyStyle.ALIYUN.shape());
        hidingWriter = client(hidingWriterKey);
    }

    @Test
    void listsHideThePreSharedKeysOfEveryConnectionAndTunnel() throws Exception {
        // The owner's list first, so that the node keeps its JSON: the auditor must not be given it.
        assertThat(psks(list(owner))).contains(PSK);
        assertThat(psks(oldSdkList(demoKey()))).contains(PSK, "tunnel-psk-one", "tunnel-psk-two");

        assertThat(list(auditor)).hasSize(2).allSatisfy(c -> assertThat(c.getIkeConfig().getPsk()).isEmpty());
        JsonNode hidden = oldSdkList(auditorKey);
        assertThat(hidden).hasSize(2);
        assertThat(psks(hidden)).containsOnly("");
        assertThat(hidden.findValues("TunnelIkeConfig")).hasSize(2)
                .allSatisfy(t -> assertThat(t.path("IkeVersion").asText()).isNotEmpty());

        // ...and the auditor's view was not kept for the owner either.
        assertThat(psks(oldSdkList(demoKey()))).contains(PSK, "tunnel-psk-one", "tunnel-psk-two");
    }

    @Test
    void oneConnectionAndAModifyAnswerHideItToo() throws Exception {
        var describe = new DescribeVpnConnectionRequest().setRegionId(REGION).setVpnConnectionId(connectionId);
        assertThat(owner.describeVpnConnection(describe).getBody().getIkeConfig().getPsk()).isEqualTo(PSK);
        var hidden = auditor.describeVpnConnection(describe).getBody();
        assertThat(hidden.getIkeConfig().getPsk()).isEmpty();
        assertThat(hidden.getIkeConfig().getIkeVersion()).isEqualTo("ikev1");
        var dual = JSON.readTree(AliyunClients.oldSdk(hidingWriterKey.id(), hidingWriterKey.secret().value())
                .getCommonResponse(describeDual()).getData());
        assertThat(dual.path("TunnelOptionsSpecification").path("TunnelOptions"))
                .extracting(t -> t.path("TunnelIkeConfig").path("Psk").asText()).containsOnly("");

        var modified = hidingWriter.modifyVpnConnectionAttribute(new ModifyVpnConnectionAttributeRequest()
                .setRegionId(REGION).setVpnConnectionId(connectionId).setName("renamed")).getBody();

        assertThat(modified.getName()).isEqualTo("renamed");
        assertThat(modified.getIkeConfig().getPsk()).isEmpty();
        assertThat(owner.describeVpnConnection(describe).getBody().getIkeConfig().getPsk())
                .as("the pre-shared key itself is untouched").isEqualTo(PSK);
    }

    @Test
    void bgpAuthenticationKeysAreHiddenInConnectionsAndCustomerGateways() throws Exception {
        var describe = new DescribeVpnConnectionRequest().setRegionId(REGION).setVpnConnectionId(bgpConnectionId);
        var listBgp = new DescribeVpnConnectionsRequest().setRegionId(REGION).setVpnGatewayId(bgpGatewayId);
        var peers = new DescribeCustomerGatewaysRequest().setRegionId(REGION).setCustomerGatewayId(bgpPeerId);
        var peer = new DescribeCustomerGatewayRequest().setRegionId(REGION).setCustomerGatewayId(bgpPeerId);
        // The owner's list first, so that the node keeps its JSON: the auditor must not be given it.
        assertThat(owner.describeVpnConnections(listBgp).getBody().getVpnConnections().getVpnConnection())
                .singleElement().satisfies(c -> assertThat(c.getVpnBgpConfig().getAuthKey()).isEqualTo(BGP_KEY));
        assertThat(owner.describeVpnConnection(describe).getBody().getVpnBgpConfig().getAuthKey()).isEqualTo(BGP_KEY);
        assertThat(owner.describeCustomerGateways(peers).getBody().getCustomerGateways().getCustomerGateway())
                .singleElement().satisfies(g -> assertThat(g.getAuthKey()).isEqualTo(BGP_KEY));

        assertThat(auditor.describeVpnConnections(listBgp).getBody().getVpnConnections().getVpnConnection())
                .singleElement().satisfies(c -> {
                    assertThat(c.getVpnBgpConfig().getAuthKey()).isEmpty();
                    assertThat(c.getVpnBgpConfig().getPeerAsn()).as("the rest is shown").isEqualTo(65077L);
                });
        assertThat(auditor.describeVpnConnection(describe).getBody().getVpnBgpConfig().getAuthKey()).isEmpty();
        assertThat(auditor.describeCustomerGateways(peers).getBody().getCustomerGateways().getCustomerGateway())
                .singleElement().satisfies(g -> {
                    assertThat(g.getAuthKey()).isEmpty();
                    assertThat(g.getAsn()).isEqualTo(65077L);
                });
        assertThat(auditor.describeCustomerGateway(peer).getBody().getAuthKey()).isEmpty();
        // 3.2.24's Modify answer has no AuthKey: the old SDK's CommonRequest reads the whole answer.
        var modify = common("ModifyVpnConnectionAttribute");
        modify.putQueryParameter("VpnConnectionId", bgpConnectionId);
        modify.putQueryParameter("Name", "bgp");
        JsonNode modified = JSON.readTree(AliyunClients.oldSdk(hidingWriterKey.id(), hidingWriterKey.secret().value())
                .getCommonResponse(modify).getData()).path("VpnBgpConfig");
        assertThat(modified.path("EnableBgp").asText()).isEqualTo("true");
        assertThat(modified.path("AuthKey").isTextual()).isTrue();
        assertThat(modified.path("AuthKey").asText()).isEmpty();
        assertThat(owner.describeCustomerGateway(peer).getBody().getAuthKey()).isEqualTo(BGP_KEY);
    }

    /** Every Psk of a list, connections' and tunnels'. */
    private static List<String> psks(JsonNode connections) {
        return connections.findValues("Psk").stream().map(JsonNode::asText).toList();
    }

    private static List<String> psks(List<DescribeVpnConnectionsResponseBodyVpnConnectionsVpnConnection> connections) {
        return connections.stream().map(c -> c.getIkeConfig().getPsk()).toList();
    }

    /** The gateway's connections as the old SDK's CommonRequest reads them: every field, tunnels too. */
    private static JsonNode oldSdkList(AccessKey key) throws Exception {
        var r = common("DescribeVpnConnections");
        r.putQueryParameter("VpnGatewayId", gatewayId);
        String body = AliyunClients.oldSdk(key.id(), key.secret().value()).getCommonResponse(r).getData();
        return JSON.readTree(body).path("VpnConnections").path("VpnConnection");
    }

    private static AccessKey demoKey() {
        return VPND.services().accounts().findKey(AccountService.DEMO_KEY_ID).orElseThrow();
    }

    private static List<DescribeVpnConnectionsResponseBodyVpnConnectionsVpnConnection> list(Client client)
            throws Exception {
        return client.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                .setVpnGatewayId(gatewayId)).getBody().getVpnConnections().getVpnConnection();
    }

    private static Client client(AccessKey key) throws Exception {
        return AliyunClients.newSdk(VPND.aliyunEndpoint(), false, key.id(), key.secret().value());
    }

    private static CommonRequest common(String action) {
        return AliyunClients.common(VPND.aliyunEndpoint(), REGION, action);
    }

    private static CommonRequest describeDual() {
        var r = common("DescribeVpnConnection");
        r.putQueryParameter("VpnConnectionId", dualTunnelId);
        return r;
    }

    private static String dualTunnel(String masterPeer, String slavePeer) throws Exception {
        var r = common("CreateVpnConnection");
        r.putQueryParameter("VpnGatewayId", gatewayId);
        r.putQueryParameter("LocalSubnet", "10.2.0.0/16");
        r.putQueryParameter("RemoteSubnet", "192.168.1.0/24");
        r.putQueryParameter("Name", "dual");
        String[][] tunnels = {{"master", masterPeer, "tunnel-psk-one"}, {"slave", slavePeer, "tunnel-psk-two"}};
        for (int n = 1; n <= 2; n++) {
            String p = "TunnelOptionsSpecification." + n + ".";
            r.putQueryParameter(p + "Role", tunnels[n - 1][0]);
            r.putQueryParameter(p + "CustomerGatewayId", tunnels[n - 1][1]);
            r.putQueryParameter(p + "TunnelIkeConfig.Psk", tunnels[n - 1][2]);
        }
        JsonNode created = JSON.readTree(AliyunClients.oldSdk().getCommonResponse(r).getData());
        return created.path("VpnConnectionId").asText();
    }
}
