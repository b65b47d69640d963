package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.tea.TeaException;
import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateVpcRequest;
import com.aliyun.vpc20160428.models.CreateVpnGatewayRequest;
import com.aliyun.vpc20160428.models.DescribeVpcsRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import com.aliyun.vpc20160428.models.DescribeVpnGatewayRequest;
import com.aliyun.vpc20160428.models.DescribeVpnGatewaysRequest;
import com.aliyun.vpc20160428.models.DescribeVpnGatewaysResponseBody;
import com.aliyun.vpc20160428.models.ModifyVpnConnectionAttributeRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.CreateCustomerGatewayRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateVpnConnectionRequest;
import com.tencentcloudapi.vpc.v20170312.models.Filter;
import com.tencentcloudapi.vpc.v20170312.models.FilterObject;
import com.tencentcloudapi.vpc.v20170312.models.SecurityPolicyDatabase;
import com.tencentcloudapi.vpc.v20170312.models.VpnGateway;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.port.GatewayStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import dev.vpnd.server.security.KeyStyle;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One inventory, one set of regions: with the default region table, Alibaba's cn-hangzhou,
 * Tencent's ap-guangzhou and OpenStack's RegionOne are one region, so a gateway one dialect's
 * official client creates there is found, in the same state, by each other dialect's client in
 * its name for that region, and in no other region. The demo account speaks all three.
 */
class RegionPairingTest {
    /** Long enough that a gateway is still pending when every dialect has read it once. */
    private static final Duration DELAY = Duration.ofSeconds(4);

    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd(DELAY);

    private static final String ALIBABA_HOME = "cn-hangzhou";
    private static final String TENCENT_HOME = "ap-guangzhou";
    /** The pair of another region of the default table: Shanghai. */
    private static final String ALIBABA_ELSEWHERE = "cn-shanghai";
    private static final String TENCENT_ELSEWHERE = "ap-shanghai";
    private static final String SERVICES = "/v2.0/vpn/vpnservices";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Client alibaba;
    private static VpcClient tencentHome;
    private static VpcClient tencentElsewhere;
    private static String token;

    @BeforeAll
    static void clients() throws Exception {
        alibaba = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        tencentHome = tencent(TENCENT_HOME);
        tencentElsewhere = tencent(TENCENT_ELSEWHERE);
        token = signIn("demo", "demo", "demo");
    }

    @Test
    void aGatewayMadeWithAlibabaInHangzhouIsTencentsInGuangzhouAndNeutronsInRegionOne() throws Exception {
        String name = unique("from-alibaba");
        String vpcId = alibaba.createVpc(new CreateVpcRequest().setRegionId(ALIBABA_HOME).setCidrBlock("10.0.0.0/8")
                .setVpcName(name)).getBody().getVpcId();
        var tencentVpcs = new com.tencentcloudapi.vpc.v20170312.models.DescribeVpcsRequest();
        tencentVpcs.setFilters(new Filter[] {filter("vpc-name", name)});
        var tencentVpc = tencentHome.DescribeVpcs(tencentVpcs).getVpcSet();
        assertThat(tencentVpc).as("Alibaba's VPC in Tencent's paired region").hasSize(1);
        assertThat(tencentElsewhere.DescribeVpcs(tencentVpcs).getVpcSet()).isEmpty();

        String id = alibaba.createVpnGateway(new CreateVpnGatewayRequest().setRegionId(ALIBABA_HOME).setVpcId(vpcId)
                .setBandwidth(10).setName(name)).getBody().getVpnGatewayId();

        var seen = seen(name);
        assertThat(seen.alibaba().getStatus()).isEqualTo("provisioning");
        assertThat(seen.tencent().getState()).isEqualTo("PENDING");
        assertThat(seen.neutron().path("status").asText()).as("no agent serves it").isEqualTo("DOWN");
        assertThat(seen.alibaba().getVpnGatewayId()).isEqualTo(id);
        assertThat(AliyunIds.encode(ResourceType.VPN_GATEWAY, seen.neutron().path("id").asText())).isEqualTo(id);
        assertThat(seen.tencent().getVpcId()).isEqualTo(tencentVpc[0].getVpcId());
        assertThat(seen.tencent().getPublicIpAddress()).isEqualTo(seen.alibaba().getInternetIp())
                .isEqualTo(seen.neutron().path("external_v4_ip").asText());

        awaitActive(name);
        assertNowhereElse(name, id);
    }

    @Test
    void aGatewayMadeWithTencentInGuangzhouIsAlibabasInHangzhouAndNeutronsInRegionOne() throws Exception {
        String name = unique("from-tencent");
        var createVpc = new com.tencentcloudapi.vpc.v20170312.models.CreateVpcRequest();
        createVpc.setVpcName(name);
        createVpc.setCidrBlock("10.9.0.0/16");
        String vpcId = tencentHome.CreateVpc(createVpc).getVpc().getVpcId();
        assertThat(alibaba.describeVpcs(new DescribeVpcsRequest().setRegionId(ALIBABA_HOME).setVpcName(name))
                .getBody().getVpcs().getVpc()).singleElement()
                .satisfies(v -> assertThat(v.getRegionId()).as("in Alibaba's name").isEqualTo(ALIBABA_HOME));

        var create = new com.tencentcloudapi.vpc.v20170312.models.CreateVpnGatewayRequest();
        create.setVpcId(vpcId);
        create.setVpnGatewayName(name);
        create.setInternetMaxBandwidthOut(10L);
        String tencentId = tencentHome.CreateVpnGateway(create).getVpnGateway().getVpnGatewayId();

        var seen = seen(name);
        assertThat(seen.tencent().getVpnGatewayId()).isEqualTo(tencentId);
        assertThat(seen.tencent().getState()).isEqualTo("PENDING");
        assertThat(seen.alibaba().getStatus()).isEqualTo("provisioning");
        assertThat(seen.neutron().path("status").asText()).as("no agent serves it").isEqualTo("DOWN");
        assertThat(AliyunIds.encode(ResourceType.VPN_GATEWAY, seen.neutron().path("id").asText()))
                .isEqualTo(seen.alibaba().getVpnGatewayId());

        awaitActive(name);
        assertNowhereElse(name, seen.alibaba().getVpnGatewayId());
    }

    /**
     * The direction that waited for the table: what Neutron creates in RegionOne (a router's VPC
     * and a VPN service's gateway) is Alibaba's in cn-hangzhou and Tencent's in ap-guangzhou.
     */
    @Test
    void aVpnServiceMadeWithNeutronInRegionOneIsAlibabasInHangzhouAndTencentsInGuangzhou() throws Exception {
        String name = unique("from-neutron");
        String admin = signIn("admin", "admin", "admin");
        String publicNet = create(admin, "networks", "network", "{\"network\": {\"name\": \"" + name
                + "-public\", \"router:external\": true}}");
        create(admin, "subnets", "subnet", "{\"subnet\": {\"network_id\": \"" + publicNet
                + "\", \"ip_version\": 4, \"cidr\": \"192.0.2.0/24\"}}");
        String router = create(token, "routers", "router", "{\"router\": {\"name\": \"" + name
                + "\", \"external_gateway_info\": {\"network_id\": \"" + publicNet + "\"}}}");
        create(token, "vpn/vpnservices", "vpnservice", "{\"vpnservice\": {\"name\": \"" + name
                + "\", \"router_id\": \"" + router + "\"}}");

        var seen = seen(name);
        assertThat(seen.neutron().path("status").asText()).as("no agent serves it").isEqualTo("DOWN");
        assertThat(seen.alibaba().getStatus()).isEqualTo("provisioning");
        assertThat(seen.tencent().getState()).isEqualTo("PENDING");
        assertThat(seen.alibaba().getVpcId()).isEqualTo(AliyunIds.encode(ResourceType.VPC, router));

        awaitActive(name);
        assertNowhereElse(name, seen.alibaba().getVpnGatewayId());
    }

    /** Neutron serves one region: gateways of the others' other regions are not its VPN services. */
    @Test
    void neutronListsTheGatewaysOfItsOwnRegionOnly() throws Exception {
        String name = unique("in-shanghai");
        String vpcId = alibaba.createVpc(new CreateVpcRequest().setRegionId(ALIBABA_ELSEWHERE)
                .setCidrBlock("10.0.0.0/8").setVpcName(name)).getBody().getVpcId();
        String id = alibaba.createVpnGateway(new CreateVpnGatewayRequest().setRegionId(ALIBABA_ELSEWHERE)
                .setVpcId(vpcId).setBandwidth(10).setName(name)).getBody().getVpnGatewayId();

        assertThat(tencentGateway(tencentElsewhere, name)).as("Tencent's Shanghai is Alibaba's").isPresent();
        assertThat(tencentGateway(tencentHome, name)).isEmpty();
        assertThat(neutronService(name)).isEmpty();
        String demo = VPND.services().accounts().list().stream().filter(a -> a.name().equals("demo")).findFirst()
                .orElseThrow().id();
        var stored = VPND.services().gateways().list(new Scope(demo, "shanghai"), GatewayStore.Filter.any(),
                new PageRequest(0, 50)).items().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
        assertThat(AliyunIds.encode(ResourceType.VPN_GATEWAY, stored.id())).isEqualTo(id);
        assertThat(neutron("GET", SERVICES + "/" + stored.id()).statusCode()).as("nor shows them").isEqualTo(404);
    }

    /**
     * Connections made through each API (Alibaba's single and dual-tunnel, Tencent's, Neutron's) are
     * listed and shown through every other, each with what its own API could not set (no BGP or
     * health check from Tencent and Neutron, tunnels from Alibaba) shown as that API's defaults.
     */
    @Test
    void everyDialectListsAndShowsTheConnectionsOfEveryOther() throws Exception {
        String name = unique("conn");
        var alibabaFixtures = new AliyunFixtures(alibaba);
        String alibabaGateway = alibabaFixtures.gateway();
        alibabaFixtures.connection(alibabaGateway, alibabaFixtures.customerGateway(), name + "-alibaba");
        alibabaDualTunnel(alibabaGateway, name + "-dual", alibabaFixtures.customerGateway(),
                alibabaFixtures.customerGateway());
        tencentConnection(name + "-tencent");
        neutronConnection(name + "-neutron");
        var names = List.of(name + "-alibaba", name + "-dual", name + "-tencent", name + "-neutron");

        var alibabaList = alibaba.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(ALIBABA_HOME)
                .setPageSize(50)).getBody().getVpnConnections().getVpnConnection().stream()
                .filter(c -> c.getName().startsWith(name)).toList();
        assertThat(alibabaList).extracting(c -> c.getName()).containsExactlyInAnyOrderElementsOf(names);
        for (var listed : alibabaList) {
            var shown = alibaba.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(ALIBABA_HOME)
                    .setVpnConnectionId(listed.getVpnConnectionId())).getBody();
            assertThat(shown.getName()).isEqualTo(listed.getName());
            assertThat(shown.getVpnBgpConfig().getEnableBgp()).as(shown.getName()).isEqualTo("false");
            assertThat(shown.getVcoHealthCheck().getEnable()).as(shown.getName()).isEqualTo("false");
        }

        var tencentList = new com.tencentcloudapi.vpc.v20170312.models.DescribeVpnConnectionsRequest();
        tencentList.setLimit(100L);
        assertThat(Arrays.stream(tencentHome.DescribeVpnConnections(tencentList).getVpnConnectionSet())
                .map(c -> c.getVpnConnectionName()).filter(n -> n.startsWith(name)))
                .containsExactlyInAnyOrderElementsOf(names);

        var neutronList = neutron("GET", "/v2.0/vpn/ipsec-site-connections");
        assertThat(neutronList.statusCode()).as(neutronList.body()).isEqualTo(200);
        var neutronConnections = StreamSupport.stream(JSON.readTree(neutronList.body())
                .path("ipsec_site_connections").spliterator(), false)
                .filter(c -> c.path("name").asText().startsWith(name)).toList();
        assertThat(neutronConnections).extracting(c -> c.path("name").asText())
                .containsExactlyInAnyOrderElementsOf(names);
        for (JsonNode listed : neutronConnections) {
            var shown = neutron("GET", "/v2.0/vpn/ipsec-site-connections/" + listed.path("id").asText());
            assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        }

        String tencents = alibabaList.stream().filter(c -> c.getName().endsWith("-tencent")).findFirst().orElseThrow()
                .getVpnConnectionId();
        AliyunClients.awaitActiveConnection(alibaba, tencents);
        var renamed = alibaba.modifyVpnConnectionAttribute(new ModifyVpnConnectionAttributeRequest()
                .setRegionId(ALIBABA_HOME).setVpnConnectionId(tencents).setName(name + "-renamed")
                .setHealthCheckConfig("{\"enable\":false,\"interval\":5}")).getBody();
        assertThat(renamed.getName()).isEqualTo(name + "-renamed");
        assertThat(Arrays.stream(tencentHome.DescribeVpnConnections(tencentList).getVpnConnectionSet())
                .map(c -> c.getVpnConnectionName())).contains(name + "-renamed").doesNotContain(name + "-tencent");
    }

    private static void alibabaDualTunnel(String gatewayId, String name, String masterPeer, String slavePeer)
            throws Exception {
        var r = AliyunClients.common(VPND.aliyunEndpoint(), ALIBABA_HOME, "CreateVpnConnection");
        r.putQueryParameter("VpnGatewayId", gatewayId);
        r.putQueryParameter("LocalSubnet", "10.2.0.0/16");
        r.putQueryParameter("RemoteSubnet", "192.168.1.0/24");
        r.putQueryParameter("Name", name);
        String[][] tunnels = {{"master", masterPeer}, {"slave", slavePeer}};
        for (int n = 1; n <= 2; n++) {
            String p = "TunnelOptionsSpecification." + n + ".";
            r.putQueryParameter(p + "Role", tunnels[n - 1][0]);
            r.putQueryParameter(p + "CustomerGatewayId", tunnels[n - 1][1]);
            r.putQueryParameter(p + "TunnelIkeConfig.Psk", "tunnel-psk-" + n);
        }
        assertThat(JSON.readTree(AliyunClients.oldSdk().getCommonResponse(r).getData()).path("VpnConnectionId")
                .asText()).isNotEmpty();
    }

    private static void tencentConnection(String name) throws Exception {
        var vpc = new com.tencentcloudapi.vpc.v20170312.models.CreateVpcRequest();
        vpc.setVpcName(name);
        vpc.setCidrBlock("10.2.0.0/16");
        String vpcId = tencentHome.CreateVpc(vpc).getVpc().getVpcId();
        var gateway = new com.tencentcloudapi.vpc.v20170312.models.CreateVpnGatewayRequest();
        gateway.setVpcId(vpcId);
        gateway.setVpnGatewayName(name);
        gateway.setInternetMaxBandwidthOut(5L);
        String gatewayId = tencentHome.CreateVpnGateway(gateway).getVpnGateway().getVpnGatewayId();
        var peer = new CreateCustomerGatewayRequest();
        peer.setCustomerGatewayName(name);
        peer.setIpAddress("198.51.100.8");
        String peerId = tencentHome.CreateCustomerGateway(peer).getCustomerGateway().getCustomerGatewayId();
        var connection = new CreateVpnConnectionRequest();
        connection.setVpcId(vpcId);
        connection.setVpnGatewayId(gatewayId);
        connection.setCustomerGatewayId(peerId);
        connection.setVpnConnectionName(name);
        connection.setPreShareKey("tencent-psk");
        var policy = new SecurityPolicyDatabase();
        policy.setLocalCidrBlock("10.2.0.0/24");
        policy.setRemoteCidrBlock(new String[] {"192.168.9.0/24"});
        connection.setSecurityPolicyDatabases(new SecurityPolicyDatabase[] {policy});
        tencentHome.CreateVpnConnection(connection);
    }

    private static void neutronConnection(String name) throws Exception {
        String admin = signIn("admin", "admin", "admin");
        String publicNet = create(admin, "networks", "network", "{\"network\": {\"name\": \"" + name
                + "-public\", \"router:external\": true}}");
        create(admin, "subnets", "subnet", "{\"subnet\": {\"network_id\": \"" + publicNet
                + "\", \"ip_version\": 4, \"cidr\": \"192.0.2.0/24\"}}");
        String net = create(token, "networks", "network", "{\"network\": {\"name\": \"" + name + "\"}}");
        String subnet = create(token, "subnets", "subnet", "{\"subnet\": {\"network_id\": \"" + net
                + "\", \"ip_version\": 4, \"cidr\": \"10.1.0.0/24\"}}");
        String router = create(token, "routers", "router", "{\"router\": {\"name\": \"" + name
                + "\", \"external_gateway_info\": {\"network_id\": \"" + publicNet + "\"}}}");
        var added = HTTP.send(HttpRequest.newBuilder(URI.create(VPND.endpoints().get("neutron") + "/v2.0/routers/"
                + router + "/add_router_interface")).header("X-Auth-Token", token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"subnet_id\": \"" + subnet + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        String service = create(token, "vpn/vpnservices", "vpnservice", "{\"vpnservice\": {\"name\": \"" + name
                + "\", \"router_id\": \"" + router + "\", \"subnet_id\": \"" + subnet + "\"}}");
        String ike = create(token, "vpn/ikepolicies", "ikepolicy", "{\"ikepolicy\": {\"name\": \"" + name + "\"}}");
        String ipsec = create(token, "vpn/ipsecpolicies", "ipsecpolicy", "{\"ipsecpolicy\": {\"name\": \""
                + name + "\"}}");
        create(token, "vpn/ipsec-site-connections", "ipsec_site_connection", "{\"ipsec_site_connection\": "
                + "{\"name\": \"" + name + "\", \"vpnservice_id\": \"" + service + "\", \"ikepolicy_id\": \"" + ike
                + "\", \"ipsecpolicy_id\": \"" + ipsec + "\", \"peer_cidrs\": [\"10.9.0.0/24\"], "
                + "\"peer_address\": \"198.51.100.9\", \"peer_id\": \"198.51.100.9\", \"psk\": \"neutron-psk\"}}");
    }

    /** What the three dialects show of the gateway named {@code name} in their home region's names. */
    private record Seen(DescribeVpnGatewaysResponseBody.DescribeVpnGatewaysResponseBodyVpnGatewaysVpnGateway alibaba,
            VpnGateway tencent, JsonNode neutron) {
    }

    private static Seen seen(String name) throws Exception {
        return new Seen(alibabaGateway(ALIBABA_HOME, name).orElseThrow(() -> new AssertionError("not Alibaba's")),
                tencentGateway(tencentHome, name).orElseThrow(() -> new AssertionError("not Tencent's")),
                neutronService(name).orElseThrow(() -> new AssertionError("not Neutron's")));
    }

    /**
     * Once Alibaba's describe says active, Tencent's says so too; Neutron's status is the data plane's,
     * and no agent serves these gateways.
     */
    private static void awaitActive(String name) throws Exception {
        long deadline = System.nanoTime() + DELAY.multipliedBy(5).toNanos();
        while (!seen(name).alibaba().getStatus().equals("active")) {
            assertThat(System.nanoTime()).as("gateway %s never became active", name).isLessThan(deadline);
            Thread.sleep(200);
        }
        var seen = seen(name);
        assertThat(seen.tencent().getState()).isEqualTo("AVAILABLE");
        assertThat(seen.neutron().path("status").asText()).isEqualTo("DOWN");
    }

    /** The gateway is in the one region: not in the other pair's, through either cloud. */
    private static void assertNowhereElse(String name, String alibabaId) throws Exception {
        assertThat(alibabaGateway(ALIBABA_ELSEWHERE, name)).isEmpty();
        assertThat(tencentGateway(tencentElsewhere, name)).isEmpty();
        assertThatThrownBy(() -> alibaba.describeVpnGateway(new DescribeVpnGatewayRequest()
                .setRegionId(ALIBABA_ELSEWHERE).setVpnGatewayId(alibabaId))).isInstanceOf(TeaException.class)
                .satisfies(e -> assertThat(((TeaException) e).getCode())
                        .isEqualTo("InvalidVpnGatewayInstanceId.NotFound"));
    }

    private static Optional<DescribeVpnGatewaysResponseBody.DescribeVpnGatewaysResponseBodyVpnGatewaysVpnGateway>
            alibabaGateway(String region, String name) throws Exception {
        return alibaba.describeVpnGateways(new DescribeVpnGatewaysRequest().setRegionId(region).setPageSize(50))
                .getBody().getVpnGateways().getVpnGateway().stream().filter(g -> g.getName().equals(name)).findFirst();
    }

    private static Optional<VpnGateway> tencentGateway(VpcClient client, String name) throws Exception {
        var request = new com.tencentcloudapi.vpc.v20170312.models.DescribeVpnGatewaysRequest();
        var byName = new FilterObject();
        byName.setName("vpn-gateway-name");
        byName.setValues(new String[] {name});
        request.setFilters(new FilterObject[] {byName});
        return Arrays.stream(client.DescribeVpnGateways(request).getVpnGatewaySet()).findFirst();
    }

    private static Optional<JsonNode> neutronService(String name) throws Exception {
        var listed = neutron("GET", SERVICES + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        List<JsonNode> services = StreamSupport.stream(JSON.readTree(listed.body()).path("vpnservices").spliterator(),
                false).toList();
        assertThat(services).hasSizeLessThanOrEqualTo(1);
        return services.stream().findFirst();
    }

    private static VpcClient tencent(String region) {
        var http = new HttpProfile();
        http.setEndpoint(VPND.tencentEndpoint());
        http.setProtocol(HttpProfile.REQ_HTTP);
        return new VpcClient(new Credential(KeyStyle.DEMO_TENCENT_SECRET_ID, KeyStyle.DEMO_TENCENT_SECRET_KEY),
                region, new ClientProfile(ClientProfile.SIGN_TC3_256, http));
    }

    private static Filter filter(String name, String value) {
        var filter = new Filter();
        filter.setName(name);
        filter.setValues(new String[] {value});
        return filter;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String signIn(String user, String password, String project) throws Exception {
        var answer = HTTP.send(HttpRequest.newBuilder(URI.create(VPND.endpoints().get("keystone") + "/v3/auth/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"domain": {"name":
                        "Default"}, "name": "%s", "password": "%s"}}}, "scope": {"project": {"domain":
                        {"name": "Default"}, "name": "%s"}}}}""".formatted(user, password, project))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return answer.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private static String create(String as, String collection, String member, String body) throws Exception {
        var answer = HTTP.send(HttpRequest.newBuilder(URI.create(VPND.endpoints().get("neutron") + "/v2.0/"
                + collection)).header("X-Auth-Token", as).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).path(member).path("id").asText();
    }

    private static HttpResponse<String> neutron(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(VPND.endpoints().get("neutron") + path))
                .header("X-Auth-Token", token).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
