package dev.vpnd.agent.vici;

import java.io.IOException;

/**
 * Something went wrong talking VICI. An I/O failure in the same sense as a broken socket, so a caller
 * that reconnects on one handles both.
 */
public class ViciException extends IOException {
    public ViciException(String message) {
        super(message);
    }

    public ViciException(String message, Throwable cause) {
        super(message, cause);
    }
}
