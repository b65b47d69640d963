package dev.vpnd.agent.lab;

import dev.vpnd.agent.Agent;
import dev.vpnd.agent.AgentListener;
import dev.vpnd.agent.AgentSettings;
import dev.vpnd.agent.charon.ViciCharon;
import dev.vpnd.agent.health.PingProbe;
import dev.vpnd.agent.protocol.AgentClient;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * {@code ./vpnd lab}: a VPN gateway and a customer's device on one Linux host, to watch connections
 * made through any dialect come up. It builds (or finds) a {@link LabNetwork}, runs an {@link Agent}
 * for the gateway's charon with the public address {@value LabNetwork#GATEWAY_ADDRESS}, and keeps the
 * customer's charon on the {@link Mirror} of the same plans, for every tunnel whose customer gateway
 * is {@value LabNetwork#CUSTOMER_ADDRESS} or {@value LabNetwork#CUSTOMER_SECOND_ADDRESS} (the two
 * tunnels of a dual-tunnel connection each have one). Each change of a tunnel's state is printed as a
 * line ({@code vco-... ESTABLISHED}). Stopping it stops the agent only: the namespaces and charons,
 * with their tunnels, stay until {@link #down}, and a lab started again finds them as they are.
 */
public final class Lab implements AutoCloseable {
    private static final Duration VICI_TIMEOUT = Duration.ofSeconds(10);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LabNetwork network;
    private final PrintStream out;
    private final ViciCharon gatewayCharon;
    private final ViciCharon customerCharon;
    private final CustomerSide customer;
    private final Agent agent;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Lab(LabSettings settings, LabNetwork network, List<String> customers, PrintStream out)
            throws IOException {
        this.network = network;
        this.out = out;
        this.gatewayCharon = new ViciCharon(network.gateway().vici(), VICI_TIMEOUT);
        this.customerCharon = new ViciCharon(network.customer().vici(), VICI_TIMEOUT);
        this.customer = new CustomerSide(customerCharon, customers, this::say);
        var agentSettings = AgentSettings.of(settings.server(), settings.token()).withVici(network.gateway().viciUri())
                .withPublicAddress(LabNetwork.GATEWAY_ADDRESS);
        this.agent = new Agent(agentSettings, new AgentClient(settings.server(), settings.token()), gatewayCharon,
                gatewayCharon, new AgentListener() {
                    @Override
                    public void plansArriving(List<GatewayPlan> plans) {
                        customer.plansArriving(plans);
                    }

                    @Override
                    public void plansApplied(List<GatewayPlan> plans) {
                        customer.plansApplied(plans);
                    }

                    @Override
                    public void tunnelChanged(String gatewayId, TunnelReport tunnel) {
                        say(tunnel.name() + " " + describe(tunnel));
                    }

                    @Override
                    public void tunnelRemoved(String gatewayId, String tunnel) {
                        say(tunnel + " removed");
                    }
                }, PingProbe.inNamespace(network.gateway().namespace()));
    }

    /**
     * Builds the lab, or finds it, and starts its agent and customer side; returns at once. An
     * {@link IOException} says what this machine lacks (root, strongSwan) or what failed.
     */
    public static Lab start(LabSettings settings, PrintStream out) throws IOException {
        return start(settings, 1, out);
    }

    /**
     * {@link #start}, with a customer's device of {@code customerAddresses} addresses
     * ({@link LabNetwork#customerAddresses}), each the customer gateway of other connections: what a
     * benchmark of many connections on one gateway needs, as vpnd allows one connection per gateway
     * and customer gateway.
     */
    public static Lab start(LabSettings settings, int customerAddresses, PrintStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        List<String> customers = LabNetwork.customerAddresses(customerAddresses);
        LabNetwork network = LabNetwork.of(settings.layout()).up();
        network.addCustomerAddresses(customers);
        // The device's second address ends the second tunnel of a dual-tunnel connection.
        var device = new ArrayList<>(customers);
        device.add(1, LabNetwork.CUSTOMER_SECOND_ADDRESS);
        var lab = new Lab(settings, network, device, out);
        lab.customer.start();
        lab.agent.start();
        var gw = network.gateway();
        var cgw = network.customer();
        out.printf("lab up: gateway %s in namespace %s (subnet %s), customer's device %s in namespace %s (subnet %s)%n",
                gw.outer(), gw.namespace(), LabNetwork.GATEWAY_SUBNET, cgw.outer(), cgw.namespace(),
                LabNetwork.CUSTOMER_SUBNET);
        out.printf("the gateway's agent speaks to %s; connections whose customer gateway is %s are mirrored "
                + "onto the customer's device%n", settings.server(),
                device.getFirst() + " or one of " + device.subList(1, device.size()));
        out.printf("once a tunnel is up: ip netns exec %s ping -I %s %s%n", gw.namespace(), LabNetwork.GATEWAY_HOST,
                LabNetwork.CUSTOMER_HOST);
        out.flush();
        return lab;
    }

    /**
     * {@code ./vpnd lab}: {@link #start}, then runs until the JVM is asked to stop (Ctrl-C) or the calling
     * thread is interrupted; the lab itself stays up ({@code ./vpnd lab down} removes it).
     */
    public static void run(LabSettings settings, PrintStream out) throws IOException, InterruptedException {
        try (Lab lab = start(settings, out)) {
            Thread hook = new Thread(lab::close, "vpnd-lab-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                lab.agent.awaitClosed();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook is what stopped the lab
                }
            }
        }
    }

    /** {@code ./vpnd lab down}: removes the lab of {@code layout}, whatever is left of it; idempotent. */
    public static void down(LabLayout layout, PrintStream out) {
        LabNetwork network = LabNetwork.of(layout);
        if (!network.exists()) {
            out.println("no lab to remove (" + layout.gatewayNamespace() + ", " + layout.customerNamespace() + ")");
            return;
        }
        network.down();
        out.println("lab removed: namespaces " + layout.gatewayNamespace() + " and " + layout.customerNamespace()
                + ", their charons and " + layout.stateDir());
    }

    /**
     * Makes the customer's device differ from the mirror of the gateway's plans: each mirrored tunnel as
     * {@code how} changes it, from the next plans the agent applies on. It plays a customer who typed a
     * setting otherwise (a wrong pre-shared key), to watch what the gateway then shows; {@code
     * UnaryOperator.identity()} is the plain mirror again.
     */
    public void editCustomer(UnaryOperator<TunnelPlan> how) {
        customer.edit(how);
    }

    public LabNetwork network() {
        return network;
    }

    /** Stops the agent and the customer side; the namespaces and charons stay. Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        agent.close();
        customer.close();
        gatewayCharon.close();
        customerCharon.close();
        say("lab agent stopped; the lab stays up (./vpnd lab down removes it)");
    }

    /** A tunnel's state in one word or a few: what a person watching the lab wants to know. */
    static String describe(TunnelReport tunnel) {
        String state = state(tunnel);
        return tunnel.health() == null ? state : state + ", health check " + tunnel.health();
    }

    private static String state(TunnelReport tunnel) {
        if (tunnel.configError() != null) {
            return "REFUSED: " + tunnel.configError();
        }
        if (tunnel.up()) {
            return "ESTABLISHED";
        }
        if (tunnel.ike() == SaState.ABSENT && tunnel.child() == SaState.ABSENT) {
            return "DOWN";
        }
        return "CONNECTING (IKE " + tunnel.ike() + ", CHILD " + tunnel.child() + ")";
    }

    private synchronized void say(String line) {
        out.println(LocalTime.now(ZoneId.systemDefault()).format(TIME) + " " + line);
        out.flush();
    }
}
