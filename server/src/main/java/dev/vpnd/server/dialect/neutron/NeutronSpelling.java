package dev.vpnd.server.dialect.neutron;

import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.dataplane.ConnectionDataPlane;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.VpnConnection;
import java.util.Map;
import java.util.Set;

/**
 * Neutron's value lists (neutron-lib 3.1 value sets), the one place the attribute checks take them
 * from: for a canonical value, one table per field of what a request's spelling means, and how a
 * canonical value is shown, whichever API set it; the lists with no canonical counterpart as sets.
 */
final class NeutronSpelling {
    static final Map<String, Encryption> ENCRYPTION = Map.of("3des", Encryption.TRIPLE_DES, "aes-128",
            Encryption.AES_128, "aes-192", Encryption.AES_192, "aes-256", Encryption.AES_256);
    static final Map<String, Integrity> INTEGRITY = Map.of("sha1", Integrity.SHA1, "sha256", Integrity.SHA256,
            "sha384", Integrity.SHA384, "sha512", Integrity.SHA512);
    static final Map<String, DhGroup> PFS = Map.of("group2", DhGroup.MODP_1024, "group5", DhGroup.MODP_1536,
            "group14", DhGroup.MODP_2048);
    static final Map<String, IkeVersion> IKE_VERSION = Map.of("v1", IkeVersion.V1, "v2", IkeVersion.V2);
    static final Map<String, IkeMode> PHASE1_MODE = Map.of("main", IkeMode.MAIN, "aggressive", IkeMode.AGGRESSIVE);
    /** bi-directional starts negotiation at once; response-only waits for the peer. */
    static final Map<String, Initiation> INITIATOR = Map.of("bi-directional", Initiation.IMMEDIATE, "response-only",
            Initiation.PASSIVE);
    /** {@code disabled} turns DPD off; its action is then irrelevant and kept as the default, hold. */
    static final Map<String, DpdAction> DPD_ACTION = Map.of("hold", DpdAction.HOLD, "clear", DpdAction.CLEAR,
            "restart", DpdAction.RESTART, "restart-by-peer", DpdAction.RESTART_BY_PEER, "disabled", DpdAction.HOLD);

    /** The statuses vpnd shows of services and connections (of neutron-lib's, all but BUILD and PENDING_DELETE). */
    static final String ACTIVE = "ACTIVE";
    static final String DOWN = "DOWN";
    static final String ERROR = "ERROR";
    static final String PENDING_CREATE = "PENDING_CREATE";
    static final String PENDING_UPDATE = "PENDING_UPDATE";

    /** IPsec policies' transform protocols and encapsulation modes: kept by Neutron alone. */
    static final Set<String> TRANSFORM_PROTOCOLS = Set.of("ah", "ah-esp", "esp");
    static final Set<String> ENCAPSULATION_MODES = Set.of("transport", "tunnel");
    /** Policy lifetimes count seconds only. */
    static final Set<String> LIFETIME_UNITS = Set.of("seconds");
    /** Endpoint group types; only subnet and cidr groups take part in connections. */
    static final Set<String> ENDPOINT_TYPES = Set.of("subnet", "cidr", "network", "router", "vlan");

    private NeutronSpelling() {
    }

    /** Initiation as shown: vpnd starting on traffic is still vpnd starting, so bi-directional. */
    static String initiator(Initiation initiation) {
        return switch (initiation) {
            case IMMEDIATE, ON_TRAFFIC -> "bi-directional";
            case PASSIVE -> "response-only";
        };
    }

    /** The DPD action as shown; {@code disabled} when DPD is off, whatever action is kept. */
    static String dpdAction(boolean enabled, DpdAction action) {
        if (!enabled) {
            return "disabled";
        }
        return switch (action) {
            case HOLD -> "hold";
            case CLEAR -> "clear";
            case RESTART -> "restart";
            case RESTART_BY_PEER -> "restart-by-peer";
        };
    }

    /**
     * A site connection's status, from its tunnels' real state (docs/dialects/openstack.md, "Status"):
     * {@code PENDING_CREATE} or {@code PENDING_UPDATE} while the agent serving its gateway has yet to
     * apply its creation or latest change; else {@code DOWN} when switched off or served by no agent
     * (nothing carries it), {@code ERROR} when the IPsec daemon refused it, {@code ACTIVE} while a
     * tunnel of it is up, {@code DOWN} otherwise.
     */
    static String connectionStatus(VpnConnection c, boolean adminStateUp, ConnectionDataPlane plane) {
        if (plane.pending()) {
            return c.lifecycle() != null && c.lifecycle().pending() == ResourceState.UPDATING ? PENDING_UPDATE
                    : PENDING_CREATE;
        }
        if (!adminStateUp || !plane.served()) {
            return DOWN;
        }
        if (plane.configError() != null) {
            return ERROR;
        }
        return c.status() == NegotiationStatus.IPSEC_SA_ESTABLISHED ? ACTIVE : DOWN;
    }

    /**
     * A VPN service's status: {@code ACTIVE} while an agent serves its gateway (said hello or
     * reported, and not silent since) and it is switched on, else {@code DOWN}.
     */
    static String serviceStatus(boolean adminStateUp, boolean served) {
        return adminStateUp && served ? ACTIVE : DOWN;
    }
}
