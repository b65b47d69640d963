package dev.vpnd.server.security;

/**
 * What an error message may repeat of a request: the whole text up to {@link #MAX_CHARS}
 * characters, else its start and how much was left out. The string to sign of an ordinary request,
 * which the SDKs compare with their own to show a mismatch, is well under the bound; without it an
 * Alibaba signature error, whose string to sign is percent-encoded twice, answered a large request
 * with several times its size before any secret was checked (docs/security.md, "What an error
 * repeats").
 */
public final class BoundedEcho {
    public static final int MAX_CHARS = 4096;

    private BoundedEcho() {
    }

    public static String of(String text) {
        if (text == null || text.length() <= MAX_CHARS) {
            return text;
        }
        // Never half of a surrogate pair.
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end) + "…[" + (text.length() - end) + " more characters not shown]";
    }
}
