package dev.vpnd.server.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} decoding of query strings and form bodies. Both SDKs
 * need form rules ({@code +} is a space): okhttp in the new SDK writes spaces as {@code +}, the old
 * core as {@code %20}, and both write a literal plus as {@code %2B} (docs/dialects/aliyun.md,
 * Requests); Tencent's clients write them the same ways.
 */
public final class FormUrlEncoded {
    /**
     * The most pairs one text may hold. Parsing runs before any signature is checked, so the count
     * bounds what an unsigned request can make the server hold; the largest real call (a
     * dual-tunnel create, or a describe naming 100 ids with filters) has a few hundred.
     */
    public static final int MAX_FIELDS = 1_000;
    /**
     * The longest decoded name; the longest real one ({@code TunnelOptionsSpecification.1.TunnelIkeConfig.…}) has some
     * 60.
     */
    public static final int MAX_NAME_LENGTH = 128;

    private FormUrlEncoded() {
    }

    /**
     * Pairs in first-seen order; a repeated name keeps its first position but takes the later value,
     * a name without {@code =} gets "", and empty segments ({@code a=1&&b=2}) are skipped.
     *
     * @param raw the encoded text, or null
     * @throws IllegalArgumentException on a {@code %} not followed by two hex digits, more than
     *     {@link #MAX_FIELDS} pairs, or a name longer than {@link #MAX_NAME_LENGTH}
     */
    public static Map<String, String> parse(String raw) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (raw == null) {
            return pairs;
        }
        int start = 0;
        int count = 0;
        while (start < raw.length()) {
            int end = raw.indexOf('&', start);
            if (end < 0) {
                end = raw.length();
            }
            if (end > start) {
                if (++count > MAX_FIELDS) {
                    throw new IllegalArgumentException("more than " + MAX_FIELDS + " fields");
                }
                int eq = indexOf(raw, '=', start, end);
                int nameEnd = eq < 0 ? end : eq;
                pairs.put(name(raw, start, nameEnd), eq < 0 ? "" : decode(raw, eq + 1, end));
            }
            start = end + 1;
        }
        return pairs;
    }

    /** A name decoded, refused when longer than {@link #MAX_NAME_LENGTH} (an escape is three characters of one). */
    private static String name(String raw, int from, int to) {
        if (to - from > 3 * MAX_NAME_LENGTH) {
            throw tooLong();
        }
        String name = decode(raw, from, to);
        if (name.length() > MAX_NAME_LENGTH) {
            throw tooLong();
        }
        return name;
    }

    private static IllegalArgumentException tooLong() {
        return new IllegalArgumentException("a field name longer than " + MAX_NAME_LENGTH + " characters");
    }

    /**
     * The value {@link #parse} would give {@code name}, decoding only the names of the other pairs:
     * null when absent or when a name or the value found is malformed (parsing the whole text
     * reports that; a malformed value of another pair goes unnoticed here).
     */
    public static String value(String raw, String name) {
        if (raw == null) {
            return null;
        }
        String value = null;
        try {
            int start = 0;
            while (start < raw.length()) {
                int end = raw.indexOf('&', start);
                if (end < 0) {
                    end = raw.length();
                }
                int eq = indexOf(raw, '=', start, end);
                int nameEnd = eq < 0 ? end : eq;
                if (end > start && decode(raw, start, nameEnd).equals(name)) {
                    value = nameEnd == end ? "" : decode(raw, nameEnd + 1, end);
                }
                start = end + 1;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return value;
    }

    /** The first {@code c} in {@code [from, to)}, or -1: no scan past the pair (a query of bare names stays linear). */
    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(String s, int from, int to) {
        int first = from;
        while (first < to && s.charAt(first) != '%' && s.charAt(first) != '+') {
            first++;
        }
        if (first == to) {
            return s.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from).append(s, from, first);
        // A run of escapes is one UTF-8 sequence at most three times shorter than its text.
        byte[] bytes = new byte[(to - first) / 3];
        int i = first;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '+') {
                out.append(' ');
                i++;
            } else if (c == '%') {
                int n = 0;
                while (i < to && s.charAt(i) == '%') {
                    int hi = i + 2 < to ? hexValue(s.charAt(i + 1)) : -1;
                    int lo = i + 2 < to ? hexValue(s.charAt(i + 2)) : -1;
                    if (hi < 0 || lo < 0) {
                        throw new IllegalArgumentException("malformed percent escape at index " + i);
                    }
                    bytes[n++] = (byte) (hi << 4 | lo);
                    i += 3;
                }
                // Invalid UTF-8 becomes U+FFFD, as URLDecoder and Python's unquote_plus do; the
                // signature is computed over the decoded text, so nothing is gained by rejecting it.
                out.append(new String(bytes, 0, n, StandardCharsets.UTF_8));
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    // Not Character.digit: that also accepts non-ASCII digits such as U+0663.
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
