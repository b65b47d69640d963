package dev.vpnd.agent.protocol;

import java.io.IOException;

/**
 * vpnd answered a call with something other than success: {@code status} is the HTTP status (401
 * for a token vpnd does not take), {@code error} the {@code error} field of its JSON answer, when
 * it had one.
 */
public final class AgentClientException extends IOException {
    private final int status;
    private final String error;

    public AgentClientException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    /** The answer's {@code error} field, or empty. */
    public String error() {
        return error;
    }

    /** Whether vpnd refused the token: a new one is needed, retrying will not help. */
    public boolean unauthorized() {
        return status == 401;
    }
}
