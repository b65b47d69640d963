package dev.vpnd.server.security;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC of text fed to it in pieces, as UTF-8, through a small buffer: the MAC of a string to
 * sign without the string, nor its bytes, ever being whole in memory.
 */
public final class MacWriter implements TextSink {
    private static final int BUFFER_BYTES = 512;

    private final Mac mac;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final Utf8.ByteSink bytes = this::put;
    private int filled;

    private MacWriter(Mac mac) {
        this.mac = mac;
    }

    /** {@code algorithm} is a JDK Mac name such as {@code HmacSHA1} or {@code HmacSHA256}. */
    public static MacWriter of(String algorithm, byte[] key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return new MacWriter(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is a required JDK algorithm", e);
        }
    }

    @Override
    public MacWriter append(CharSequence text) {
        Utf8.encode(text, 0, text.length(), bytes);
        return this;
    }

    @Override
    public MacWriter append(char c) {
        if (c < 0x80) {
            put(c);
        } else {
            Utf8.encode(String.valueOf(c), 0, 1, bytes);
        }
        return this;
    }

    /** The MAC of everything appended; the writer is then empty, ready for another text under the same key. */
    public byte[] finish() {
        flush();
        return mac.doFinal();
    }

    private void put(int b) {
        if (filled == buffer.length) {
            flush();
        }
        buffer[filled++] = (byte) b;
    }

    private void flush() {
        mac.update(buffer, 0, filled);
        filled = 0;
    }
}
