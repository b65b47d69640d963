package dev.vpnd.agent.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.agent.FakeVpnd;
import dev.vpnd.agent.charon.CharonPair;
import dev.vpnd.agent.charon.Plans;
import dev.vpnd.agent.charon.ViciCharon;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.Initiation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lab for real, with a {@link FakeVpnd}: a plan for a connection whose peer is the lab's customer
 * device configures both charons, the tunnel comes up, is printed and reported established, and the
 * gateway's subnet pings the customer's; a second lab finds the first one's charons and keeps them;
 * down leaves nothing, and down again finds nothing to do.
 */
class LabTest {
    private FakeVpnd vpnd;
    private LabLayout layout;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() {
        layout = CharonPair.freshLayout();
        vpnd = FakeVpnd.start(60);
    }

    @AfterEach
    void stop() {
        vpnd.close();
        LabNetwork.of(layout).down();
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static List<Long> charonPids(LabNetwork.Side side) {
        var pids = new ArrayList<Long>();
        String listed = Commands.run(List.of("ip", "netns", "pids", side.namespace()), Duration.ofSeconds(10))
                .output();
        for (String pid : listed.strip().split("\\s+", -1)) {
            if (!pid.isEmpty()) {
                pids.add(Long.parseLong(pid));
            }
        }
        return pids;
    }

    @Test
    void aConnectionToTheCustomerComesUpBothSidesAndTrafficCrosses() throws Exception {
        var settings = new LabSettings(vpnd.url(), FakeVpnd.TOKEN, layout);
        TunnelPlan tunnel = Plans.tunnel("vco-lab");
        TunnelPlan elsewhere = new TunnelPlan("vco-elsewhere", "vco-elsewhere", 0, Plans.GATEWAY, "203.0.113.9",
                tunnel.ike().withIdentities(Plans.GATEWAY, "203.0.113.9"), tunnel.ipsec(), List.of("10.1.0.0/24"),
                List.of("10.3.0.0/24"), tunnel.dpd(), true, Initiation.PASSIVE, null);
        LabNetwork network;
        List<Long> gatewayCharon;
        try (Lab lab = Lab.start(settings, out)) {
            network = lab.network();
            assertThat(printed()).contains("lab up:", "ip netns exec " + layout.gatewayNamespace() + " ping");
            long since = System.nanoTime();
            vpnd.serve("vgw-lab", LabNetwork.GATEWAY_ADDRESS, tunnel, elsewhere);
            vpnd.awaitReport(since, r -> r.tunnel(tunnel.name()).map(TunnelReport::up).orElse(false),
                    Duration.ofSeconds(10));
            assertThat(vpnd.hellos().getFirst().publicAddress()).isEqualTo(LabNetwork.GATEWAY_ADDRESS);
            assertThat(network.ping(network.gateway(), LabNetwork.CUSTOMER_HOST, 2)).as("ping; %s", network.logs())
                    .isTrue();
            try (var customer = new ViciCharon(network.customer().vici(), Duration.ofSeconds(10))) {
                assertThat(customer.connections()).as("only the customer's tunnel is mirrored")
                        .containsExactly(tunnel.name());
            }
            gatewayCharon = charonPids(network.gateway());
            assertThat(gatewayCharon).hasSize(1);
        }
        assertThat(printed()).contains("vco-lab ESTABLISHED", "lab agent stopped");
        assertThat(network.ping(network.gateway(), LabNetwork.CUSTOMER_HOST, 1)).as("the lab stays up").isTrue();

        try (Lab again = Lab.start(settings, out)) {
            assertThat(charonPids(again.network().gateway())).as("a running charon is kept").isEqualTo(gatewayCharon);
        }

        List<Long> charons = new ArrayList<>(gatewayCharon);
        charons.addAll(charonPids(network.customer()));
        printed.reset();
        Lab.down(layout, out);
        assertThat(printed()).contains("lab removed");
        assertThat(LabNetwork.namespaces()).doesNotContain(layout.gatewayNamespace(), layout.customerNamespace());
        assertThat(Files.exists(layout.stateDir())).isFalse();
        for (long pid : charons) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("charon %s", pid).isFalse();
        }
        printed.reset();
        Lab.down(layout, out);
        assertThat(printed()).contains("no lab to remove");
    }

    /**
     * The customer's device gets a tunnel the gateway starts before the gateway does: the gateway's
     * first attempt is answered, not refused and tried again on the agent's next pass (a minute here).
     */
    @Test
    void aTunnelTheGatewayStartsFindsTheCustomerReady() throws Exception {
        TunnelPlan started = Plans.withInitiation(Plans.tunnel("vco-started"), Initiation.IMMEDIATE);
        try (Lab lab = Lab.start(new LabSettings(vpnd.url(), FakeVpnd.TOKEN, layout), out)) {
            long since = System.nanoTime();
            vpnd.serve("vgw-lab", LabNetwork.GATEWAY_ADDRESS, started);
            vpnd.awaitReport(since, r -> r.tunnel(started.name()).map(TunnelReport::up).orElse(false),
                    Duration.ofSeconds(5));
            assertThat(Files.readString(lab.network().customer().log(), StandardCharsets.UTF_8))
                    .as("the customer's charon").doesNotContain("no IKE config found");
        }
    }

    @Test
    void upRepairsWhatAKilledRunLeft() throws IOException {
        LabNetwork network = LabNetwork.of(layout).up();
        List<Long> before = charonPids(network.customer());
        // a killed run's leftovers: one charon gone, the veth pair deleted
        ProcessHandle.of(before.getFirst()).ifPresent(ProcessHandle::destroyForcibly);
        Commands.run(List.of("ip", "-n", layout.gatewayNamespace(), "link", "del", "veth-gw"), Duration.ofSeconds(10));
        network.up();
        assertThat(charonPids(network.customer())).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(Commands.run(List.of("ip", "netns", "exec", layout.gatewayNamespace(), "ping", "-n", "-q", "-c",
                "1", "-W", "2", LabNetwork.CUSTOMER_ADDRESS), Duration.ofSeconds(10)).ok()).as("the veth pair is back")
                .isTrue();
    }
}
