package dev.vpnd.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.Secret;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AgentJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PSK = "s3cret-Psk-never-shown";

    static TunnelPlan tunnel(String connectionId, int index, HealthCheck healthCheck) {
        return new TunnelPlan(TunnelPlan.nameOf(connectionId, index), connectionId, index, "203.0.113.7",
                "198.51.100.2",
                new IkeConfig(IkeVersion.V1, IkeMode.AGGRESSIVE, Encryption.AES_256, Integrity.SHA256,
                        DhGroup.MODP_2048, 86_400, "gw.example", "198.51.100.2", new Secret(PSK)),
                new IpsecConfig(Encryption.AES_128_GCM, Integrity.SHA1, DhGroup.NONE, 3600, 0),
                List.of("10.1.0.0/24", "10.1.1.0/24"), List.of("192.168.0.0/16", "2001:db8::/32"),
                new TunnelPlan.DeadPeerDetection(true, 30, 120, DpdAction.RESTART), true, Initiation.ON_TRAFFIC,
                healthCheck);
    }

    static PlanAnswer plan() {
        String connection = "2a7c1d3e-0000-4000-8000-000000000001";
        var dual = "2a7c1d3e-0000-4000-8000-000000000002";
        var check = new HealthCheck(true, "192.168.0.1", "10.1.0.1", 2000, 1000, 3, "revoke_route");
        return new PlanAnswer(42, List.of(
                new GatewayPlan("gw-1", 42, "203.0.113.7",
                        List.of(tunnel(connection, 0, null), tunnel(dual, 1, check), tunnel(dual, 2, check))),
                new GatewayPlan("gw-2", 7, "2001:db8::7", List.of())));
    }

    @Test
    void everyBodyComesBackAsItWasSent() {
        var hello = new Hello("203.0.113.7", "vpnd-agent 0.1.0", "charon-systemd 5.9.8");
        assertThat(AgentJson.decodeHello(AgentJson.encode(hello))).isEqualTo(hello);
        var answer = new HelloAnswer(List.of("gw-1", "gw-2"), 25, 10, 30);
        assertThat(AgentJson.decodeHelloAnswer(AgentJson.encode(answer))).isEqualTo(answer);
        assertThat(AgentJson.decodePlanAnswer(AgentJson.encode(plan()))).isEqualTo(plan());
        var report = new Report(List.of(new GatewayReport("gw-1", 42, List.of(
                new TunnelReport("c-1", SaState.ESTABLISHED, SaState.ESTABLISHED, 168, 168, 2, 2, null),
                new TunnelReport("c-2-t1", SaState.CONNECTING, SaState.ABSENT, 0, 0, 0, 0, "no such algorithm")))));
        assertThat(AgentJson.decodeReport(AgentJson.encode(report))).isEqualTo(report);
    }

    @Test
    void theWireFormIsTheDocumentedOne() throws Exception {
        var tree = JSON.readTree(AgentJson.encode(plan()));
        var tunnel = tree.path("gateways").path(0).path("tunnels").path(0);
        assertThat(tree.path("revision").asLong()).isEqualTo(42);
        assertThat(tunnel.path("name").asText()).isEqualTo("2a7c1d3e-0000-4000-8000-000000000001");
        assertThat(tunnel.path("ike").path("psk").asText()).isEqualTo(PSK);
        assertThat(tunnel.path("ike").path("dhGroup").asText()).isEqualTo("MODP_2048");
        assertThat(tunnel.path("ipsec").path("pfs").asText()).isEqualTo("NONE");
        assertThat(tunnel.path("dpd").path("action").asText()).isEqualTo("RESTART");
        assertThat(tunnel.path("initiation").asText()).isEqualTo("ON_TRAFFIC");
        assertThat(tunnel.has("healthCheck")).isTrue();
        assertThat(tunnel.path("healthCheck").isNull()).isTrue();
        var dual = tree.path("gateways").path(0).path("tunnels").path(1);
        assertThat(dual.path("name").asText()).isEqualTo("2a7c1d3e-0000-4000-8000-000000000002-t1");
        assertThat(dual.path("healthCheck").path("intervalMillis").asInt()).isEqualTo(2000);
    }

    @Test
    void aHealthVerdictIsSentOnlyForATunnelWithACheckAndMayBeMissing() throws Exception {
        var report = new Report(List.of(new GatewayReport("gw-1", 42, List.of(
                new TunnelReport("c-1", SaState.ESTABLISHED, SaState.ESTABLISHED, 1, 1, 1, 1, null, Health.UP),
                new TunnelReport("c-2", SaState.ESTABLISHED, SaState.ESTABLISHED, 1, 1, 1, 1, null, Health.UNKNOWN),
                new TunnelReport("c-3", SaState.ABSENT, SaState.ABSENT, 0, 0, 0, 0, null)))));
        assertThat(AgentJson.decodeReport(AgentJson.encode(report))).isEqualTo(report);
        var tunnels = JSON.readTree(AgentJson.encode(report)).path("gateways").path(0).path("tunnels");
        assertThat(tunnels.path(0).path("health").asText()).isEqualTo("UP");
        assertThat(tunnels.path(2).has("health")).as("no check: no field, as before health checks").isFalse();
        var old = "{\"gateways\":[{\"gatewayId\":\"gw-1\",\"appliedRevision\":1,\"tunnels\":[{\"name\":\"c-1\","
                + "\"ike\":\"ESTABLISHED\",\"child\":\"ESTABLISHED\",\"bytesIn\":0,\"bytesOut\":0,\"packetsIn\":0,"
                + "\"packetsOut\":0,\"configError\":null}]}]}";
        assertThat(AgentJson.decodeReport(bytes(old)).gateways().getFirst().tunnels().getFirst().health())
                .as("an agent before health checks").isNull();
        assertReportRefused(old.replace("\"configError\":null", "\"configError\":null,\"health\":\"GOOD\""),
                "gateways[0].tunnels[0].health: 'GOOD' is not one of UNKNOWN, UP, DOWN");
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        var tree = (ObjectNode) JSON.readTree(AgentJson.encode(plan()));
        tree.put("future", "field");
        var tunnel = (ObjectNode) tree.path("gateways").path(0).path("tunnels").path(0);
        tunnel.putObject("bandwidth").put("mbps", 100);
        ((ObjectNode) tunnel.path("ike")).putArray("extra").add(1);
        assertThat(AgentJson.decodePlanAnswer(JSON.writeValueAsBytes(tree))).isEqualTo(plan());
        assertThat(AgentJson.decodeHello(bytes("{\"publicAddress\":\"203.0.113.7\",\"agent\":\"a\",\"daemon\":\"d\","
                + "\"hostname\":\"gw1\"}")).publicAddress()).isEqualTo("203.0.113.7");
    }

    @Test
    void malformedBodiesAreRefusedWithAReason() {
        assertRefused("", "not a JSON object");
        assertRefused("[]", "not a JSON object");
        assertRefused("{\"publicAddress\": ", "not valid JSON");
        assertRefused("{} {}", "more than one JSON value");
        assertRefused("{\"publicAddress\":\"203.0.113.7\",\"publicAddress\":\"203.0.113.8\",\"agent\":\"a\","
                + "\"daemon\":\"d\"}", "not valid JSON");
        assertRefused("{\"agent\":\"a\",\"daemon\":\"d\"}", "publicAddress: missing");
        assertRefused("{\"publicAddress\":null,\"agent\":\"a\",\"daemon\":\"d\"}", "publicAddress: missing");
        assertRefused("{\"publicAddress\":7,\"agent\":\"a\",\"daemon\":\"d\"}", "publicAddress: not a string");
        assertRefused("{\"publicAddress\":\"gateway.example\",\"agent\":\"a\",\"daemon\":\"d\"}",
                "publicAddress: not an IP address");
        assertRefused("{\"publicAddress\":\"203.0.113.7\",\"agent\":\"a\\nb\",\"daemon\":\"d\"}",
                "agent: holds a control character");
    }

    @Test
    void bodiesOverTheBoundsAreRefusedBeforeUse() {
        byte[] huge = new byte[ProtocolLimits.MAX_BODY_BYTES + 1];
        assertThatThrownBy(() -> AgentJson.decodeReport(huge)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("more than " + ProtocolLimits.MAX_BODY_BYTES);
        String deep = "[".repeat(100) + "]".repeat(100);
        assertThatThrownBy(() -> AgentJson.decodeReport(bytes("{\"gateways\":" + deep + "}")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("not valid JSON");
        String longText = "x".repeat(ProtocolLimits.MAX_TEXT + 1);
        assertRefused("{\"publicAddress\":\"203.0.113.7\",\"agent\":\"" + longText + "\",\"daemon\":\"d\"}",
                "agent: longer than " + ProtocolLimits.MAX_TEXT);
        assertPlanRefused(tree -> {
            var gateways = (ArrayNode) tree.path("gateways");
            while (gateways.size() <= ProtocolLimits.MAX_GATEWAYS) {
                gateways.add(gateways.get(1).deepCopy());
            }
        }, "gateways: 65 items, more than 64");
        assertPlanRefused(tree -> {
            var tunnels = (ArrayNode) tree.path("gateways").path(0).path("tunnels");
            while (tunnels.size() <= ProtocolLimits.MAX_TUNNELS) {
                tunnels.add(tunnels.get(0).deepCopy());
            }
        }, "gateways[0].tunnels: 1001 items, more than 1000");
        assertPlanRefused(tree -> {
            var subnets = (ArrayNode) tree.path("gateways").path(0).path("tunnels").path(1).path("localSubnets");
            while (subnets.size() <= ProtocolLimits.MAX_SUBNETS) {
                subnets.add("10.9.0.0/24");
            }
        }, "gateways[0].tunnels[1].localSubnets: 65 items, more than 64");
    }

    @Test
    void eachFieldIsCheckedAndNamedByItsPath() {
        assertPlanRefused(tree -> ike(tree).put("encryption", "ROT13"),
                "gateways[0].tunnels[0].ike.encryption: 'ROT13' is not one of AES_128, AES_192");
        assertPlanRefused(tree -> ike(tree).put("encryption", "aes_128"), "'aes_128' is not one of");
        assertPlanRefused(tree -> ike(tree).put("lifetimeSeconds", -1),
                "gateways[0].tunnels[0].ike.lifetimeSeconds: -1 is not between 0 and");
        assertPlanRefused(tree -> ike(tree).put("lifetimeSeconds", 1.5), "lifetimeSeconds: not a whole number");
        assertPlanRefused(tree -> ike(tree).put("lifetimeSeconds", "86400"), "lifetimeSeconds: not a whole number");
        assertPlanRefused(tree -> ike(tree).put("lifetimeSeconds", new BigInteger("99999999999999999999")),
                "lifetimeSeconds: not a whole number");
        assertPlanRefused(tree -> ike(tree).remove("remoteId"), "gateways[0].tunnels[0].ike.remoteId: missing");
        assertPlanRefused(tree -> tunnel(tree).put("tunnelIndex", 3), "tunnelIndex: 3 is not between 0 and 2");
        assertPlanRefused(tree -> tunnel(tree).put("natTraversal", "true"), "natTraversal: not true or false");
        assertPlanRefused(tree -> tunnel(tree).put("peerAddress", "peer.example"),
                "gateways[0].tunnels[0].peerAddress: not an IP address");
        assertPlanRefused(tree -> tunnel(tree).putArray("remoteSubnets"), "remoteSubnets: empty");
        assertPlanRefused(tree -> tunnel(tree).putArray("remoteSubnets").add("10.0.0.0/33"),
                "remoteSubnets[0]: not an address with a prefix length");
        assertPlanRefused(tree -> tunnel(tree).putArray("localSubnets").add(7),
                "localSubnets[0]: not a string");
        assertPlanRefused(tree -> tunnel(tree).put("name", "conn; rm -rf /"),
                "gateways[0].tunnels[0].name: not a tunnel name");
        assertPlanRefused(tree -> tunnel(tree).put("dpd", "on"), "gateways[0].tunnels[0].dpd: not an object");
        assertPlanRefused(tree -> ((ObjectNode) tree.path("gateways").path(0)).put("tunnels", "none"),
                "gateways[0].tunnels: not an array");
        assertPlanRefused(tree -> ((ArrayNode) tree.path("gateways")).add(3), "gateways[2]: not an object");
        assertReportRefused("{\"gateways\":[{\"gatewayId\":\"g\",\"appliedRevision\":1,\"tunnels\":[{\"name\":\"t\","
                + "\"ike\":\"UP\",\"child\":\"ABSENT\",\"bytesIn\":0,\"bytesOut\":0,\"packetsIn\":0,"
                + "\"packetsOut\":0}]}]}",
                "gateways[0].tunnels[0].ike: 'UP' is not one of ABSENT, CONNECTING, ESTABLISHED");
        assertReportRefused("{\"gateways\":[{\"gatewayId\":\"g\",\"appliedRevision\":1,\"tunnels\":[{\"name\":\"t\","
                + "\"ike\":\"ABSENT\",\"child\":\"ABSENT\",\"bytesIn\":-5,\"bytesOut\":0,\"packetsIn\":0,"
                + "\"packetsOut\":0}]}]}", "gateways[0].tunnels[0].bytesIn: -5 is not between 0");
    }

    @Test
    void noComplaintRepeatsAPreSharedKey() {
        String longKey = PSK + "x".repeat(ProtocolLimits.MAX_TEXT);
        var tree = tree(AgentJson.encode(plan()));
        ike(tree).put("psk", longKey);
        assertThatThrownBy(() -> AgentJson.decodePlanAnswer(json(tree))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("ike.psk: longer than").hasMessageNotContaining(PSK);
        ike(tree).put("psk", PSK + "\u0001");
        assertThatThrownBy(() -> AgentJson.decodePlanAnswer(json(tree))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("ike.psk: holds a control character").hasMessageNotContaining(PSK);
        ike(tree).put("psk", 12);
        ike(tree).put("encryption", "x".repeat(100));
        assertThatThrownBy(() -> AgentJson.decodePlanAnswer(json(tree))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("the value is not one of");
    }

    @Test
    void aDaemonsLongRefusalIsCutToTheBoundOnItsWayOut() {
        String refusal = "line one\nline two " + "\uD83D\uDE00".repeat(ProtocolLimits.MAX_TEXT);
        var report = new Report(List.of(new GatewayReport("gw-1", 1, List.of(
                new TunnelReport("c-1", SaState.ABSENT, SaState.ABSENT, 0, 0, 0, 0, refusal)))));
        String sent = AgentJson.decodeReport(AgentJson.encode(report)).gateways().getFirst().tunnels().getFirst()
                .configError();
        assertThat(sent).startsWith("line one line two ").hasSizeLessThanOrEqualTo(ProtocolLimits.MAX_TEXT);
        assertThat(Character.isHighSurrogate(sent.charAt(sent.length() - 1))).isFalse();
    }

    @Test
    void theLargestBodiesWithinTheCountsStillDecode() {
        var tunnels = new ArrayList<TunnelPlan>();
        for (int i = 0; i < 400; i++) {
            tunnels.add(tunnel("2a7c1d3e-0000-4000-8000-%012d".formatted(i), 0, null));
        }
        var answer = new PlanAnswer(9, List.of(new GatewayPlan("gw-1", 9, "203.0.113.7", tunnels)));
        byte[] body = AgentJson.encode(answer);
        assertThat(body.length).isLessThan(ProtocolLimits.MAX_BODY_BYTES);
        assertThat(AgentJson.decodePlanAnswer(body)).isEqualTo(answer);
    }

    private static ObjectNode tunnel(ObjectNode tree) {
        return (ObjectNode) tree.path("gateways").path(0).path("tunnels").path(0);
    }

    private static ObjectNode ike(ObjectNode tree) {
        return (ObjectNode) tunnel(tree).path("ike");
    }

    private static void assertRefused(String hello, String reason) {
        assertThatThrownBy(() -> AgentJson.decodeHello(bytes(hello))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining(reason);
    }

    private static void assertReportRefused(String report, String reason) {
        assertThatThrownBy(() -> AgentJson.decodeReport(bytes(report))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining(reason);
    }

    private static void assertPlanRefused(Consumer<ObjectNode> change, String reason) {
        var tree = tree(AgentJson.encode(plan()));
        change.accept(tree);
        assertThatThrownBy(() -> AgentJson.decodePlanAnswer(json(tree))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining(reason).hasMessageNotContaining(PSK);
    }

    private static ObjectNode tree(byte[] body) {
        try {
            return (ObjectNode) JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] json(ObjectNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
