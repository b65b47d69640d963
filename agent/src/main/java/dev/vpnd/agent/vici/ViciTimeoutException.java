package dev.vpnd.agent.vici;

/** The daemon sent nothing (or not a whole packet) within the time a read allowed. */
public final class ViciTimeoutException extends ViciException {
    public ViciTimeoutException(String message) {
        super(message);
    }
}
