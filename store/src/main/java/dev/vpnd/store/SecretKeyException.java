package dev.vpnd.store;

/**
 * A secret that cannot be opened with the keys given (sealed under another key, or altered), or a
 * key ring that does not fit the database or cannot be read. Never a reason to read the value
 * otherwise: vpnd stops rather than guess.
 */
public final class SecretKeyException extends IllegalStateException {
    public SecretKeyException(String message) {
        super(message);
    }

    public SecretKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
