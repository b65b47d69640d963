package dev.vpnd.core.dataplane;

import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.IpsecConfig;
import java.util.List;
import java.util.Objects;

/**
 * One IKE SA with its one CHILD_SA, every setting resolved: a single-tunnel connection is one plan,
 * a dual-tunnel connection one per tunnel, each with its own peer and settings. Nothing in it is
 * left for the agent to default, so two agents given the same plan configure the same tunnel.
 *
 * @param name the tunnel's name on the gateway, stable while the connection lives and unique on the
 *     gateway: {@link #nameOf}
 * @param tunnelIndex 0 for a single-tunnel connection, else the tunnel's index (1 or 2)
 * @param ike phase 1 with both identities resolved (the addresses when the connection names none)
 *     and the pre-shared key
 * @param localSubnets the traffic selectors on the gateway's side, canonical CIDRs, never empty
 * @param remoteSubnets the traffic selectors on the peer's side, canonical CIDRs, never empty
 * @param healthCheck the probe through the tunnel, null when none is enabled
 */
public record TunnelPlan(
        String name,
        String connectionId,
        int tunnelIndex,
        String localAddress,
        String peerAddress,
        IkeConfig ike,
        IpsecConfig ipsec,
        List<String> localSubnets,
        List<String> remoteSubnets,
        DeadPeerDetection dpd,
        boolean natTraversal,
        Initiation initiation,
        HealthCheck healthCheck) {

    public TunnelPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(peerAddress, "peerAddress");
        Objects.requireNonNull(ike, "ike");
        Objects.requireNonNull(ipsec, "ipsec");
        Objects.requireNonNull(dpd, "dpd");
        Objects.requireNonNull(initiation, "initiation");
        localSubnets = List.copyOf(localSubnets);
        remoteSubnets = List.copyOf(remoteSubnets);
    }

    /**
     * The tunnel's name on its gateway: the connection's id, with {@code -t<index>} for a tunnel of a
     * dual-tunnel connection. Connection ids are letters, digits and dashes, so the name is a safe
     * IPsec daemon connection name as it is.
     */
    public static String nameOf(String connectionId, int tunnelIndex) {
        return tunnelIndex == 0 ? connectionId : connectionId + "-t" + tunnelIndex;
    }

    /**
     * Dead-peer detection: probe every {@code intervalSeconds} when enabled, declare the peer dead after
     * {@code timeoutSeconds} without an answer, then do {@code action}.
     */
    public record DeadPeerDetection(boolean enabled, long intervalSeconds, long timeoutSeconds, DpdAction action) {
        public DeadPeerDetection {
            Objects.requireNonNull(action, "action");
        }
    }
}
