package dev.vpnd.agent.vici;

/** The daemon answered EVENT_UNKNOWN: it has no such event to register for. */
public final class ViciUnknownEventException extends ViciException {
    public ViciUnknownEventException(String event) {
        super("the daemon knows no event '" + event + "'");
    }
}
