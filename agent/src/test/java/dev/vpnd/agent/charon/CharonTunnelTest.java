package dev.vpnd.agent.charon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.agent.vici.ViciSession;
import dev.vpnd.agent.vici.ViciSubscription;
import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real tunnels between two real charons ({@link CharonPair}), driven only through vpnd's VICI client
 * and its plan mapping: the gateway loads a {@link TunnelPlan}, the peer the same tunnel mirrored,
 * and what charon then lists is read back as {@link TunnelReport}s. Traffic really crosses: pings
 * between the two subnets pass only while the tunnel is up.
 */
class CharonTunnelTest {
    private static CharonPair pair;
    private static ViciSession gateway;
    private static ViciSession peer;

    @BeforeAll
    static void startCharons() throws IOException {
        pair = CharonPair.start();
        gateway = pair.session(pair.gateway());
        peer = pair.session(pair.peer());
    }

    @AfterAll
    static void stopCharons() {
        if (gateway != null) {
            gateway.close();
            peer.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @BeforeEach
    @AfterEach
    void emptyBothCharons() throws IOException {
        for (ViciSession charon : List.of(gateway, peer)) {
            for (String ike : reports(charon).keySet()) {
                charon.command("terminate", ViciMessage.builder().put("ike", ike).put("force", "yes")
                        .put("timeout", "-1").build());
            }
            for (String conn : charon.command("get-conns", ViciMessage.EMPTY).strings("conns")) {
                charon.command("unload-conn", ViciMessage.builder().put("name", conn).build());
            }
            for (String key : charon.command("get-shared", ViciMessage.EMPTY).strings("keys")) {
                charon.command("unload-shared", ViciMessage.builder().put("id", key).build());
            }
            await("charon holds no SA", () -> reports(charon).isEmpty());
        }
    }

    private static ViciMessage succeeded(ViciMessage response) {
        assertThat(response.string("success")).as("%s; %s", response, pair.logs()).contains("yes");
        return response;
    }

    private static void load(ViciSession charon, TunnelPlan plan) throws IOException {
        succeeded(charon.command("load-shared", CharonConfig.loadShared(plan)));
        succeeded(charon.command("load-conn", CharonConfig.loadConn(plan)));
    }

    /** Loads the tunnel on both sides: the peer first, so that it is ready when the gateway starts. */
    private static void loadBoth(TunnelPlan plan) throws IOException {
        load(peer, Plans.mirrored(plan));
        load(gateway, plan);
    }

    private static ViciMessage initiate(String tunnel) throws IOException {
        return gateway.command("initiate", ViciMessage.builder().put("child", tunnel).put("timeout", "15000")
                .build(), Duration.ofSeconds(20));
    }

    private static List<ViciMessage> listSas(ViciSession charon) throws IOException {
        return ViciCharon.listSas(charon);
    }

    private static Map<String, TunnelReport> reports(ViciSession charon) {
        try {
            return TunnelReports.fromListSas(listSas(charon));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static TunnelReport report(ViciSession charon, String tunnel) {
        return reports(charon).getOrDefault(tunnel, TunnelReports.absent(tunnel));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s within 10 s; %s", what, pair.logs()).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"V2, MAIN", "V1, MAIN", "V1, AGGRESSIVE"})
    void aTunnelComesUpCarriesTrafficAndGoesAway(IkeVersion version, IkeMode mode) throws IOException {
        String name = "vco-" + version.name().toLowerCase(java.util.Locale.ROOT) + "-" + mode.name()
                .toLowerCase(java.util.Locale.ROOT);
        TunnelPlan plan = Plans.withVersion(Plans.tunnel(name), version, mode);
        loadBoth(plan);
        assertThat(pair.ping(pair.gateway(), "10.2.0.1", 1)).as("no tunnel, no route").isFalse();
        assertThat(report(gateway, name).ike()).isEqualTo(SaState.ABSENT);

        succeeded(initiate(name));
        TunnelReport up = report(gateway, name);
        assertThat(up.up()).as("%s; %s", up, pair.logs()).isTrue();
        // IKEv1's responder installs its CHILD_SA on Quick Mode's last message, which the initiator
        // sends after it has installed its own: the peer may be a moment behind.
        await("the peer's side is up too", () -> report(peer, name).up());
        ViciMessage ikeSa = listSas(gateway).getFirst().section(name).orElseThrow();
        assertThat(ikeSa.string("version")).contains(version == IkeVersion.V1 ? "1" : "2");

        assertThat(pair.ping(pair.gateway(), "10.2.0.1", 2)).as("ping through the tunnel; %s", pair.logs())
                .isTrue();
        TunnelReport counted = report(gateway, name);
        assertThat(counted.packetsOut()).isGreaterThanOrEqualTo(2);
        assertThat(counted.packetsIn()).isGreaterThanOrEqualTo(2);
        assertThat(counted.bytesOut()).isGreaterThan(0);

        succeeded(gateway.command("terminate", ViciMessage.builder().put("ike", name).put("timeout", "5000").build()));
        await("the tunnel is gone on both sides", () -> report(gateway, name).ike() == SaState.ABSENT
                && report(peer, name).ike() == SaState.ABSENT);
        assertThat(pair.ping(pair.gateway(), "10.2.0.1", 1)).as("no tunnel, no traffic").isFalse();
    }

    @Test
    void aWrongPreSharedKeyNeverComesUp() throws IOException {
        TunnelPlan plan = Plans.tunnel("vco-wrong-psk");
        TunnelPlan mirrored = Plans.mirrored(plan);
        load(peer, Plans.withIke(mirrored, mirrored.ike().withPsk(new Secret("not-the-same-key"))));
        load(gateway, plan);
        ViciMessage response = initiate(plan.name());
        assertThat(response.string("success")).contains("no");
        assertThat(report(gateway, plan.name()).up()).isFalse();
        assertThat(report(peer, plan.name()).up()).isFalse();
        assertThat(pair.ping(pair.gateway(), "10.2.0.1", 1)).isFalse();
    }

    @Test
    void aModifiedTunnelRunsItsNewCipherOnceRenegotiated() throws IOException {
        TunnelPlan plan = Plans.tunnel("vco-modify");
        loadBoth(plan);
        succeeded(initiate(plan.name()));
        ViciMessage before = listSas(gateway).getFirst().section(plan.name()).orElseThrow();
        assertThat(before.string("encr-keysize")).contains("128");

        var ike = plan.ike();
        TunnelPlan modified = Plans.withIpsec(Plans.withIke(plan, new IkeConfig(ike.version(), ike.mode(),
                Encryption.AES_256, Integrity.SHA256, DhGroup.MODP_2048, ike.lifetimeSeconds(), ike.localId(),
                ike.remoteId(), ike.psk())), new IpsecConfig(Encryption.AES_256, Integrity.SHA256, DhGroup.MODP_2048,
                plan.ipsec().lifetimeSeconds(), 0));
        loadBoth(modified);
        assertThat(listSas(gateway).getFirst().section(plan.name()).orElseThrow().string("encr-keysize"))
                .as("loading a connection leaves its SAs as they are").contains("128");
        succeeded(gateway.command("terminate", ViciMessage.builder().put("ike", plan.name()).put("timeout", "5000")
                .build()));
        succeeded(initiate(plan.name()));

        ViciMessage after = listSas(gateway).getFirst().section(plan.name()).orElseThrow();
        assertThat(after.string("state")).contains("ESTABLISHED");
        assertThat(after.string("encr-alg")).contains("AES_CBC");
        assertThat(after.string("encr-keysize")).contains("256");
        assertThat(after.string("integ-alg")).contains("HMAC_SHA2_256_128");
        assertThat(after.string("dh-group")).contains("MODP_2048");
        ViciMessage child = after.section("child-sas").orElseThrow().sections().getFirst().body();
        assertThat(child.string("encr-keysize")).contains("256");
        assertThat(child.string("integ-alg")).contains("HMAC_SHA2_256_128");
        assertThat(pair.ping(pair.gateway(), "10.2.0.1", 2)).isTrue();
    }

    @Test
    void upAndDownEventsArriveOnTheSubscription() throws Exception {
        TunnelPlan plan = Plans.tunnel("vco-events");
        var events = new CopyOnWriteArrayList<TunnelReports.UpDown>();
        try (var subscription = ViciSubscription.open(pair.gateway().vici(), List.of("ike-updown", "child-updown"),
                (event, message) -> events.add(TunnelReports.fromUpDown(event, message)), Duration.ofSeconds(5))) {
            loadBoth(plan);
            succeeded(initiate(plan.name()));
            await("ike and child up", () -> events.size() >= 2);
            succeeded(gateway.command("terminate", ViciMessage.builder().put("ike", plan.name())
                    .put("timeout", "5000").build()));
            await("ike and child down", () -> events.size() >= 4);
            assertThat(subscription.isOpen()).isTrue();
        }
        var seen = new ArrayList<String>();
        for (TunnelReports.UpDown event : events) {
            assertThat(event.tunnel()).isEqualTo(plan.name());
            seen.add(event.kind() + (event.up() ? " up" : " down"));
        }
        assertThat(seen.subList(0, 2)).containsExactly("IKE up", "CHILD up");
        assertThat(seen.subList(2, 4)).containsExactlyInAnyOrder("IKE down", "CHILD down");
        assertThat(events.get(1).report().up()).isTrue();
        assertThat(events.get(2).report().up()).isFalse();
    }

    /**
     * An on-traffic tunnel installs a trap policy when loaded. What the trap then does (start the tunnel
     * on the first packet) needs the kernel's XFRM: userspace ESP drops a packet without SA and sends
     * charon no acquire, so on these machines only the trap itself can be checked.
     */
    @Test
    void aTunnelStartedOnTrafficInstallsATrap() throws IOException {
        TunnelPlan plan = Plans.withInitiation(Plans.tunnel("vco-on-traffic"), Initiation.ON_TRAFFIC);
        loadBoth(plan);
        List<ViciMessage> traps = gateway.streamed("list-policies", ViciMessage.builder().put("trap", "yes").build(),
                "list-policy").events();
        assertThat(traps).hasSize(1);
        ViciMessage trap = traps.getFirst().sections().getFirst().body();
        assertThat(trap.string("child")).contains(plan.name());
        assertThat(trap.string("mode")).contains("TUNNEL");
        assertThat(trap.strings("local-ts")).containsExactly(Plans.GATEWAY_SUBNET);
        assertThat(trap.strings("remote-ts")).containsExactly(Plans.PEER_SUBNET);
        assertThat(report(gateway, plan.name()).ike()).isEqualTo(SaState.ABSENT);
    }

    @Test
    void aTunnelStartedAtOnceComesUpWhenLoaded() throws IOException {
        TunnelPlan plan = Plans.withInitiation(Plans.tunnel("vco-immediate"), Initiation.IMMEDIATE);
        loadBoth(plan);
        await("loading started the tunnel", () -> report(gateway, plan.name()).up());
        assertThat(pair.ping(pair.gateway(), "10.2.0.1", 2)).isTrue();
    }

    /** charon accepts every keyword of the algorithm tables, and refuses what the tables refuse. */
    @Test
    void charonKnowsEveryKeywordOfTheTables() throws IOException {
        TunnelPlan base = Plans.tunnel("vco-algorithms");
        var refused = new ArrayList<String>();
        for (Encryption encryption : Encryption.values()) {
            for (IkeVersion version : IkeVersion.values()) {
                var ike = base.ike();
                TunnelPlan plan = Plans.withVersion(Plans.withIke(base, new IkeConfig(ike.version(), ike.mode(),
                        encryption, Integrity.SHA256, DhGroup.MODP_2048, ike.lifetimeSeconds(), ike.localId(),
                        ike.remoteId(), ike.psk())), version, IkeMode.MAIN);
                refused.addAll(loadsOrIsRefused(plan));
                refused.addAll(loadsOrIsRefused(Plans.withIpsec(base, new IpsecConfig(encryption, Integrity.SHA1,
                        DhGroup.MODP_1024, 3600, 0))));
            }
        }
        for (Integrity integrity : Integrity.values()) {
            var ike = base.ike();
            refused.addAll(loadsOrIsRefused(Plans.withIke(base, new IkeConfig(ike.version(), ike.mode(),
                    Encryption.AES_128_GCM, integrity, DhGroup.MODP_2048, ike.lifetimeSeconds(), ike.localId(),
                    ike.remoteId(), ike.psk()))));
            refused.addAll(loadsOrIsRefused(Plans.withIpsec(base, new IpsecConfig(Encryption.AES_128, integrity,
                    DhGroup.NONE, 3600, 0))));
        }
        for (DhGroup group : DhGroup.values()) {
            var ike = base.ike();
            refused.addAll(loadsOrIsRefused(Plans.withIke(base, new IkeConfig(ike.version(), ike.mode(),
                    Encryption.AES_128, Integrity.SHA1, group, ike.lifetimeSeconds(), ike.localId(), ike.remoteId(),
                    ike.psk()))));
            refused.addAll(loadsOrIsRefused(Plans.withIpsec(base, new IpsecConfig(Encryption.AES_128, Integrity.SHA1,
                    group, 3600, 0))));
        }
        assertThat(refused).as("refused by vpnd's tables").containsOnly("strongSwan has no SM4 cipher",
                "strongSwan has no SM3 integrity algorithm", "strongSwan has no SM3 pseudo-random function",
                "IKEv1 cannot protect its IKE SA with aes128gcm16 (no AEAD ciphers in IKEv1 phase 1)",
                "IKEv1 cannot protect its IKE SA with aes192gcm16 (no AEAD ciphers in IKEv1 phase 1)",
                "IKEv1 cannot protect its IKE SA with aes256gcm16 (no AEAD ciphers in IKEv1 phase 1)",
                "IKE cannot run without encryption (null cipher)", "IKE needs a Diffie-Hellman group");
        // and what the tables refuse, charon does not know either
        for (String proposal : List.of("sm4-sha1-modp1024", "aes128-sm3-modp1024")) {
            ViciMessage conn = ViciMessage.builder().section("vco-sm", c -> c.putList("proposals",
                    List.of(proposal))).build();
            assertThat(gateway.command("load-conn", conn).string("success")).as(proposal).contains("no");
        }
    }

    /** Loads {@code plan} on the gateway and unloads it again; what vpnd's tables refused, with the reason. */
    private static List<String> loadsOrIsRefused(TunnelPlan plan) throws IOException {
        ViciMessage conn;
        try {
            conn = CharonConfig.loadConn(plan);
        } catch (UnsupportedSettingException e) {
            return List.of(e.getMessage());
        }
        ViciMessage response = gateway.command("load-conn", conn);
        assertThat(response.string("success")).as("charon loads %s", conn).contains("yes");
        succeeded(gateway.command("unload-conn", ViciMessage.builder().put("name", plan.name()).build()));
        return List.of();
    }
}
