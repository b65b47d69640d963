package dev.vpnd.agent.charon;

/**
 * A tunnel setting charon cannot carry out (an algorithm it does not implement, a combination IKEv1
 * cannot negotiate). The agent refuses such a tunnel and reports the message as its configuration
 * error instead of loading something else in its place.
 */
public final class UnsupportedSettingException extends RuntimeException {
    public UnsupportedSettingException(String message) {
        super(message);
    }
}
