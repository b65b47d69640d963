package dev.vpnd.agent.charon;

import dev.vpnd.core.dataplane.SaState;

/**
 * charon's IKE_SA and CHILD_SA states as vpnd's {@link SaState} (docs/vici.md, "Reading a tunnel's
 * state"). Only an SA that is up counts as established; one being set up, rekeyed away, retried or
 * deleted is connecting; one that is about to vanish, or a trap policy that merely waits for traffic,
 * is absent. A state this table does not know (a newer charon's) counts as connecting: neither up nor
 * gone.
 */
public final class SaStates {
    private SaStates() {
    }

    public static SaState ike(String state) {
        return switch (state) {
            case "ESTABLISHED" -> SaState.ESTABLISHED;
            case "CREATED", "CONNECTING", "PASSIVE", "REKEYING", "REKEYED", "DELETING" -> SaState.CONNECTING;
            case "DESTROYING" -> SaState.ABSENT;
            default -> SaState.CONNECTING;
        };
    }

    public static SaState child(String state) {
        return switch (state) {
            case "INSTALLED" -> SaState.ESTABLISHED;
            case "CREATED", "INSTALLING", "UPDATING", "REKEYING", "REKEYED", "RETRYING", "DELETING" ->
                    SaState.CONNECTING;
            case "ROUTED", "DELETED", "DESTROYING" -> SaState.ABSENT;
            default -> SaState.CONNECTING;
        };
    }

    /** The more useful of two states for one tunnel: established over connecting over absent. */
    static SaState best(SaState a, SaState b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
