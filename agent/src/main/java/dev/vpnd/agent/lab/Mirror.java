package dev.vpnd.agent.lab;

import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Initiation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The customer's device's side of a gateway's tunnels, from the gateway's plans alone: the same
 * tunnel seen from the other end. Addresses, identities and subnets are swapped; the pre-shared key,
 * IKE version and mode, proposals, lifetimes and dead-peer detection are the same. The customer
 * waits for a gateway that starts its tunnels at once, and starts the others itself: a gateway that
 * waits for its peer needs one that starts, and one that starts on traffic gets none in the lab
 * (userspace ESP raises no acquire for the gateway's trap, docs/vici.md), so there too the customer
 * starts. Health checks are the gateway's business and are not mirrored.
 */
public final class Mirror {
    private Mirror() {
    }

    /**
     * For each gateway plan, a plan for the customer's charon with the mirrors of its tunnels whose peer
     * is one of {@code customerAddresses} (the lab's customer device, its main address first; each
     * the customer gateway of other connections); the others are some other device's.
     */
    public static List<GatewayPlan> of(List<GatewayPlan> plans, List<String> customerAddresses) {
        Set<String> addresses = Set.copyOf(customerAddresses);
        var mirrored = new ArrayList<GatewayPlan>();
        for (GatewayPlan gateway : plans) {
            List<TunnelPlan> tunnels = gateway.tunnels().stream()
                    .filter(tunnel -> addresses.contains(tunnel.peerAddress())).map(Mirror::tunnel).toList();
            mirrored.add(new GatewayPlan("customer-of-" + gateway.gatewayId(), gateway.revision(),
                    customerAddresses.getFirst(), tunnels));
        }
        return mirrored;
    }

    /** The tunnel as the customer's device configures it. */
    public static TunnelPlan tunnel(TunnelPlan gateway) {
        IkeConfig ike = gateway.ike().withIdentities(gateway.ike().remoteId(), gateway.ike().localId());
        Initiation initiation = gateway.initiation() == Initiation.IMMEDIATE ? Initiation.PASSIVE
                : Initiation.IMMEDIATE;
        return new TunnelPlan(gateway.name(), gateway.connectionId(), gateway.tunnelIndex(), gateway.peerAddress(),
                gateway.localAddress(), ike, gateway.ipsec(), gateway.remoteSubnets(), gateway.localSubnets(),
                gateway.dpd(), gateway.natTraversal(), initiation, null);
    }
}
