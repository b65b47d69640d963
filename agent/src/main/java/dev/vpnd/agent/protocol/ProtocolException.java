package dev.vpnd.agent.protocol;

/**
 * A body that is not what docs/agent-protocol.md says it is: not JSON, too large, a field missing,
 * of the wrong type, out of bounds or not one of its values. The message names the field by its
 * path ({@code gateways[0].tunnels[2].ike.encryption}) and never shows a secret.
 */
public final class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
