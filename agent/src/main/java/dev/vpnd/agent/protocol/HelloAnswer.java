package dev.vpnd.agent.protocol;

import java.util.List;

/**
 * vpnd's answer to a hello: the gateways the token holds, how long a plan wait may last, how often
 * the agent reports when nothing changes, and after how long without a report vpnd shows the
 * agent's tunnels as not established.
 */
public record HelloAnswer(List<String> gateways, int waitSeconds, int reportSeconds, int silentSeconds) {
    public HelloAnswer {
        gateways = List.copyOf(gateways);
    }
}
