package dev.vpnd.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.agent.charon.CharonConfig;
import dev.vpnd.agent.charon.CharonPair;
import dev.vpnd.agent.charon.Plans;
import dev.vpnd.agent.charon.ViciCharon;
import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.agent.vici.ViciSession;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.IpsecConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reconciler driving a real charon ({@link CharonPair}'s gateway side) while the peer side is
 * loaded by hand: the tunnel comes up from the plan alone, a pass over the same plan changes
 * nothing, a restarted charon gets its tunnel back, a changed cipher is renegotiated, and a tunnel
 * that leaves the plan leaves charon.
 */
class ReconcilerCharonTest {
    private static CharonPair pair;

    @BeforeAll
    static void startCharons() {
        pair = CharonPair.start();
    }

    @AfterAll
    static void stopCharons() {
        if (pair != null) {
            pair.close();
        }
    }

    private static GatewayPlan plan(long revision, TunnelPlan... tunnels) {
        return new GatewayPlan("vgw-1", revision, Plans.GATEWAY, List.of(tunnels));
    }

    /** Reconciles until the tunnel's report satisfies {@code until} (a pass may fail while charon restarts). */
    private static TunnelReport reconcileUntil(Reconciler reconciler, GatewayPlan plan, Predicate<TunnelReport> until)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        TunnelReport last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = reconciler.reconcile(List.of(plan)).getFirst().tunnels().getFirst();
                if (until.test(last)) {
                    return last;
                }
            } catch (IOException e) {
                last = null;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the tunnel did not converge within 15 s: " + last + "\n" + pair.logs());
    }

    private static List<ViciMessage> gatewaySas() throws IOException {
        try (ViciSession session = pair.session(pair.gateway())) {
            return ViciCharon.listSas(session);
        }
    }

    @Test
    void theReconcilerBringsTheTunnelUpKeepsItAndTakesItAway() throws Exception {
        TunnelPlan tunnel = Plans.withInitiation(Plans.tunnel("vco-reconciled"), Initiation.IMMEDIATE);
        try (ViciSession peer = pair.session(pair.peer())) {
            TunnelPlan mirrored = Plans.mirrored(tunnel);
            assertThat(peer.command("load-shared", CharonConfig.loadShared(mirrored)).string("success"))
                    .contains("yes");
            assertThat(peer.command("load-conn", CharonConfig.loadConn(mirrored)).string("success"))
                    .contains("yes");
        }
        try (var charon = new ViciCharon(pair.gateway().vici(), Duration.ofSeconds(10))) {
            var reconciler = new Reconciler(charon);

            TunnelReport up = reconcileUntil(reconciler, plan(1, tunnel), TunnelReport::up);
            assertThat(up.configError()).isNull();
            assertThat(pair.ping(pair.gateway(), "10.2.0.1", 2)).as("ping; %s", pair.logs()).isTrue();
            String ikeSa = gatewaySas().getFirst().section(tunnel.name()).orElseThrow().string("uniqueid")
                    .orElseThrow();

            assertThat(reconciler.reconcile(List.of(plan(2, tunnel))).getFirst().tunnels().getFirst().up()).isTrue();
            assertThat(gatewaySas()).as("an unchanged plan leaves the SA alone").hasSize(1);
            assertThat(gatewaySas().getFirst().section(tunnel.name()).orElseThrow().string("uniqueid"))
                    .contains(ikeSa);

            pair.restart(pair.gateway());
            assertThat(reconcileUntil(reconciler, plan(2, tunnel), TunnelReport::up).up()).isTrue();
            assertThat(pair.ping(pair.gateway(), "10.2.0.1", 2)).as("ping after charon's restart").isTrue();

            var ipsec = tunnel.ipsec();
            TunnelPlan aes256 = Plans.withIpsec(tunnel, new IpsecConfig(Encryption.AES_256, ipsec.integrity(),
                    ipsec.pfs(), ipsec.lifetimeSeconds(), 0));
            try (ViciSession peer = pair.session(pair.peer())) {
                peer.command("load-conn", CharonConfig.loadConn(Plans.mirrored(aes256)));
            }
            reconcileUntil(reconciler, plan(3, aes256), report -> {
                try {
                    return report.up() && gatewaySas().getFirst().section(aes256.name()).orElseThrow()
                            .section("child-sas").orElseThrow().sections().getFirst().body().string("encr-keysize")
                            .orElse("").equals("256");
                } catch (IOException e) {
                    return false;
                }
            });

            assertThat(reconciler.reconcile(List.of(plan(4))).getFirst().tunnels()).isEmpty();
            assertThat(charon.connections()).isEmpty();
            assertThat(charon.sharedKeys()).isEmpty();
            assertThat(gatewaySas()).isEmpty();
            assertThat(pair.ping(pair.gateway(), "10.2.0.1", 1)).isFalse();
        }
    }
}
