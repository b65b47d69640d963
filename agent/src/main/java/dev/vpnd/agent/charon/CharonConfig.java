package dev.vpnd.agent.charon;

import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.Initiation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@link TunnelPlan} as the VICI messages that load it into charon (docs/vici.md, "Loading a
 * tunnel"): one connection per tunnel, named as the tunnel, with one CHILD_SA of the same name, and
 * one pre-shared key owned by both identities.
 *
 * <p>Lifetimes: a plan gives the SA's lifetime, charon wants when to rekey and when to give up. The
 * connection rekeys at 90 % of the lifetime (minus charon's random jitter of up to another 10 %)
 * and the SA ends at 100 %, so the peer never sees an SA outlive what it agreed to.
 */
public final class CharonConfig {
    /** Connection names charon gets: tunnel names are connection ids, which are safe as they are. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private CharonConfig() {
    }

    /**
     * The {@code load-conn} request for {@code plan}; an {@link UnsupportedSettingException} for what
     * charon cannot do.
     */
    public static ViciMessage loadConn(TunnelPlan plan) {
        checkName(plan.name());
        var ike = plan.ike();
        String ikeProposal = CharonAlgorithms.ikeProposal(ike);
        String espProposal = CharonAlgorithms.espProposal(plan.ipsec());
        if (plan.localSubnets().isEmpty() || plan.remoteSubnets().isEmpty()) {
            throw new UnsupportedSettingException("a tunnel needs subnets on both sides");
        }
        if (ike.version() == IkeVersion.V1 && (plan.localSubnets().size() > 1 || plan.remoteSubnets().size() > 1)) {
            throw new UnsupportedSettingException("IKEv1 negotiates one subnet per side, not " + plan.localSubnets()
                    + " and " + plan.remoteSubnets() + ": use IKEv2");
        }
        long ikeLifetime = positive(ike.lifetimeSeconds(), "IKE lifetime");
        long childLifetime = positive(plan.ipsec().lifetimeSeconds(), "IPsec lifetime");
        var dpd = plan.dpd();
        if (dpd.enabled() && (dpd.intervalSeconds() <= 0 || dpd.timeoutSeconds() <= 0)) {
            throw new UnsupportedSettingException("dead-peer detection needs a positive interval and timeout");
        }
        var conn = ViciMessage.builder()
                .put("version", ike.version() == IkeVersion.V1 ? "1" : "2");
        if (ike.version() == IkeVersion.V1) {
            conn.put("aggressive", ike.mode() == IkeMode.AGGRESSIVE ? "yes" : "no");
        }
        conn.putList("local_addrs", List.of(plan.localAddress()))
                .putList("remote_addrs", List.of(plan.peerAddress()))
                .putList("proposals", List.of(ikeProposal))
                .put("rekey_time", seconds(rekeyAt(ikeLifetime)))
                .put("over_time", seconds(ikeLifetime - rekeyAt(ikeLifetime)));
        if (dpd.enabled()) {
            conn.put("dpd_delay", seconds(dpd.intervalSeconds()));
            if (ike.version() == IkeVersion.V1) {
                // IKEv2 has no DPD timeout of its own: its liveness checks end by charon's retransmission timeout.
                conn.put("dpd_timeout", seconds(dpd.timeoutSeconds()));
            }
        }
        conn.section("local", local -> local.put("auth", "psk").put("id", localId(plan)))
                .section("remote", remote -> remote.put("auth", "psk").put("id", remoteId(plan)))
                .section("children", children -> children.section(plan.name(), child -> {
                    child.putList("local_ts", plan.localSubnets())
                            .putList("remote_ts", plan.remoteSubnets())
                            .putList("esp_proposals", List.of(espProposal))
                            .put("mode", "tunnel")
                            .put("start_action", startAction(plan.initiation()));
                    if (dpd.enabled()) {
                        child.put("dpd_action", dpdAction(dpd.action()));
                    }
                    child.put("rekey_time", seconds(rekeyAt(childLifetime)))
                            .put("life_time", seconds(childLifetime));
                    long kilobytes = plan.ipsec().lifetimeKilobytes();
                    if (kilobytes > 0) {
                        long bytes = Math.multiplyExact(kilobytes, 1024L);
                        child.put("rekey_bytes", Long.toString(rekeyAt(bytes)))
                                .put("life_bytes", Long.toString(bytes));
                    }
                }));
        return ViciMessage.builder().putSection(plan.name(), conn.build()).build();
    }

    /**
     * The {@code load-shared} request: the tunnel's pre-shared key, owned by both its identities, under
     * the id {@link #sharedId} so that it can be replaced and unloaded by name.
     */
    public static ViciMessage loadShared(TunnelPlan plan) {
        checkName(plan.name());
        if (plan.ike().psk() == null || plan.ike().psk().value().isEmpty()) {
            throw new UnsupportedSettingException("the tunnel has no pre-shared key");
        }
        var owners = new LinkedHashSet<String>(List.of(localId(plan), remoteId(plan)));
        return ViciMessage.builder()
                .put("id", sharedId(plan.name()))
                .put("type", "IKE")
                .putSecret("data", plan.ike().psk().value())
                .putList("owners", List.copyOf(owners))
                .build();
    }

    /** The id of a tunnel's pre-shared key in charon. */
    public static String sharedId(String tunnelName) {
        return "psk-" + tunnelName;
    }

    /** What charon does with the CHILD_SA once loaded: start it, wait for traffic, or wait for the peer. */
    public static String startAction(Initiation initiation) {
        return switch (initiation) {
            case IMMEDIATE -> "start";
            case ON_TRAFFIC -> "trap";
            case PASSIVE -> "none";
        };
    }

    /**
     * What charon does with the CHILD_SA when the peer stops answering. charon has no "restart by
     * peer": closing the SA and leaving the loaded connection to answer the peer's next attempt is
     * exactly that.
     */
    public static String dpdAction(DpdAction action) {
        return switch (action) {
            case CLEAR, RESTART_BY_PEER -> "clear";
            case RESTART -> "restart";
            case HOLD -> "trap";
        };
    }

    static String localId(TunnelPlan plan) {
        String id = plan.ike().localId();
        return id == null || id.isEmpty() ? plan.localAddress() : id;
    }

    static String remoteId(TunnelPlan plan) {
        String id = plan.ike().remoteId();
        return id == null || id.isEmpty() ? plan.peerAddress() : id;
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new UnsupportedSettingException("'" + name + "' is not a connection name charon is given");
        }
    }

    private static long positive(long seconds, String what) {
        if (seconds <= 0) {
            throw new UnsupportedSettingException(what + " must be positive, not " + seconds);
        }
        return seconds;
    }

    /** 90 % of a lifetime, at least 1: when charon starts to rekey. */
    private static long rekeyAt(long lifetime) {
        return Math.max(1, lifetime - lifetime / 10);
    }

    private static String seconds(long seconds) {
        return seconds + "s";
    }
}
