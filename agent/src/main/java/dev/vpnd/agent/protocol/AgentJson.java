package dev.vpnd.agent.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
import dev.vpnd.core.dataplane.TunnelPlan.DeadPeerDetection;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON bodies of docs/agent-protocol.md, to and from the canonical records: field names as the
 * page gives them, enums by their canonical names. Decoding reads the body as hostile (see
 * {@link ProtocolLimits}): it is refused whole, with a {@link ProtocolException} naming the field,
 * when anything in it is malformed or out of bounds; unknown fields are ignored, so either side may
 * add one. Encoding writes what decoding takes, except that a daemon's refusal longer than
 * {@link ProtocolLimits#MAX_TEXT} is cut there, since no agent controls how long its daemon's
 * messages are.
 */
public final class AgentJson {
    /** The largest seconds or milliseconds a duration takes: the daemon's 32-bit fields. */
    private static final long MAX_DURATION = Integer.MAX_VALUE;
    /** Hello answers bound their timings to a day: anything longer is a mistake, not a choice. */
    private static final int MAX_TIMING_SECONDS = 86_400;
    private static final JsonFactory FACTORY = new JsonFactory();

    private AgentJson() {
    }

    public static byte[] encode(Hello hello) {
        return write(out -> {
            out.writeStartObject();
            out.writeStringField("publicAddress", hello.publicAddress());
            out.writeStringField("agent", hello.agent());
            out.writeStringField("daemon", hello.daemon());
            out.writeEndObject();
        });
    }

    public static Hello decodeHello(byte[] body) {
        var in = JsonIn.body(body);
        return new Hello(in.address("publicAddress"), in.text("agent"), in.text("daemon"));
    }

    public static byte[] encode(HelloAnswer answer) {
        return write(out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("gateways");
            for (String gateway : answer.gateways()) {
                out.writeString(gateway);
            }
            out.writeEndArray();
            out.writeNumberField("waitSeconds", answer.waitSeconds());
            out.writeNumberField("reportSeconds", answer.reportSeconds());
            out.writeNumberField("silentSeconds", answer.silentSeconds());
            out.writeEndObject();
        });
    }

    public static HelloAnswer decodeHelloAnswer(byte[] body) {
        var in = JsonIn.body(body);
        return new HelloAnswer(in.texts("gateways", ProtocolLimits.MAX_GATEWAYS),
                in.int32("waitSeconds", 1, MAX_TIMING_SECONDS), in.int32("reportSeconds", 1, MAX_TIMING_SECONDS),
                in.int32("silentSeconds", 1, MAX_TIMING_SECONDS));
    }

    public static byte[] encode(PlanAnswer answer) {
        return write(out -> {
            out.writeStartObject();
            out.writeNumberField("revision", answer.revision());
            out.writeArrayFieldStart("gateways");
            for (GatewayPlan plan : answer.gateways()) {
                writePlan(out, plan);
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    public static PlanAnswer decodePlanAnswer(byte[] body) {
        var in = JsonIn.body(body);
        long revision = in.number("revision", 0, Long.MAX_VALUE);
        var plans = new ArrayList<GatewayPlan>();
        for (JsonIn gateway : in.objects("gateways", ProtocolLimits.MAX_GATEWAYS)) {
            plans.add(readPlan(gateway));
        }
        return new PlanAnswer(revision, plans);
    }

    public static byte[] encode(Report report) {
        return write(out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("gateways");
            for (GatewayReport gateway : report.gateways()) {
                out.writeStartObject();
                out.writeStringField("gatewayId", gateway.gatewayId());
                out.writeNumberField("appliedRevision", gateway.appliedRevision());
                out.writeArrayFieldStart("tunnels");
                for (TunnelReport tunnel : gateway.tunnels()) {
                    writeTunnelReport(out, tunnel);
                }
                out.writeEndArray();
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    public static Report decodeReport(byte[] body) {
        var in = JsonIn.body(body);
        var gateways = new ArrayList<GatewayReport>();
        for (JsonIn gateway : in.objects("gateways", ProtocolLimits.MAX_GATEWAYS)) {
            var tunnels = new ArrayList<TunnelReport>();
            for (JsonIn t : gateway.objects("tunnels", ProtocolLimits.MAX_TUNNELS)) {
                tunnels.add(new TunnelReport(tunnelName(t), t.enumOf("ike", SaState.class),
                        t.enumOf("child", SaState.class), t.number("bytesIn", 0, Long.MAX_VALUE),
                        t.number("bytesOut", 0, Long.MAX_VALUE), t.number("packetsIn", 0, Long.MAX_VALUE),
                        t.number("packetsOut", 0, Long.MAX_VALUE), t.nullableText("configError"),
                        t.nullableEnumOf("health", Health.class)));
            }
            gateways.add(new GatewayReport(gateway.text("gatewayId"),
                    gateway.number("appliedRevision", 0, Long.MAX_VALUE), tunnels));
        }
        return new Report(gateways);
    }

    private static void writePlan(JsonGenerator out, GatewayPlan plan) throws IOException {
        out.writeStartObject();
        out.writeStringField("gatewayId", plan.gatewayId());
        out.writeNumberField("revision", plan.revision());
        out.writeStringField("publicAddress", plan.publicAddress());
        out.writeArrayFieldStart("tunnels");
        for (TunnelPlan tunnel : plan.tunnels()) {
            writeTunnelPlan(out, tunnel);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static GatewayPlan readPlan(JsonIn in) {
        var tunnels = new ArrayList<TunnelPlan>();
        for (JsonIn t : in.objects("tunnels", ProtocolLimits.MAX_TUNNELS)) {
            tunnels.add(new TunnelPlan(tunnelName(t), t.text("connectionId"), t.int32("tunnelIndex", 0, 2),
                    t.address("localAddress"), t.address("peerAddress"), readIke(t.object("ike")),
                    readIpsec(t.object("ipsec")), t.cidrs("localSubnets", ProtocolLimits.MAX_SUBNETS),
                    t.cidrs("remoteSubnets", ProtocolLimits.MAX_SUBNETS), readDpd(t.object("dpd")),
                    t.bool("natTraversal"), t.enumOf("initiation", Initiation.class),
                    readHealthCheck(t.nullableObject("healthCheck"))));
        }
        return new GatewayPlan(in.text("gatewayId"), in.number("revision", 0, Long.MAX_VALUE),
                in.address("publicAddress"), tunnels);
    }

    private static void writeTunnelPlan(JsonGenerator out, TunnelPlan t) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", t.name());
        out.writeStringField("connectionId", t.connectionId());
        out.writeNumberField("tunnelIndex", t.tunnelIndex());
        out.writeStringField("localAddress", t.localAddress());
        out.writeStringField("peerAddress", t.peerAddress());
        IkeConfig ike = t.ike();
        out.writeObjectFieldStart("ike");
        out.writeStringField("version", ike.version().name());
        out.writeStringField("mode", ike.mode().name());
        out.writeStringField("encryption", ike.encryption().name());
        out.writeStringField("integrity", ike.integrity().name());
        out.writeStringField("dhGroup", ike.dhGroup().name());
        out.writeNumberField("lifetimeSeconds", ike.lifetimeSeconds());
        out.writeStringField("localId", ike.localId());
        out.writeStringField("remoteId", ike.remoteId());
        out.writeStringField("psk", ike.psk() == null ? "" : ike.psk().value());
        out.writeEndObject();
        IpsecConfig ipsec = t.ipsec();
        out.writeObjectFieldStart("ipsec");
        out.writeStringField("encryption", ipsec.encryption().name());
        out.writeStringField("integrity", ipsec.integrity().name());
        out.writeStringField("pfs", ipsec.pfs().name());
        out.writeNumberField("lifetimeSeconds", ipsec.lifetimeSeconds());
        out.writeNumberField("lifetimeKilobytes", ipsec.lifetimeKilobytes());
        out.writeEndObject();
        writeTexts(out, "localSubnets", t.localSubnets());
        writeTexts(out, "remoteSubnets", t.remoteSubnets());
        DeadPeerDetection dpd = t.dpd();
        out.writeObjectFieldStart("dpd");
        out.writeBooleanField("enabled", dpd.enabled());
        out.writeNumberField("intervalSeconds", dpd.intervalSeconds());
        out.writeNumberField("timeoutSeconds", dpd.timeoutSeconds());
        out.writeStringField("action", dpd.action().name());
        out.writeEndObject();
        out.writeBooleanField("natTraversal", t.natTraversal());
        out.writeStringField("initiation", t.initiation().name());
        HealthCheck hc = t.healthCheck();
        if (hc == null) {
            out.writeNullField("healthCheck");
        } else {
            out.writeObjectFieldStart("healthCheck");
            out.writeBooleanField("enabled", hc.enabled());
            out.writeStringField("destinationIp", hc.destinationIp());
            out.writeStringField("sourceIp", hc.sourceIp());
            out.writeNumberField("intervalMillis", hc.intervalMillis());
            out.writeNumberField("timeoutMillis", hc.timeoutMillis());
            out.writeNumberField("retries", hc.retries());
            out.writeStringField("policy", hc.policy());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    private static IkeConfig readIke(JsonIn in) {
        return new IkeConfig(in.enumOf("version", IkeVersion.class), in.enumOf("mode", IkeMode.class),
                in.enumOf("encryption", Encryption.class), in.enumOf("integrity", Integrity.class),
                in.enumOf("dhGroup", DhGroup.class), in.number("lifetimeSeconds", 0, MAX_DURATION),
                in.text("localId"), in.text("remoteId"), new Secret(in.text("psk")));
    }

    private static IpsecConfig readIpsec(JsonIn in) {
        return new IpsecConfig(in.enumOf("encryption", Encryption.class), in.enumOf("integrity", Integrity.class),
                in.enumOf("pfs", DhGroup.class), in.number("lifetimeSeconds", 0, MAX_DURATION),
                in.number("lifetimeKilobytes", 0, Long.MAX_VALUE));
    }

    private static DeadPeerDetection readDpd(JsonIn in) {
        return new DeadPeerDetection(in.bool("enabled"), in.number("intervalSeconds", 0, MAX_DURATION),
                in.number("timeoutSeconds", 0, MAX_DURATION), in.enumOf("action", DpdAction.class));
    }

    private static HealthCheck readHealthCheck(JsonIn in) {
        if (in == null) {
            return null;
        }
        return new HealthCheck(in.bool("enabled"), in.text("destinationIp"), in.text("sourceIp"),
                in.int32("intervalMillis", 0, Integer.MAX_VALUE), in.int32("timeoutMillis", 0, Integer.MAX_VALUE),
                in.int32("retries", 0, Integer.MAX_VALUE), in.text("policy"));
    }

    private static void writeTunnelReport(JsonGenerator out, TunnelReport t) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", t.name());
        out.writeStringField("ike", t.ike().name());
        out.writeStringField("child", t.child().name());
        out.writeNumberField("bytesIn", t.bytesIn());
        out.writeNumberField("bytesOut", t.bytesOut());
        out.writeNumberField("packetsIn", t.packetsIn());
        out.writeNumberField("packetsOut", t.packetsOut());
        String error = t.configError();
        if (error == null) {
            out.writeNullField("configError");
        } else {
            out.writeStringField("configError", cut(error));
        }
        // Absent rather than null when the tunnel has no health check: what an agent before health checks sent.
        if (t.health() != null) {
            out.writeStringField("health", t.health().name());
        }
        out.writeEndObject();
    }

    /**
     * A tunnel's name: what the IPsec daemon knows it by, so letters, digits, dots, underscores and
     * dashes only (as {@link TunnelPlan#nameOf} makes them), nothing a configuration could misread.
     */
    private static String tunnelName(JsonIn in) {
        String name = in.text("name");
        if (name.isEmpty() || !name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) {
            throw new ProtocolException(in.path() + ".name: not a tunnel name (letters, digits, '.', '_', '-')");
        }
        return name;
    }

    /** At most {@link ProtocolLimits#MAX_TEXT} characters, control characters as spaces, surrogate pairs whole. */
    private static String cut(String text) {
        var out = new StringBuilder(Math.min(text.length(), ProtocolLimits.MAX_TEXT));
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (out.length() + Character.charCount(c) > ProtocolLimits.MAX_TEXT) {
                break;
            }
            out.appendCodePoint(c < 0x20 || c == 0x7f ? ' ' : c);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static void writeTexts(JsonGenerator out, String name, List<String> values) throws IOException {
        out.writeArrayFieldStart(name);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private static byte[] write(Body body) {
        var bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to memory", e);
        }
        return bytes.toByteArray();
    }
}
