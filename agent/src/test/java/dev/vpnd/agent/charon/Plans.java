package dev.vpnd.agent.charon;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.Secret;
import java.util.List;

/** Tunnel plans for the tests: the gateway's side of a tunnel, and the peer's side mirrored from it. */
public final class Plans {
    public static final String GATEWAY = "198.51.100.1";
    public static final String PEER = "198.51.100.2";
    public static final String GATEWAY_SUBNET = "10.1.0.0/24";
    public static final String PEER_SUBNET = "10.2.0.0/24";

    private Plans() {
    }

    /** IKEv2, aes128-sha1-modp1024 for both SAs, DPD every 30 s restarting, started by hand. */
    public static TunnelPlan tunnel(String name) {
        return new TunnelPlan(name, name, 0, GATEWAY, PEER,
                new IkeConfig(IkeVersion.V2, IkeMode.MAIN, Encryption.AES_128, Integrity.SHA1, DhGroup.MODP_1024,
                        86_400, GATEWAY, PEER, new Secret("psk-of-" + name)),
                new IpsecConfig(Encryption.AES_128, Integrity.SHA1, DhGroup.MODP_1024, 3_600, 0),
                List.of(GATEWAY_SUBNET), List.of(PEER_SUBNET),
                new TunnelPlan.DeadPeerDetection(true, 30, 120, DpdAction.RESTART), true, Initiation.PASSIVE, null);
    }

    public static TunnelPlan withIke(TunnelPlan plan, IkeConfig ike) {
        return new TunnelPlan(plan.name(), plan.connectionId(), plan.tunnelIndex(), plan.localAddress(),
                plan.peerAddress(), ike, plan.ipsec(), plan.localSubnets(), plan.remoteSubnets(), plan.dpd(),
                plan.natTraversal(), plan.initiation(), plan.healthCheck());
    }

    public static TunnelPlan withIpsec(TunnelPlan plan, IpsecConfig ipsec) {
        return new TunnelPlan(plan.name(), plan.connectionId(), plan.tunnelIndex(), plan.localAddress(),
                plan.peerAddress(), plan.ike(), ipsec, plan.localSubnets(), plan.remoteSubnets(), plan.dpd(),
                plan.natTraversal(), plan.initiation(), plan.healthCheck());
    }

    public static TunnelPlan withVersion(TunnelPlan plan, IkeVersion version, IkeMode mode) {
        var ike = plan.ike();
        return withIke(plan, new IkeConfig(version, mode, ike.encryption(), ike.integrity(), ike.dhGroup(),
                ike.lifetimeSeconds(), ike.localId(), ike.remoteId(), ike.psk()));
    }

    public static TunnelPlan withInitiation(TunnelPlan plan, Initiation initiation) {
        return new TunnelPlan(plan.name(), plan.connectionId(), plan.tunnelIndex(), plan.localAddress(),
                plan.peerAddress(), plan.ike(), plan.ipsec(), plan.localSubnets(), plan.remoteSubnets(), plan.dpd(),
                plan.natTraversal(), initiation, plan.healthCheck());
    }

    public static TunnelPlan withDpd(TunnelPlan plan, TunnelPlan.DeadPeerDetection dpd) {
        return new TunnelPlan(plan.name(), plan.connectionId(), plan.tunnelIndex(), plan.localAddress(),
                plan.peerAddress(), plan.ike(), plan.ipsec(), plan.localSubnets(), plan.remoteSubnets(), dpd,
                plan.natTraversal(), plan.initiation(), plan.healthCheck());
    }

    public static TunnelPlan withSubnets(TunnelPlan plan, List<String> local, List<String> remote) {
        return new TunnelPlan(plan.name(), plan.connectionId(), plan.tunnelIndex(), plan.localAddress(),
                plan.peerAddress(), plan.ike(), plan.ipsec(), local, remote, plan.dpd(), plan.natTraversal(),
                plan.initiation(), plan.healthCheck());
    }

    public static TunnelPlan withHealthCheck(TunnelPlan plan, HealthCheck healthCheck) {
        return new TunnelPlan(plan.name(), plan.connectionId(), plan.tunnelIndex(), plan.localAddress(),
                plan.peerAddress(), plan.ike(), plan.ipsec(), plan.localSubnets(), plan.remoteSubnets(), plan.dpd(),
                plan.natTraversal(), plan.initiation(), healthCheck);
    }

    /** The same tunnel as the peer configures it: addresses, identities and subnets swapped. */
    public static TunnelPlan mirrored(TunnelPlan plan) {
        var ike = plan.ike();
        return new TunnelPlan(plan.name(), plan.connectionId(), plan.tunnelIndex(), plan.peerAddress(),
                plan.localAddress(), ike.withIdentities(ike.remoteId(), ike.localId()), plan.ipsec(),
                plan.remoteSubnets(), plan.localSubnets(), plan.dpd(), plan.natTraversal(), Initiation.PASSIVE,
                plan.healthCheck());
    }
}
