package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateCustomerGatewayRequest;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DeleteVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnGatewayRequest;
import com.aliyun.vpc20160428.models.ModifyVpnConnectionAttributeRequest;
import com.aliyuncs.CommonRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.agent.lab.LabNetwork;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real tunnels behind Alibaba's API, through its SDKs: a connection becomes a strongSwan connection
 * on the lab's gateway charon (run by vpnd's agent), the lab's customer charon answers it as the
 * customer's device would ({@link TunnelLab}), the {@code Status} the SDK reads goes to established,
 * traffic crosses, and a delete takes the tunnel down. Then the cases around it, each on the same
 * lab, one connection at a time: IKEv1 in main and aggressive mode, a modify to another cipher that
 * charon negotiates again, a customer device with a wrong pre-shared key that never comes up, and a
 * dual-tunnel connection, each tunnel to a customer gateway of its own.
 */
class RealTunnelTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final String REGION = AliyunClients.REGION;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TunnelLab lab;
    private static Client sdk;
    private static String gatewayId;
    private static String customerGateway;
    private static final List<String> CREATED = new ArrayList<>();

    @BeforeAll
    static void labUp() throws Exception {
        sdk = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        gatewayId = new AliyunFixtures(sdk).gateway();
        lab = TunnelLab.start(VPND, AliyunIds.decode(ResourceType.VPN_GATEWAY, gatewayId).orElseThrow());
        assertThat(TunnelLab.await(RealTunnelTest::internetIp, LabNetwork.GATEWAY_ADDRESS::equals))
                .as("the gateway's address once its agent said hello").isEqualTo(LabNetwork.GATEWAY_ADDRESS);
        customerGateway = customerGateway(LabNetwork.CUSTOMER_ADDRESS);
    }

    @AfterAll
    static void labDown() {
        if (lab != null) {
            lab.close();
        }
    }

    /** Deletes what the test made, and waits for the gateway's charon to let go of it: the next starts clean. */
    @AfterEach
    void deleteConnections() throws Exception {
        lab.lab().editCustomer(UnaryOperator.identity());
        for (String connection : CREATED) {
            AliyunClients.awaitActiveConnection(sdk, connection);
            sdk.deleteVpnConnection(new DeleteVpnConnectionRequest().setRegionId(REGION)
                    .setVpnConnectionId(connection));
        }
        CREATED.clear();
        assertThat(TunnelLab.await(lab::gatewaySas, List::isEmpty)).as("SAs left; %s", lab.diagnostics()).isEmpty();
    }

    private static String internetIp() throws Exception {
        return sdk.describeVpnGateway(new DescribeVpnGatewayRequest().setRegionId(REGION)
                .setVpnGatewayId(gatewayId)).getBody().getInternetIp();
    }

    private static String customerGateway(String address) throws Exception {
        return sdk.createCustomerGateway(new CreateCustomerGatewayRequest().setRegionId(REGION)
                .setIpAddress(address).setName("lab-customer")).getBody().getCustomerGatewayId();
    }

    /** A connection of the lab's subnets that the gateway starts at once, with {@code ikeConfig}. */
    private static String connection(String name, String ikeConfig) throws Exception {
        String id = sdk.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(REGION)
                .setVpnGatewayId(gatewayId).setCustomerGatewayId(customerGateway).setName(name)
                .setLocalSubnet(LabNetwork.GATEWAY_SUBNET).setRemoteSubnet(LabNetwork.CUSTOMER_SUBNET)
                .setEffectImmediately(true).setIkeConfig(ikeConfig)).getBody().getVpnConnectionId();
        CREATED.add(id);
        return id;
    }

    private static String canonical(String connectionId) {
        return AliyunIds.decode(ResourceType.VPN_CONNECTION, connectionId).orElseThrow();
    }

    private static String status(String connectionId) throws Exception {
        return sdk.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(connectionId)).getBody().getStatus();
    }

    private static void awaitEstablished(String connectionId) throws Exception {
        assertThat(TunnelLab.await(() -> status(connectionId), "ipsec_sa_established"::equals))
                .as("Status through the SDK; %s", lab.diagnostics()).isEqualTo("ipsec_sa_established");
    }

    @Test
    void aConnectionMadeWithAlibabasSdkComesUpCarriesTrafficAndGoesAwayWithItsDelete() throws Exception {
        String connection = connection("to-lab", "{\"IkeVersion\":\"ikev2\",\"Psk\":\"lab-secret-1\"}");
        awaitEstablished(connection);
        assertThat(lab.gatewaySa(canonical(connection)).map(sa -> sa.get("version"))).contains("2");
        assertThat(lab.pings()).as("ping 10.1.0.1 -> 10.2.0.1 through the tunnel").isTrue();

        AliyunClients.awaitActiveConnection(sdk, connection);
        sdk.deleteVpnConnection(new DeleteVpnConnectionRequest().setRegionId(REGION).setVpnConnectionId(connection));
        CREATED.clear();
        assertThat(lab.trafficStops()).as("traffic stops once the connection is deleted").isTrue();
    }

    @ParameterizedTest
    @CsvSource({"main, Main Mode", "aggressive, Aggressive Mode"})
    void ikeV1ComesUpInEitherMode(String mode, String logged) throws Exception {
        String connection = connection("v1-" + mode,
                "{\"IkeVersion\":\"ikev1\",\"IkeMode\":\"" + mode + "\",\"Psk\":\"lab-secret-v1\"}");
        awaitEstablished(connection);
        String tunnel = canonical(connection);
        assertThat(lab.gatewaySa(tunnel).map(sa -> sa.get("version"))).contains("1");
        assertThat(lab.gatewayLog(tunnel)).as("the gateway's charon log")
                .anyMatch(line -> line.contains("initiating " + logged + " IKE_SA " + tunnel + "["));
        assertThat(lab.pings()).as("ping through the IKEv1 tunnel").isTrue();
    }

    @Test
    void aModifyToAnotherCipherIsNegotiatedAgain() throws Exception {
        String connection = connection("recipher", "{\"IkeEncAlg\":\"aes\",\"Psk\":\"lab-secret-2\"}");
        awaitEstablished(connection);
        String tunnel = canonical(connection);
        assertThat(lab.gatewaySa(tunnel).map(sa -> sa.get("encr-alg"))).contains("AES_CBC");

        AliyunClients.awaitActiveConnection(sdk, connection);
        sdk.modifyVpnConnectionAttribute(new ModifyVpnConnectionAttributeRequest().setRegionId(REGION)
                .setVpnConnectionId(connection).setIkeConfig("{\"IkeEncAlg\":\"3des\"}")
                .setIpsecConfig("{\"IpsecEncAlg\":\"3des\"}"));
        var renegotiated = TunnelLab.await(() -> lab.gatewaySa(tunnel), sa -> sa.map(ike -> ike.get("encr-alg")
                .equals("3DES_CBC") && ike.children().stream()
                .anyMatch(child -> child.string("encr-alg").orElse("").equals("3DES_CBC"))).orElse(false));
        assertThat(renegotiated).as("IKE and CHILD SA in 3DES; %s", lab.diagnostics()).isPresent();
        assertThat(renegotiated.orElseThrow().get("encr-alg")).isEqualTo("3DES_CBC");
        assertThat(renegotiated.orElseThrow().children()).as("child SAs; %s", lab.diagnostics())
                .anyMatch(child -> child.string("encr-alg").orElse("").equals("3DES_CBC"));
        awaitEstablished(connection);
        assertThat(lab.pings()).as("ping through the re-negotiated tunnel").isTrue();
    }

    @Test
    void aCustomerWithAnotherPreSharedKeyNeverComesUp() throws Exception {
        lab.lab().editCustomer(tunnel -> tunnel.ike().psk().value().equals("typed-by-vpnd")
                ? withPsk(tunnel, "typed-by-the-customer") : tunnel);
        String connection = connection("mistyped", "{\"IkeVersion\":\"ikev2\",\"Psk\":\"typed-by-vpnd\"}");
        String tunnel = canonical(connection);
        TunnelLab.await(() -> lab.gatewayLog(tunnel), lines -> lines.stream()
                .anyMatch(line -> line.contains("AUTHENTICATION_FAILED")));
        assertThat(lab.gatewayLog(tunnel)).as("the customer refused the gateway's key; %s", lab.diagnostics())
                .anyMatch(line -> line.contains("AUTHENTICATION_FAILED"));
        var seen = new ArrayList<String>();
        long until = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < until) {
            seen.add(status(connection));
            Thread.sleep(250);
        }
        assertThat(seen).as("Status for 10 s").containsOnly("ike_sa_not_established");
        assertThat(lab.pings()).isFalse();
    }

    private static TunnelPlan withPsk(TunnelPlan t, String psk) {
        return new TunnelPlan(t.name(), t.connectionId(), t.tunnelIndex(), t.localAddress(), t.peerAddress(),
                t.ike().withPsk(new Secret(psk)), t.ipsec(), t.localSubnets(), t.remoteSubnets(), t.dpd(),
                t.natTraversal(), t.initiation(), t.healthCheck());
    }

    /**
     * Alibaba's dual-tunnel connection (the old SDK: the new one has no TunnelOptionsSpecification),
     * each tunnel to a customer gateway of its own: the lab's customer device has both addresses.
     */
    @Test
    void aDualTunnelConnectionBringsUpBothTunnelsEachToItsCustomerGateway() throws Exception {
        String second = customerGateway(LabNetwork.CUSTOMER_SECOND_ADDRESS);
        var r = common("CreateVpnConnection");
        r.putQueryParameter("VpnGatewayId", gatewayId);
        r.putQueryParameter("LocalSubnet", LabNetwork.GATEWAY_SUBNET);
        r.putQueryParameter("RemoteSubnet", LabNetwork.CUSTOMER_SUBNET);
        r.putQueryParameter("Name", "dual");
        r.putQueryParameter("EffectImmediately", "true");
        r.putQueryParameter("EnableTunnelsBgp", "false");
        String[] roles = {"master", "slave"};
        String[] customerGateways = {customerGateway, second};
        for (int n = 1; n <= 2; n++) {
            String tunnel = "TunnelOptionsSpecification." + n;
            r.putQueryParameter(tunnel + ".Role", roles[n - 1]);
            r.putQueryParameter(tunnel + ".CustomerGatewayId", customerGateways[n - 1]);
            r.putQueryParameter(tunnel + ".TunnelIkeConfig.IkeVersion", "ikev2");
            r.putQueryParameter(tunnel + ".TunnelIkeConfig.Psk", "lab-secret-t" + n);
        }
        String connection = JSON.readTree(AliyunClients.oldSdk().getCommonResponse(r).getData())
                .path("VpnConnectionId").asText();
        CREATED.add(connection);

        JsonNode shown = TunnelLab.await(() -> describe(connection), c -> tunnelStatuses(c)
                .equals(List.of("ipsec_sa_established", "ipsec_sa_established")));
        assertThat(tunnelStatuses(shown)).as("each tunnel's Status; %s", lab.diagnostics())
                .containsExactly("ipsec_sa_established", "ipsec_sa_established");
        assertThat(shown.path("Status").asText()).isEqualTo("ipsec_sa_established");
        String name = canonical(connection);
        assertThat(lab.gatewaySas()).extracting(TunnelLab.Sa::name, sa -> sa.get("remote-host"))
                .containsExactlyInAnyOrder(
                        tuple(TunnelPlan.nameOf(name, 1), LabNetwork.CUSTOMER_ADDRESS),
                        tuple(TunnelPlan.nameOf(name, 2),
                                LabNetwork.CUSTOMER_SECOND_ADDRESS));
        assertThat(lab.pings()).as("ping through the dual-tunnel connection").isTrue();
    }

    private static CommonRequest common(String action) {
        return AliyunClients.common(VPND.aliyunEndpoint(), REGION, action);
    }

    private static JsonNode describe(String connection) throws Exception {
        var r = common("DescribeVpnConnection");
        r.putQueryParameter("VpnConnectionId", connection);
        return JSON.readTree(AliyunClients.oldSdk().getCommonResponse(r).getData());
    }

    private static List<String> tunnelStatuses(JsonNode connection) {
        return StreamSupport.stream(connection.path("TunnelOptionsSpecification").path("TunnelOptions").spliterator(),
                false).map(t -> t.path("Status").asText()).toList();
    }
}
