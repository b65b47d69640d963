package dev.vpnd.server.security;

/**
 * What an error message may repeat of a request: the whole text up to {@link #MAX_CHARS}
 * characters, else its start and how much was left out. The string to sign of an ordinary request,
 * which the SDKs compare with their own to show a mismatch, is well under the bound; without it an
 * Alibaba signature error, whose string to sign is percent-encoded twice, answered a large request
 * with several times its size before any secret was checked (docs/security.md, "What an error
 * repeats"). A {@link Writer} keeps only the start of what it is given, so a long text is never
 * built whole just to be cut.
 */
public final class BoundedEcho {
    public static final int MAX_CHARS = 4096;

    private BoundedEcho() {
    }

    /** Text already bounded, which the dialects' errors repeat as it is. */
    public record Text(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    public static String of(String text) {
        if (text == null || text.length() <= MAX_CHARS) {
            return text;
        }
        return new Writer().append(text).toEcho().text();
    }

    /** Keeps the first {@link #MAX_CHARS} characters appended and counts the rest. */
    public static final class Writer implements TextSink {
        private final StringBuilder start = new StringBuilder();
        private long length;

        @Override
        public Writer append(CharSequence text) {
            int room = MAX_CHARS - start.length();
            if (room > 0) {
                start.append(text, 0, Math.min(room, text.length()));
            }
            length += text.length();
            return this;
        }

        @Override
        public Writer append(char c) {
            if (start.length() < MAX_CHARS) {
                start.append(c);
            }
            length++;
            return this;
        }

        public Text toEcho() {
            if (length <= MAX_CHARS) {
                return new Text(start.toString());
            }
            // Never half of a surrogate pair.
            int end = Character.isHighSurrogate(start.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
            return new Text(start.substring(0, end) + "…[" + (length - end) + " more characters not shown]");
        }
    }
}
