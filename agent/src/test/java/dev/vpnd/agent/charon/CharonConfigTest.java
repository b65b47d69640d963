package dev.vpnd.agent.charon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The load-conn and load-shared messages built from tunnel plans (docs/vici.md, "Loading a tunnel"). */
class CharonConfigTest {
    private static final TunnelPlan PLAN = Plans.tunnel("vco-1");

    private static ViciMessage conn(TunnelPlan plan) {
        return CharonConfig.loadConn(plan).section(plan.name()).orElseThrow();
    }

    private static ViciMessage child(TunnelPlan plan) {
        return conn(plan).section("children").orElseThrow().section(plan.name()).orElseThrow();
    }

    @Test
    void anIkev2TunnelInFull() {
        ViciMessage expected = ViciMessage.builder().section("vco-1", c -> c
                .put("version", "2")
                .putList("local_addrs", List.of("198.51.100.1"))
                .putList("remote_addrs", List.of("198.51.100.2"))
                .putList("proposals", List.of("aes128-sha1-modp1024"))
                .put("rekey_time", "77760s")
                .put("over_time", "8640s")
                .put("dpd_delay", "30s")
                .section("local", l -> l.put("auth", "psk").put("id", "198.51.100.1"))
                .section("remote", r -> r.put("auth", "psk").put("id", "198.51.100.2"))
                .section("children", children -> children.section("vco-1", child -> child
                        .putList("local_ts", List.of("10.1.0.0/24"))
                        .putList("remote_ts", List.of("10.2.0.0/24"))
                        .putList("esp_proposals", List.of("aes128-sha1-modp1024"))
                        .put("mode", "tunnel")
                        .put("start_action", "none")
                        .put("dpd_action", "restart")
                        .put("rekey_time", "3240s")
                        .put("life_time", "3600s"))))
                .build();
        assertThat(CharonConfig.loadConn(PLAN)).isEqualTo(expected);
    }

    @Test
    void ikev1MainAndAggressiveMode() {
        ViciMessage main = conn(Plans.withVersion(PLAN, IkeVersion.V1, IkeMode.MAIN));
        assertThat(main.string("version")).contains("1");
        assertThat(main.string("aggressive")).contains("no");
        assertThat(main.string("dpd_timeout")).as("IKEv1 has a DPD timeout of its own").contains("120s");
        assertThat(conn(Plans.withVersion(PLAN, IkeVersion.V1, IkeMode.AGGRESSIVE)).string("aggressive"))
                .contains("yes");
        ViciMessage v2 = conn(Plans.withVersion(PLAN, IkeVersion.V2, IkeMode.AGGRESSIVE));
        assertThat(v2.string("aggressive")).as("IKEv2 has no modes").isEmpty();
        assertThat(v2.string("dpd_timeout")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"IMMEDIATE, start", "ON_TRAFFIC, trap", "PASSIVE, none"})
    void startActions(Initiation initiation, String action) {
        assertThat(CharonConfig.startAction(initiation)).isEqualTo(action);
        assertThat(child(Plans.withInitiation(PLAN, initiation)).string("start_action")).contains(action);
    }

    @ParameterizedTest
    @CsvSource({"CLEAR, clear", "RESTART, restart", "HOLD, trap", "RESTART_BY_PEER, clear"})
    void dpdActions(DpdAction dpdAction, String action) {
        assertThat(CharonConfig.dpdAction(dpdAction)).isEqualTo(action);
        var dpd = new TunnelPlan.DeadPeerDetection(true, 10, 30, dpdAction);
        assertThat(child(Plans.withDpd(PLAN, dpd)).string("dpd_action")).contains(action);
        assertThat(conn(Plans.withDpd(PLAN, dpd)).string("dpd_delay")).contains("10s");
    }

    @Test
    void withoutDeadPeerDetectionThereIsNoDelayNorAction() {
        TunnelPlan plan = Plans.withDpd(PLAN, new TunnelPlan.DeadPeerDetection(false, 0, 0, DpdAction.HOLD));
        assertThat(conn(plan).string("dpd_delay")).isEmpty();
        assertThat(child(plan).string("dpd_action")).isEmpty();
        assertThatThrownBy(() -> CharonConfig.loadConn(Plans.withDpd(PLAN,
                new TunnelPlan.DeadPeerDetection(true, 0, 30, DpdAction.HOLD))))
                .isInstanceOf(UnsupportedSettingException.class).hasMessageContaining("positive interval");
    }

    @Test
    void aVolumeLifetimeRekeysAtNinetyPercent() {
        TunnelPlan plan = Plans.withIpsec(PLAN, new IpsecConfig(PLAN.ipsec().encryption(), PLAN.ipsec().integrity(),
                PLAN.ipsec().pfs(), 28_800, 1_000));
        assertThat(child(plan).string("life_bytes")).contains("1024000");
        assertThat(child(plan).string("rekey_bytes")).contains("921600");
        assertThat(child(plan).string("life_time")).contains("28800s");
        assertThat(child(plan).string("rekey_time")).contains("25920s");
        assertThat(child(PLAN).string("life_bytes")).as("0 kilobytes: no volume limit").isEmpty();
    }

    @Test
    void identitiesDefaultToTheAddresses() {
        TunnelPlan named = Plans.withIke(PLAN, PLAN.ike().withIdentities("gw.example.net", "peer@example.org"));
        assertThat(conn(named).section("local").orElseThrow().string("id")).contains("gw.example.net");
        assertThat(conn(named).section("remote").orElseThrow().string("id")).contains("peer@example.org");
        TunnelPlan unnamed = Plans.withIke(PLAN, PLAN.ike().withIdentities("", ""));
        assertThat(conn(unnamed).section("local").orElseThrow().string("id")).contains("198.51.100.1");
        assertThat(conn(unnamed).section("remote").orElseThrow().string("id")).contains("198.51.100.2");
        assertThat(CharonConfig.loadShared(unnamed).strings("owners")).containsExactly("198.51.100.1",
                "198.51.100.2");
    }

    @Test
    void theSharedKey() {
        ViciMessage shared = CharonConfig.loadShared(PLAN);
        assertThat(shared).isEqualTo(ViciMessage.builder().put("id", "psk-vco-1").put("type", "IKE")
                .put("data", "psk-of-vco-1").putList("owners", List.of("198.51.100.1", "198.51.100.2")).build());
        assertThat(shared.toString()).doesNotContain("psk-of-vco-1");
        assertThatThrownBy(() -> CharonConfig.loadShared(Plans.withIke(PLAN, PLAN.ike().withPsk(Secret.EMPTY))))
                .isInstanceOf(UnsupportedSettingException.class).hasMessageContaining("no pre-shared key");
    }

    @Test
    void whatCharonCannotDoIsRefused() {
        TunnelPlan v1 = Plans.withVersion(PLAN, IkeVersion.V1, IkeMode.MAIN);
        assertThatThrownBy(() -> CharonConfig.loadConn(Plans.withSubnets(v1, List.of("10.1.0.0/24", "10.3.0.0/24"),
                List.of("10.2.0.0/24")))).isInstanceOf(UnsupportedSettingException.class)
                .hasMessageContaining("IKEv1 negotiates one subnet per side");
        assertThat(child(Plans.withSubnets(PLAN, List.of("10.1.0.0/24", "10.3.0.0/24"), List.of("10.2.0.0/24")))
                .strings("local_ts")).containsExactly("10.1.0.0/24", "10.3.0.0/24");
        var ike = PLAN.ike();
        assertThatThrownBy(() -> CharonConfig.loadConn(Plans.withIke(PLAN, new IkeConfig(ike.version(), ike.mode(),
                ike.encryption(), ike.integrity(), ike.dhGroup(), 0, ike.localId(), ike.remoteId(), ike.psk()))))
                .isInstanceOf(UnsupportedSettingException.class).hasMessageContaining("IKE lifetime must be positive");
        TunnelPlan badName = new TunnelPlan("bad name", "x", 0, PLAN.localAddress(), PLAN.peerAddress(), ike,
                PLAN.ipsec(), PLAN.localSubnets(), PLAN.remoteSubnets(), PLAN.dpd(), true, Initiation.PASSIVE, null);
        assertThatThrownBy(() -> CharonConfig.loadConn(badName)).isInstanceOf(UnsupportedSettingException.class)
                .hasMessageContaining("'bad name'");
    }
}
