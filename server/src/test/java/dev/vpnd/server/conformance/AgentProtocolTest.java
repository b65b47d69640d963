package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.vpc20160428.Client;
import com.aliyun.vpc20160428.models.CreateVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DeleteVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionRequest;
import com.aliyun.vpc20160428.models.DescribeVpnConnectionsRequest;
import com.aliyun.vpc20160428.models.DescribeVpnGatewayRequest;
import com.aliyun.vpc20160428.models.ModifyVpnConnectionAttributeRequest;
import com.aliyuncs.CommonRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.agent.protocol.AgentClient;
import dev.vpnd.agent.protocol.Hello;
import dev.vpnd.agent.protocol.PlanAnswer;
import dev.vpnd.agent.protocol.Report;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.GatewayRef;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.SiteConnectionAttributes;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.ServiceSettings;
import dev.vpnd.core.service.Services;
import dev.vpnd.server.RegionFile;
import dev.vpnd.server.RunningVpnd;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent listener as an agent calls it (docs/agent-protocol.md), with connections made and
 * read through Alibaba's SDKs: hello, the long-polled plan woken by changes made through the SDK or
 * by another process, the report that becomes the status the SDK reads, and the token that
 * scopes it all.
 */
class AgentProtocolTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();

    private static final String REGION = AliyunClients.REGION;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private static Client sdk;
    private static AliyunFixtures fixtures;

    @BeforeAll
    static void clients() throws Exception {
        sdk = AliyunClients.newSdk(VPND.aliyunEndpoint(), false);
        fixtures = new AliyunFixtures(sdk);
    }

    private static URI agentUrl() {
        return URI.create(VPND.endpoints().get("agent"));
    }

    private static String canonical(String aliyunGatewayId) {
        return AliyunIds.decode(ResourceType.VPN_GATEWAY, aliyunGatewayId).orElseThrow();
    }

    private static GatewayRef ref(String aliyunGatewayId) {
        return VPND.services().dataPlane().locateGateway(canonical(aliyunGatewayId)).orElseThrow();
    }

    /** A token for the gateways, as {@code vpnd agent token create} makes one. */
    private static String token(String... aliyunGatewayIds) {
        return VPND.services().dataPlane().createToken(Arrays.stream(aliyunGatewayIds)
                .map(AgentProtocolTest::ref).toList()).token();
    }

    private static AgentClient agent(String token) {
        return new AgentClient(agentUrl(), token);
    }

    private static String connection(String gatewayId, String ikeConfig) throws Exception {
        return sdk.createVpnConnection(new CreateVpnConnectionRequest().setRegionId(REGION).setVpnGatewayId(gatewayId)
                .setCustomerGatewayId(fixtures.customerGateway()).setName("to-branch").setLocalSubnet("10.1.0.0/16")
                .setRemoteSubnet("192.168.10.0/24").setEffectImmediately(true).setIkeConfig(ikeConfig))
                .getBody().getVpnConnectionId();
    }

    private static String connection(String gatewayId) throws Exception {
        return connection(gatewayId, "{}");
    }

    private static String canonicalConnection(String aliyunConnectionId) {
        return AliyunIds.decode(ResourceType.VPN_CONNECTION, aliyunConnectionId).orElseThrow();
    }

    private static PlanAnswer planNow(AgentClient agent) throws Exception {
        return agent.plan(0, Duration.ZERO).orElseThrow();
    }

    private static CompletableFuture<Optional<PlanAnswer>> planAfter(AgentClient agent, long after, Duration wait) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return agent.plan(after, wait);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, THREADS);
    }

    private static String status(String connectionId) throws Exception {
        return sdk.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(connectionId)).getBody().getStatus();
    }

    private static TunnelReport up(String name, long bytes) {
        return new TunnelReport(name, SaState.ESTABLISHED, SaState.ESTABLISHED, bytes, bytes * 2, 1, 2, null);
    }

    private static void report(AgentClient agent, String aliyunGatewayId, long applied, TunnelReport... tunnels)
            throws Exception {
        agent.report(new Report(List.of(new GatewayReport(canonical(aliyunGatewayId), applied, List.of(tunnels)))));
    }

    @Test
    void endpointsJsonNamesTheAgentListener() throws Exception {
        var endpoints = JSON.readTree(Files.readAllBytes(VPND.dataDir().resolve("endpoints.json")));
        assertThat(endpoints.path("agent").asText()).isEqualTo(agentUrl().toString()).startsWith("http://127.0.0.1:");
    }

    @Test
    void helloGivesTheGatewayItsAddressAndTheConnectionsTheirIdentity() throws Exception {
        String gateway = fixtures.gateway();
        String connection = connection(gateway);
        var agent = agent(token(gateway));

        var answer = agent.hello(new Hello("192.0.2.10", "vpnd-agent 0.1.0", "charon 5.9.8"));

        assertThat(answer.gateways()).containsExactly(canonical(gateway));
        assertThat(answer.waitSeconds()).isEqualTo(25);
        assertThat(answer.reportSeconds()).isEqualTo(10);
        assertThat(answer.silentSeconds()).isEqualTo(30);
        assertThat(sdk.describeVpnGateway(new DescribeVpnGatewayRequest().setRegionId(REGION).setVpnGatewayId(gateway))
                .getBody().getInternetIp()).isEqualTo("192.0.2.10");
        var shown = sdk.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(connection)).getBody();
        assertThat(shown.getIkeConfig().getLocalId()).as("the identity the gateway's address was").isEqualTo(
                "192.0.2.10");
    }

    @Test
    void aPlanCarriesTheConnectionAsTheSdkMadeIt() throws Exception {
        String gateway = fixtures.gateway();
        String connection = connection(gateway, "{\"Psk\":\"branch-key-1\",\"IkeVersion\":\"ikev2\","
                + "\"IkeEncAlg\":\"aes256\"}");
        var agent = agent(token(gateway));
        agent.hello(new Hello("192.0.2.11", "a", "d"));

        var answer = planNow(agent);
        GatewayPlan plan = answer.gateways().getFirst();
        assertThat(plan.gatewayId()).isEqualTo(canonical(gateway));
        assertThat(plan.publicAddress()).isEqualTo("192.0.2.11");
        assertThat(answer.revision()).isGreaterThanOrEqualTo(plan.revision());
        TunnelPlan tunnel = plan.tunnels().getFirst();
        var shown = sdk.describeVpnConnection(new DescribeVpnConnectionRequest().setRegionId(REGION)
                .setVpnConnectionId(connection)).getBody();
        assertThat(tunnel.name()).isEqualTo(canonicalConnection(connection));
        assertThat(tunnel.peerAddress()).isEqualTo(shown.getIkeConfig().getRemoteId());
        assertThat(tunnel.localAddress()).isEqualTo("192.0.2.11");
        assertThat(tunnel.ike().psk().value()).isEqualTo("branch-key-1");
        assertThat(tunnel.ike().encryption()).isEqualTo(Encryption.AES_256);
        assertThat(tunnel.ike().localId()).isEqualTo("192.0.2.11");
        assertThat(tunnel.localSubnets()).containsExactly("10.1.0.0/16");
        assertThat(tunnel.remoteSubnets()).containsExactly("192.168.10.0/24");
        assertThat(tunnel.initiation()).isEqualTo(Initiation.IMMEDIATE);
    }

    /** What only OpenStack's API stores of a connection reaches its plan: its DPD interval, its admin state. */
    @Test
    void aPlanTakesTheSettingsOpenStackKeepsBesideAConnection() throws Exception {
        String gateway = fixtures.gateway();
        String connection = connection(gateway);
        var agent = agent(token(gateway));
        agent.hello(new Hello("192.0.2.18", "a", "d"));
        assertThat(planNow(agent).gateways().getFirst().tunnels().getFirst().dpd().intervalSeconds())
                .isEqualTo(SiteConnectionAttributes.DEFAULT_DPD_INTERVAL_SECONDS);
        String id = canonicalConnection(connection);
        String peer = planNow(agent).gateways().getFirst().tunnels().getFirst().peerAddress();
        for (boolean adminStateUp : new boolean[] {true, false}) {
            VPND.services().networking().write(tx -> {
                tx.putSiteConnectionAttributes(new SiteConnectionAttributes(id, "", peer, peer, 1500, 15, null, null,
                        null, null, adminStateUp));
                return null;
            });
            var tunnels = planNow(agent).gateways().getFirst().tunnels();
            if (adminStateUp) {
                assertThat(tunnels.getFirst().dpd().intervalSeconds()).isEqualTo(15);
            } else {
                assertThat(tunnels).as("switched off: in no plan").isEmpty();
            }
        }
    }

    @Test
    void aWaitWakesWithinASecondOfEachChangeMadeThroughTheSdk() throws Exception {
        String gateway = fixtures.gateway();
        var agent = agent(token(gateway));
        agent.hello(new Hello("192.0.2.12", "a", "d"));
        long revision = planNow(agent).revision();

        var waiting = planAfter(agent, revision, Duration.ofSeconds(20));
        Thread.sleep(300);
        assertThat(waiting).as("nothing changed yet").isNotDone();
        String connection = connection(gateway);
        long created = System.nanoTime();
        var woken = waiting.get(5, TimeUnit.SECONDS).orElseThrow();
        assertThat(Duration.ofNanos(System.nanoTime() - created)).isLessThan(Duration.ofSeconds(1));
        assertThat(woken.revision()).isGreaterThan(revision);
        assertThat(woken.gateways().getFirst().tunnels()).extracting(TunnelPlan::connectionId)
                .containsExactly(canonicalConnection(connection));

        AliyunClients.awaitActiveConnection(sdk, connection);
        waiting = planAfter(agent, woken.revision(), Duration.ofSeconds(20));
        Thread.sleep(300);
        sdk.modifyVpnConnectionAttribute(new ModifyVpnConnectionAttributeRequest().setRegionId(REGION)
                .setVpnConnectionId(connection).setIkeConfig("{\"IkeEncAlg\":\"aes192\"}"));
        long modified = System.nanoTime();
        var changed = waiting.get(5, TimeUnit.SECONDS).orElseThrow();
        assertThat(Duration.ofNanos(System.nanoTime() - modified)).isLessThan(Duration.ofSeconds(1));
        assertThat(changed.gateways().getFirst().tunnels().getFirst().ike().encryption())
                .isEqualTo(Encryption.AES_192);

        AliyunClients.awaitActiveConnection(sdk, connection);
        waiting = planAfter(agent, changed.revision(), Duration.ofSeconds(20));
        Thread.sleep(300);
        sdk.deleteVpnConnection(new DeleteVpnConnectionRequest().setRegionId(REGION).setVpnConnectionId(connection));
        long deleted = System.nanoTime();
        var emptied = waiting.get(5, TimeUnit.SECONDS).orElseThrow();
        assertThat(Duration.ofNanos(System.nanoTime() - deleted)).isLessThan(Duration.ofSeconds(1));
        assertThat(emptied.gateways().getFirst().tunnels()).isEmpty();
    }

    /** A change committed by another process (another node, a command beside the server) is seen too. */
    @Test
    void aWaitWakesOnAChangeAnotherProcessCommitted() throws Exception {
        String gateway = fixtures.gateway();
        String connection = connection(gateway);
        AliyunClients.awaitActiveConnection(sdk, connection);
        var agent = agent(token(gateway));
        agent.hello(new Hello("192.0.2.13", "a", "d"));
        long revision = planNow(agent).revision();
        try (var elsewhere = VPND.openDatabase()) {
            var services = Services.over(elsewhere, ServiceSettings.defaults(),
                    RegionFile.openStack(RegionFile.defaults()).id());
            var waiting = planAfter(agent, revision, Duration.ofSeconds(20));
            Thread.sleep(300);
            services.connections().delete(ref(gateway).scope(), canonicalConnection(connection));
            long deleted = System.nanoTime();
            var woken = waiting.get(5, TimeUnit.SECONDS).orElseThrow();
            assertThat(Duration.ofNanos(System.nanoTime() - deleted)).isLessThan(Duration.ofSeconds(1));
            assertThat(woken.gateways().getFirst().tunnels()).isEmpty();
        }
    }

    @Test
    void aWaitWithNothingNewEndsWithoutABody() throws Exception {
        String gateway = fixtures.gateway();
        var agent = agent(token(gateway));
        agent.hello(new Hello("192.0.2.14", "a", "d"));
        long revision = planNow(agent).revision();
        long start = System.nanoTime();
        assertThat(agent.plan(revision, Duration.ofSeconds(1))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900),
                Duration.ofSeconds(3));
    }

    @Test
    void aTokenSeesAndSpeaksForItsOwnGatewaysOnly() throws Exception {
        String mine = fixtures.gateway();
        String theirs = fixtures.gateway();
        String myConnection = connection(mine);
        String theirConnection = connection(theirs);
        var agent = agent(token(mine));

        assertThat(agent.hello(new Hello("192.0.2.15", "a", "d")).gateways()).containsExactly(canonical(mine));
        assertThat(sdk.describeVpnGateway(new DescribeVpnGatewayRequest().setRegionId(REGION).setVpnGatewayId(theirs))
                .getBody().getInternetIp()).isNotEqualTo("192.0.2.15");
        var answer = planNow(agent);
        assertThat(answer.gateways()).extracting(GatewayPlan::gatewayId).containsExactly(canonical(mine));
        assertThat(answer.gateways().getFirst().tunnels()).extracting(TunnelPlan::connectionId)
                .containsExactly(canonicalConnection(myConnection));

        var waiting = planAfter(agent, answer.revision(), Duration.ofSeconds(2));
        connection(theirs);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).as("another gateway's change wakes no one here").isEmpty();

        String theirTunnel = canonicalConnection(theirConnection);
        report(agent, theirs, answer.revision(), up(theirTunnel, 1));
        report(agent, mine, answer.revision(), up(theirTunnel, 1));
        assertThat(status(theirConnection)).isEqualTo("ike_sa_not_established");
    }

    @Test
    void everyRefusedTokenGetsTheSameAnswer() throws Exception {
        String gateway = fixtures.gateway();
        var issued = VPND.services().dataPlane().createToken(List.of(ref(gateway)));
        String good = issued.token();
        String wrongSecret = good.substring(0, good.indexOf('.') + 1) + "A".repeat(43);
        assertThat(VPND.command("agent", "token", "revoke", "--id", issued.record().id())).isZero();

        var answers = new java.util.ArrayList<HttpResponse<String>>();
        for (String authorization : new String[] {null, "Basic " + good, "Bearer", "Bearer garbage",
                "Bearer vat-0000000000000000." + "A".repeat(43), "Bearer " + wrongSecret, "Bearer " + good}) {
            for (String call : new String[] {"hello", "plan?after=0", "report"}) {
                var request = HttpRequest.newBuilder(agentUrl().resolve("/v1/agent/" + call));
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                request = call.startsWith("plan") ? request.GET()
                        : request.POST(HttpRequest.BodyPublishers.ofString("{}"));
                answers.add(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
            }
        }
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("unauthorized");
            assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"vpnd agent\"");
        });
        assertThat(answers).extracting(HttpResponse::body).containsOnly(answers.getFirst().body());
    }

    @Test
    void reportsBecomeTheStatusAlibabaShowsForConnectionsAndTunnels() throws Exception {
        String gateway = fixtures.gateway();
        String single = connection(gateway);
        String dual = dualTunnel(gateway, fixtures.customerGateway(), fixtures.customerGateway());
        var agent = agent(token(gateway));
        agent.hello(new Hello("192.0.2.16", "a", "d"));
        long revision = planNow(agent).revision();
        String singleName = canonicalConnection(single);
        String dualName = canonicalConnection(dual);
        assertThat(planNow(agent).gateways().getFirst().tunnels()).extracting(TunnelPlan::name)
                .containsExactlyInAnyOrder(singleName, dualName + "-t1", dualName + "-t2");

        report(agent, gateway, revision, up(singleName, 10), up(dualName + "-t1", 20),
                new TunnelReport(dualName + "-t2", SaState.CONNECTING, SaState.ABSENT, 0, 0, 0, 0, null));
        assertThat(status(single)).isEqualTo("ipsec_sa_established");
        assertThat(sdk.describeVpnConnections(new DescribeVpnConnectionsRequest().setRegionId(REGION)
                .setVpnGatewayId(gateway)).getBody().getVpnConnections().getVpnConnection())
                .filteredOn(c -> c.getVpnConnectionId().equals(single))
                .extracting(c -> c.getStatus()).containsExactly("ipsec_sa_established");
        JsonNode dualShown = describeRaw(dual);
        assertThat(dualShown.path("Status").asText()).isEqualTo("ipsec_sa_established");
        assertThat(dualShown.path("TunnelOptionsSpecification").path("TunnelOptions"))
                .extracting(t -> t.path("Status").asText())
                .containsExactly("ipsec_sa_established", "ike_sa_not_established");

        report(agent, gateway, revision, new TunnelReport(singleName, SaState.ESTABLISHED, SaState.ABSENT, 0, 0, 0,
                0, null), up(dualName + "-t1", 20));
        assertThat(status(single)).isEqualTo("ipsec_sa_not_established");
        report(agent, gateway, revision, new TunnelReport(singleName, SaState.ESTABLISHED, SaState.CONNECTING, 0, 0,
                0, 0, null));
        assertThat(status(single)).isEqualTo("ike_sa_established");
        assertThat(describeRaw(dual).path("Status").asText()).as("left out of the report: absent")
                .isEqualTo("ike_sa_not_established");
    }

    @Test
    void metricsCountTunnelsAndBytesPerConnection() throws Exception {
        String gateway = fixtures.gateway();
        String connection = connection(gateway);
        var agent = agent(token(gateway));
        agent.hello(new Hello("192.0.2.17", "a", "d"));
        report(agent, gateway, planNow(agent).revision(), up(canonicalConnection(connection), 4096));

        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(VPND.endpoints().get("admin") + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        String label = "{connection=\"" + canonicalConnection(connection) + "\"}";
        assertThat(metrics).contains("vpnd_connection_bytes_in" + label + " 4096.0")
                .contains("vpnd_connection_bytes_out" + label + " 8192.0")
                .containsPattern("vpnd_tunnels\\{state=\"up\"} [1-9]")
                .containsPattern("vpnd_requests_seconds_count\\{action=\"report\",dialect=\"agent\",outcome=\"ok\"}");
    }

    @Test
    void badCallsAreRefusedWithTheirReason() throws Exception {
        String gateway = fixtures.gateway();
        String token = token(gateway);
        assertThat(call(token, "POST", "hello", "{\"publicAddress\": \"192.0.2.1\"")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("message").asText()).startsWith("body: not valid JSON");
        });
        assertThat(call(token, "POST", "hello", "{\"publicAddress\": \"2001:db8::1\", \"agent\": \"a\", "
                + "\"daemon\": \"d\"}").statusCode()).isEqualTo(400);
        assertThat(call(token, "POST", "report", "{\"gateways\": [{\"gatewayId\": \"g\"}]}")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("message").asText()).isEqualTo("gateways[0].tunnels: missing");
        });
        assertThat(call(token, "GET", "plan?after=-1", null).statusCode()).isEqualTo(400);
        assertThat(call(token, "GET", "plan?after=1&wait=soon", null).statusCode()).isEqualTo(400);
        assertThat(call(token, "GET", "hello", null)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).contains("POST");
        });
        assertThat(call(token, "GET", "plans", null).statusCode()).isEqualTo(404);
        assertThat(call(token, "POST", "report", "{\"gateways\": [], \"pad\": \"" + "x".repeat(1024 * 1024) + "\"}")
                .statusCode()).isEqualTo(413);
    }

    private static HttpResponse<String> call(String token, String method, String path, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(agentUrl().resolve("/v1/agent/" + path))
                .header("Authorization", "Bearer " + token);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static CommonRequest common(String action) {
        return AliyunClients.common(VPND.aliyunEndpoint(), REGION, action);
    }

    /** A dual-tunnel connection through the old SDK (the new one has no TunnelOptionsSpecification). */
    private static String dualTunnel(String gatewayId, String masterPeer, String slavePeer) throws Exception {
        var r = common("CreateVpnConnection");
        r.putQueryParameter("VpnGatewayId", gatewayId);
        r.putQueryParameter("LocalSubnet", "10.2.0.0/16");
        r.putQueryParameter("RemoteSubnet", "192.168.20.0/24");
        r.putQueryParameter("Name", "dual");
        String[][] tunnels = {{"master", masterPeer}, {"slave", slavePeer}};
        for (int n = 1; n <= 2; n++) {
            r.putQueryParameter("TunnelOptionsSpecification." + n + ".Role", tunnels[n - 1][0]);
            r.putQueryParameter("TunnelOptionsSpecification." + n + ".CustomerGatewayId", tunnels[n - 1][1]);
        }
        return JSON.readTree(AliyunClients.oldSdk().getCommonResponse(r).getData()).path("VpnConnectionId").asText();
    }

    private static JsonNode describeRaw(String connectionId) throws Exception {
        var r = common("DescribeVpnConnection");
        r.putQueryParameter("VpnConnectionId", connectionId);
        return JSON.readTree(AliyunClients.oldSdk().getCommonResponse(r).getData());
    }
}
