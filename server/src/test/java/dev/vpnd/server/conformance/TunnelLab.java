package dev.vpnd.server.conformance;

import dev.vpnd.agent.charon.CharonPair;
import dev.vpnd.agent.charon.ViciCharon;
import dev.vpnd.agent.lab.Lab;
import dev.vpnd.agent.lab.LabLayout;
import dev.vpnd.agent.lab.LabNetwork;
import dev.vpnd.agent.lab.LabSettings;
import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.agent.vici.ViciSession;
import dev.vpnd.server.RunningVpnd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * The agent's lab ({@code ./vpnd lab}) for one gateway of a {@link RunningVpnd}, for the real-tunnel
 * tests: the gateway's charon run by vpnd's agent with a token of that gateway, the customer's
 * charon kept on the mirror of its connections. Its namespaces are named after the test JVM
 * ({@link CharonPair#freshLayout}), so concurrent runs do not meet, and a killed run's are removed by
 * the next; {@link #close} takes them down. Without root or strongSwan the calling test is skipped
 * (under CI it fails), as the agent's real-charon tests are.
 */
public final class TunnelLab implements AutoCloseable {
    /** Negotiation with retries, an agent's report and a client's poll: far more than any of it takes. */
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private final LabLayout layout;
    private final ByteArrayOutputStream printed;
    private final Lab lab;

    private TunnelLab(LabLayout layout, ByteArrayOutputStream printed, Lab lab) {
        this.layout = layout;
        this.printed = printed;
        this.lab = lab;
    }

    /** Starts the lab with an agent token of {@code gatewayId} (vpnd's canonical id of the gateway). */
    public static TunnelLab start(RunningVpnd vpnd, String gatewayId) throws IOException {
        LabLayout layout = CharonPair.freshLayout();
        var plane = vpnd.services().dataPlane();
        String token = plane.createToken(List.of(plane.locateGateway(gatewayId).orElseThrow())).token();
        var printed = new ByteArrayOutputStream();
        try {
            Lab lab = Lab.start(new LabSettings(URI.create(vpnd.endpoints().get("agent")), token, layout),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            return new TunnelLab(layout, printed, lab);
        } catch (IOException | RuntimeException e) {
            LabNetwork.of(layout).down();
            throw e;
        }
    }

    public Lab lab() {
        return lab;
    }

    /** Whether the gateway's subnet reaches the customer's ({@code 10.1.0.1 -> 10.2.0.1}), two pings. */
    public boolean pings() {
        LabNetwork network = lab.network();
        return network.ping(network.gateway(), LabNetwork.CUSTOMER_HOST, 2);
    }

    /** Whether traffic stops crossing within {@link #WAIT}. */
    public boolean trafficStops() throws InterruptedException {
        return !await(this::pings, crosses -> !crosses);
    }

    /** The gateway charon's IKE SAs as {@code list-sas} shows them: name to body. */
    public List<Sa> gatewaySas() throws IOException {
        var sas = new ArrayList<Sa>();
        try (ViciSession session = ViciSession.open(lab.network().gateway().vici(), Duration.ofSeconds(10))) {
            for (ViciMessage event : ViciCharon.listSas(session)) {
                event.sections().forEach(section -> sas.add(new Sa(section.name(), section.body())));
            }
        }
        return sas;
    }

    /** One IKE SA of {@code list-sas}, named as its connection. */
    public record Sa(String name, ViciMessage body) {
        public String get(String key) {
            return body.string(key).orElse("");
        }

        /** Its CHILD_SAs' bodies. */
        public List<ViciMessage> children() {
            return body.section("child-sas").map(c -> c.sections().stream().map(s -> s.body()).toList())
                    .orElse(List.of());
        }
    }

    /** The gateway's IKE SA of {@code tunnel}, if it has one. */
    public Optional<Sa> gatewaySa(String tunnel) throws IOException {
        return gatewaySas().stream().filter(sa -> sa.name().equals(tunnel)).findFirst();
    }

    /** The lines of the gateway charon's log that name {@code tunnel}. */
    public List<String> gatewayLog(String tunnel) throws IOException {
        return Files.readAllLines(lab.network().gateway().log(), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("<" + tunnel + "|")).toList();
    }

    /** What the lab printed and both charons' last log lines: for a failure's message. */
    public String diagnostics() {
        return "lab printed:\n" + printed.toString(StandardCharsets.UTF_8) + lab.network().logs();
    }

    /**
     * Reads {@code read} every 200 ms until {@code wanted} holds or {@link #WAIT} passes; the last value
     * read. A read that throws is tried again until then.
     */
    public static <T> T await(Callable<T> read, Predicate<T> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            T seen = null;
            Exception failure = null;
            try {
                seen = read.call();
                if (wanted.test(seen)) {
                    return seen;
                }
            } catch (Exception e) {
                failure = e;
            }
            if (System.nanoTime() > deadline) {
                if (failure != null) {
                    throw new AssertionError("still failing after " + WAIT.toSeconds() + " s", failure);
                }
                return seen;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Stops the agent and takes the lab down: namespaces, charons, state. */
    @Override
    public void close() {
        try {
            lab.close();
        } finally {
            LabNetwork.of(layout).down();
        }
    }
}
