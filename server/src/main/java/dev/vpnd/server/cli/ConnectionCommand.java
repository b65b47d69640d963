package dev.vpnd.server.cli;

import dev.vpnd.core.dataplane.AgentPresence;
import dev.vpnd.core.dataplane.StatusTransition;
import dev.vpnd.core.dataplane.TunnelObservation;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.service.DataPlaneService.StatusView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * VPN connections as the operator sees them: {@code vpnd connection status ID} prints a connection's
 * negotiation status and each tunnel's, whether its gateway's agent serves it and has applied its
 * latest change, the daemon's refusal if any, and when its status last changed, newest first (the
 * latest 50 changes per tunnel). No cloud's API has a field for when a tunnel went up or down, so
 * this is where that history is shown (docs/agent-protocol.md, "Status history").
 */
@Command(name = "connection", mixinStandardHelpOptions = true, description = "VPN connections: their status.",
        subcommands = {ConnectionCommand.Status.class})
public final class ConnectionCommand {
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show a connection's tunnel status, its agent, and when its status changed.")
    static final class Status implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(paramLabel = "ID", description = "The connection's id in any API's form (vco-..., vpnx-..., "
                + "the legacy number, or OpenStack's UUID).")
        String id;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return DataPlaneAdmin.run(data, plane -> {
                var ref = DataPlaneAdmin.resolveConnection(plane, id);
                if (ref.isEmpty()) {
                    System.err.println("vpnd: no VPN connection '" + id + "'");
                    return 1;
                }
                var view = plane.status(ref.get());
                if (json) {
                    System.out.println(AccountCommand.toJson(json(view)));
                } else {
                    text(view).forEach(System.out::println);
                }
                return 0;
            });
        }

        private static String word(NegotiationStatus status) {
            return status.name().toLowerCase(Locale.ROOT);
        }

        private static String agent(StatusView view) {
            if (view.agent().isEmpty()) {
                return "none has said hello for its gateway";
            }
            AgentPresence p = view.agent().get();
            return p.agent() + " beside " + p.daemon() + ", last heard " + p.lastHeard()
                    + (p.silent() ? " (silent: its tunnels count as not established)" : "");
        }

        private static String applied(StatusView view) {
            if (!view.plane().served()) {
                return "no agent serves it";
            }
            return view.plane().pending() ? "pending: the agent has not applied its latest change yet" : "yes";
        }

        static List<String> text(StatusView view) {
            var c = view.connection();
            var out = new ArrayList<String>();
            out.add("connection " + c.id() + " on gateway " + c.gatewayId());
            out.add("status:  " + word(c.status()));
            for (Tunnel t : c.tunnels()) {
                out.add("tunnel " + t.index() + ": " + word(t.status()) + " ("
                        + t.role().name().toLowerCase(Locale.ROOT) + ")");
            }
            out.add("agent:   " + agent(view));
            out.add("applied: " + applied(view));
            if (view.plane().configError() != null) {
                out.add("refused: " + view.plane().configError());
            }
            for (TunnelObservation o : view.tunnels()) {
                out.add("observed tunnel " + o.tunnelIndex() + " at " + o.reportedAt() + ": IKE " + o.ike() + ", CHILD "
                        + o.child() + ", " + o.bytesIn() + " bytes in, " + o.bytesOut() + " bytes out"
                        + (o.health() == null ? "" : ", health check " + o.health()));
            }
            out.add(view.transitions().isEmpty() ? "history: none"
                    : "history (newest first; tunnel 0 is the connection):");
            for (StatusTransition t : view.transitions()) {
                out.add("  " + t.at() + "  tunnel " + t.tunnelIndex() + "  " + word(t.status()));
            }
            return out;
        }

        static Map<String, Object> json(StatusView view) {
            var c = view.connection();
            var out = new LinkedHashMap<String, Object>();
            out.put("id", c.id());
            out.put("gatewayId", c.gatewayId());
            out.put("status", word(c.status()));
            var tunnels = new ArrayList<Map<String, Object>>();
            for (Tunnel t : c.tunnels()) {
                var row = new LinkedHashMap<String, Object>();
                row.put("index", t.index());
                row.put("status", word(t.status()));
                tunnels.add(row);
            }
            out.put("tunnels", tunnels);
            out.put("served", view.plane().served());
            out.put("pending", view.plane().pending());
            out.put("configError", view.plane().configError());
            out.put("agent", view.agent().map(p -> {
                var row = new LinkedHashMap<String, Object>();
                row.put("agent", p.agent());
                row.put("daemon", p.daemon());
                row.put("lastHeard", p.lastHeard().toString());
                row.put("silent", p.silent());
                return row;
            }).orElse(null));
            var observed = new ArrayList<Map<String, Object>>();
            for (TunnelObservation o : view.tunnels()) {
                var row = new LinkedHashMap<String, Object>();
                row.put("tunnelIndex", o.tunnelIndex());
                row.put("ike", o.ike().name());
                row.put("child", o.child().name());
                row.put("bytesIn", o.bytesIn());
                row.put("bytesOut", o.bytesOut());
                row.put("configError", o.configError());
                row.put("health", o.health() == null ? null : o.health().name());
                row.put("reportedAt", o.reportedAt().toString());
                observed.add(row);
            }
            out.put("observations", observed);
            var history = new ArrayList<Map<String, Object>>();
            for (StatusTransition t : view.transitions()) {
                var row = new LinkedHashMap<String, Object>();
                row.put("at", t.at().toString());
                row.put("tunnelIndex", t.tunnelIndex());
                row.put("status", word(t.status()));
                history.add(row);
            }
            out.put("transitions", history);
            return out;
        }
    }
}
