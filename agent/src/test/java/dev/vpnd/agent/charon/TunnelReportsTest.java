package dev.vpnd.agent.charon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** charon's states and listings read as tunnel reports (docs/vici.md, "Reading a tunnel's state"). */
class TunnelReportsTest {

    @ParameterizedTest
    @CsvSource({"CREATED, CONNECTING", "CONNECTING, CONNECTING", "ESTABLISHED, ESTABLISHED", "PASSIVE, CONNECTING",
        "REKEYING, CONNECTING", "REKEYED, CONNECTING", "DELETING, CONNECTING", "DESTROYING, ABSENT",
        "SOMETHING_NEW, CONNECTING"})
    void ikeStates(String charon, SaState state) {
        assertThat(SaStates.ike(charon)).isEqualTo(state);
    }

    @ParameterizedTest
    @CsvSource({"CREATED, CONNECTING", "ROUTED, ABSENT", "INSTALLING, CONNECTING", "INSTALLED, ESTABLISHED",
        "UPDATING, CONNECTING", "REKEYING, CONNECTING", "REKEYED, CONNECTING", "RETRYING, CONNECTING",
        "DELETING, CONNECTING", "DELETED, ABSENT", "DESTROYING, ABSENT", "SOMETHING_NEW, CONNECTING"})
    void childStates(String charon, SaState state) {
        assertThat(SaStates.child(charon)).isEqualTo(state);
    }

    /** A list-sa event as charon sends it, trimmed to what matters here. */
    private static ViciMessage ikeSa(String name, String state, ViciMessage children) {
        return ViciMessage.builder().section(name, sa -> {
            sa.put("uniqueid", "12").put("version", "2").put("state", state).put("local-host", "198.51.100.1")
                    .put("remote-host", "198.51.100.2");
            if (children != null) {
                sa.putSection("child-sas", children);
            }
        }).build();
    }

    private static ViciMessage children(String... stateAndCounters) {
        var children = ViciMessage.builder();
        for (int i = 0; i < stateAndCounters.length; i++) {
            String[] fields = stateAndCounters[i].split(" ", -1);
            children.section("vco-1-" + (i + 1), child -> child.put("name", "vco-1").put("state", fields[0])
                    .put("mode", "TUNNEL").put("bytes-in", fields[1]).put("packets-in", fields[2])
                    .put("bytes-out", fields[3]).put("packets-out", fields[4])
                    .putList("local-ts", List.of("10.1.0.0/24")).putList("remote-ts", List.of("10.2.0.0/24")));
        }
        return children.build();
    }

    /** A peer's IKEv1 main mode before its identity arrived: no tunnel, and nothing to remove. */
    @Test
    void anIkeSaWithoutAConnectionIsNoTunnel() {
        Map<String, TunnelReport> reports = TunnelReports.fromListSas(List.of(ikeSa("(unnamed)", "CONNECTING", null),
                ikeSa("vco-1", "CONNECTING", null)));
        assertThat(reports).containsOnlyKeys("vco-1");
    }

    @Test
    void anEstablishedTunnel() {
        Map<String, TunnelReport> reports = TunnelReports.fromListSas(List.of(
                ikeSa("vco-1", "ESTABLISHED", children("INSTALLED 168 2 336 4"))));
        assertThat(reports).containsOnlyKeys("vco-1");
        assertThat(reports.get("vco-1")).isEqualTo(new TunnelReport("vco-1", SaState.ESTABLISHED,
                SaState.ESTABLISHED, 168, 336, 2, 4, null));
        assertThat(reports.get("vco-1").up()).isTrue();
    }

    @Test
    void aTunnelBeingRekeyedIsStillUpAndItsCountersAddUp() {
        Map<String, TunnelReport> reports = TunnelReports.fromListSas(List.of(
                ikeSa("vco-1", "REKEYED", children("INSTALLED 100 1 100 1")),
                ikeSa("vco-1", "ESTABLISHED", children("REKEYED 1000 10 2000 20", "INSTALLED 5 1 7 1")),
                ikeSa("vco-2", "CONNECTING", null)));
        assertThat(reports.get("vco-1")).isEqualTo(new TunnelReport("vco-1", SaState.ESTABLISHED,
                SaState.ESTABLISHED, 1105, 2107, 12, 22, null));
        assertThat(reports.get("vco-2")).isEqualTo(new TunnelReport("vco-2", SaState.CONNECTING, SaState.ABSENT,
                0, 0, 0, 0, null));
        assertThat(reports.get("vco-2").up()).isFalse();
    }

    @Test
    void countersCharonCannotHaveMeantCountAsNothing() {
        TunnelReport report = TunnelReports.fromListSas(List.of(ikeSa("vco-1", "ESTABLISHED",
                children("INSTALLED x 1 18446744073709551615 -3")))).get("vco-1");
        assertThat(report.bytesIn()).isZero();
        assertThat(report.bytesOut()).isEqualTo(Long.MAX_VALUE);
        assertThat(report.packetsOut()).isZero();
    }

    @Test
    void aTunnelWithoutSasIsAbsent() {
        assertThat(TunnelReports.fromListSas(List.of())).isEmpty();
        assertThat(TunnelReports.absent("vco-1")).isEqualTo(new TunnelReport("vco-1", SaState.ABSENT,
                SaState.ABSENT, 0, 0, 0, 0, null));
    }

    @Test
    void upAndDownEvents() {
        ViciMessage ikeUp = ViciMessage.builder().put("up", "yes").putSection("vco-1",
                ikeSa("vco-1", "ESTABLISHED", null).section("vco-1").orElseThrow()).build();
        TunnelReports.UpDown up = TunnelReports.fromUpDown("ike-updown", ikeUp);
        assertThat(up.tunnel()).isEqualTo("vco-1");
        assertThat(up.kind()).isEqualTo(TunnelReports.SaKind.IKE);
        assertThat(up.up()).isTrue();
        assertThat(up.report().ike()).isEqualTo(SaState.ESTABLISHED);

        ViciMessage childDown = ikeSa("vco-1", "ESTABLISHED", children("DELETING 168 2 168 2"));
        TunnelReports.UpDown down = TunnelReports.fromUpDown("child-updown", childDown);
        assertThat(down.up()).as("a down event has no 'up' at all").isFalse();
        assertThat(down.report()).isEqualTo(new TunnelReport("vco-1", SaState.ESTABLISHED, SaState.ABSENT, 168, 168,
                2, 2, null));

        TunnelReports.UpDown ikeDown = TunnelReports.fromUpDown("ike-updown", ikeSa("vco-1", "DELETING", null));
        assertThat(ikeDown.report().ike()).isEqualTo(SaState.ABSENT);

        assertThatThrownBy(() -> TunnelReports.fromUpDown("ike-rekey", ikeUp))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TunnelReports.fromUpDown("ike-updown", ViciMessage.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 0 IKE_SAs");
    }
}
