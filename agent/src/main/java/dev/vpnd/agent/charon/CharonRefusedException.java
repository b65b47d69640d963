package dev.vpnd.agent.charon;

/**
 * charon answered a request with {@code success = no}: it refused a configuration (its
 * {@code errmsg} says why, e.g. "invalid value for: proposals, config discarded"). The connection
 * to charon is fine; the request was not.
 */
public final class CharonRefusedException extends Exception {
    public CharonRefusedException(String message) {
        super(message);
    }
}
