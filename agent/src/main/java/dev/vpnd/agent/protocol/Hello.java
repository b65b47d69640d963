package dev.vpnd.agent.protocol;

import java.util.Objects;

/**
 * What an agent says when it starts or reconnects to its IPsec daemon: the gateways' public address
 * (from then on every dialect shows it) and, for the operator, which agent and daemon run there.
 */
public record Hello(String publicAddress, String agent, String daemon) {
    public Hello {
        Objects.requireNonNull(publicAddress, "publicAddress");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(daemon, "daemon");
    }
}
