package dev.vpnd.agent.protocol;

import dev.vpnd.core.dataplane.GatewayReport;
import java.util.List;

/** An agent's report: what it applied and observes on each of its gateways. */
public record Report(List<GatewayReport> gateways) {
    public Report {
        gateways = List.copyOf(gateways);
    }
}
