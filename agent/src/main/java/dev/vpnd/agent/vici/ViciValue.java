package dev.vpnd.agent.vici;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One VICI value: up to 65,535 bytes (the wire gives it a 16-bit length). charon sends numbers and
 * booleans as strings too ({@code "12"}, {@code "yes"}), so most values are read with
 * {@link #asString()}. A value made with {@link #secret} shows as {@code ****} in any toString, so a
 * pre-shared key never reaches a log line; it is encoded like any other.
 */
public final class ViciValue {
    /** The largest value the wire can carry. */
    public static final int MAX_BYTES = 0xFFFF;

    private final byte[] bytes;
    private final boolean secret;

    private ViciValue(byte[] bytes, boolean secret) {
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("a VICI value holds at most " + MAX_BYTES + " bytes, not "
                    + bytes.length);
        }
        this.bytes = bytes;
        this.secret = secret;
    }

    /** The value's UTF-8 bytes. */
    public static ViciValue of(String text) {
        return new ViciValue(text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** A copy of {@code bytes} as a value. */
    public static ViciValue ofBytes(byte[] bytes) {
        return new ViciValue(bytes.clone(), false);
    }

    /** Like {@link #of}, but hidden from toString. */
    public static ViciValue secret(String text) {
        return new ViciValue(text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** The value as UTF-8 text; bytes that are not UTF-8 read as U+FFFD. */
    public String asString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A copy of the value's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** Takes {@code bytes} as they are: for the decoder, which made them and hands them over. */
    static ViciValue adopt(byte[] bytes) {
        return new ViciValue(bytes, false);
    }

    byte[] rawBytes() {
        return bytes;
    }

    /** Two values are equal when their bytes are; being secret is how a value shows, not what it is. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ViciValue value && Arrays.equals(bytes, value.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return secret ? "****" : asString();
    }
}
