package dev.vpnd.server.security;

/**
 * UTF-8 encoding a character at a time, byte for byte as {@link String#getBytes} with UTF-8 gives
 * it (an unpaired surrogate becomes {@code ?}), so that text can be signed or percent-encoded
 * without an array of its bytes.
 */
public final class Utf8 {
    /** Receives the bytes of the encoded text, one at a time. */
    @FunctionalInterface
    public interface ByteSink {
        void write(int b);
    }

    private Utf8() {
    }

    /** Encodes {@code text[from, to)} into {@code out}. */
    public static void encode(CharSequence text, int from, int to, ByteSink out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out.write(0xF0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3F));
                out.write(0x80 | ((cp >> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out.write('?');
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
    }
}
