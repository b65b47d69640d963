package dev.vpnd.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What in a report is news for vpnd, and which tunnels changed: the agent's decision to report at once. */
class ReportChangesTest {
    private static TunnelReport tunnel(String name, SaState state, long bytes, String error) {
        return new TunnelReport(name, state, state, bytes, bytes, bytes / 100, bytes / 100, error);
    }

    private static List<GatewayReport> report(long revision, TunnelReport... tunnels) {
        return List.of(new GatewayReport("vgw-1", revision, List.of(tunnels)));
    }

    private static final List<GatewayReport> UP = report(3, tunnel("vco-a", SaState.ESTABLISHED, 1_000, null),
            tunnel("vco-b", SaState.ABSENT, 0, null));

    @Test
    void countersAreNotNews() {
        assertThat(ReportChanges.isNews(UP, report(3, tunnel("vco-a", SaState.ESTABLISHED, 9_000, null),
                tunnel("vco-b", SaState.ABSENT, 0, null)))).isFalse();
        assertThat(ReportChanges.changed(UP, UP)).isEmpty();
    }

    @Test
    void statesErrorsRevisionsAndTunnelsAreNews() {
        assertThat(ReportChanges.isNews(null, UP)).isTrue();
        assertThat(ReportChanges.isNews(UP, report(4, UP.getFirst().tunnels().toArray(TunnelReport[]::new))))
                .as("another applied revision").isTrue();
        List<GatewayReport> down = report(3, tunnel("vco-a", SaState.CONNECTING, 1_000, null),
                tunnel("vco-b", SaState.ABSENT, 0, null));
        assertThat(ReportChanges.isNews(UP, down)).isTrue();
        assertThat(ReportChanges.changed(UP, down)).extracting(c -> c.tunnel().name()).containsExactly("vco-a");
        List<GatewayReport> refused = report(3, tunnel("vco-a", SaState.ESTABLISHED, 1_000, null),
                tunnel("vco-b", SaState.ABSENT, 0, "refused"));
        assertThat(ReportChanges.isNews(UP, refused)).isTrue();
        List<GatewayReport> fewer = report(3, tunnel("vco-a", SaState.ESTABLISHED, 1_000, null));
        assertThat(ReportChanges.isNews(UP, fewer)).isTrue();
        assertThat(ReportChanges.removed(UP, fewer)).extracting(c -> c.tunnel().name()).containsExactly("vco-b");
        assertThat(ReportChanges.changed(fewer, UP)).extracting(c -> c.tunnel().name()).containsExactly("vco-b");
    }

    @Test
    void aHealthVerdictIsNews() {
        List<GatewayReport> unknown = report(3, tunnel("vco-a", SaState.ESTABLISHED, 1_000, null)
                .withHealth(Health.UNKNOWN));
        List<GatewayReport> healthy = report(3, tunnel("vco-a", SaState.ESTABLISHED, 1_000, null)
                .withHealth(Health.UP));
        assertThat(ReportChanges.isNews(unknown, healthy)).isTrue();
        assertThat(ReportChanges.changed(unknown, healthy)).extracting(c -> c.tunnel().health())
                .containsExactly(Health.UP);
        assertThat(ReportChanges.isNews(healthy, report(3, tunnel("vco-a", SaState.ESTABLISHED, 5_000, null)
                .withHealth(Health.UP)))).as("the same verdict, more traffic").isFalse();
    }
}
