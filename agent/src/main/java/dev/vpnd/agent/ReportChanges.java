package dev.vpnd.agent;

import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What in a new report is news for vpnd: an applied revision, a tunnel added or removed, a tunnel's
 * IKE or CHILD state, a configuration error, a health check's verdict. Traffic counters are not: they
 * change with every packet, and go out with the periodic report.
 */
final class ReportChanges {
    private ReportChanges() {
    }

    /** A tunnel as far as its state goes. */
    private record State(SaState ike, SaState child, String configError, Health health) {
        static State of(TunnelReport tunnel) {
            return new State(tunnel.ike(), tunnel.child(), tunnel.configError(), tunnel.health());
        }
    }

    /** Whether {@code now} says something {@code before} did not (any difference when {@code before} is null). */
    static boolean isNews(List<GatewayReport> before, List<GatewayReport> now) {
        if (before == null || before.size() != now.size()) {
            return true;
        }
        for (int i = 0; i < now.size(); i++) {
            GatewayReport a = before.get(i);
            GatewayReport b = now.get(i);
            if (!a.gatewayId().equals(b.gatewayId()) || a.appliedRevision() != b.appliedRevision()
                    || !states(a).equals(states(b))) {
                return true;
            }
        }
        return false;
    }

    /** A tunnel whose state changed, with its gateway. */
    record Changed(String gatewayId, TunnelReport tunnel) {
    }

    /** The tunnels of {@code now} that are new since {@code before} or whose state changed, in order. */
    static List<Changed> changed(List<GatewayReport> before, List<GatewayReport> now) {
        Map<String, State> was = new HashMap<>();
        if (before != null) {
            before.forEach(gateway -> was.putAll(states(gateway)));
        }
        var changed = new ArrayList<Changed>();
        for (GatewayReport gateway : now) {
            for (TunnelReport tunnel : gateway.tunnels()) {
                if (!Objects.equals(was.get(tunnel.name()), State.of(tunnel))) {
                    changed.add(new Changed(gateway.gatewayId(), tunnel));
                }
            }
        }
        return changed;
    }

    /** The tunnels of {@code before} that are in no gateway of {@code now}, by gateway. */
    static List<Changed> removed(List<GatewayReport> before, List<GatewayReport> now) {
        if (before == null) {
            return List.of();
        }
        Map<String, State> still = new HashMap<>();
        now.forEach(gateway -> still.putAll(states(gateway)));
        var removed = new ArrayList<Changed>();
        for (GatewayReport gateway : before) {
            for (TunnelReport tunnel : gateway.tunnels()) {
                if (!still.containsKey(tunnel.name())) {
                    removed.add(new Changed(gateway.gatewayId(), tunnel));
                }
            }
        }
        return removed;
    }

    private static Map<String, State> states(GatewayReport gateway) {
        var states = new LinkedHashMap<String, State>();
        gateway.tunnels().forEach(tunnel -> states.put(tunnel.name(), State.of(tunnel)));
        return states;
    }
}
