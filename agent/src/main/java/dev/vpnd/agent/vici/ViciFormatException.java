package dev.vpnd.agent.vici;

/**
 * Bytes that are not a well-formed VICI packet or message, or a message too large or too deeply
 * nested to be one: the decoder's and the encoder's only exception.
 */
public final class ViciFormatException extends ViciException {
    public ViciFormatException(String message) {
        super(message);
    }
}
