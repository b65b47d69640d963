package dev.vpnd.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Hostile values drawn from one seeded {@link Random}, so a failing run is replayed by its seed:
 * strings that have broken parsers, renderers and SQL before, names that flattened forms turn
 * into deep or wide trees, and bodies that are not what their content type says.
 */
final class Hostile {
    private static final List<String> NASTY = List.of(
            "", " ", "\u0000", "a\u0001b", "\r\n", "line\nbreak", "\t", "\u007f", "%zz", "%", "%%", "%u0041",
            "%00", "%C0%80", "'; DROP TABLE vpn_connections; --", "\" OR 1=1 --", "<x>&amp;</x>", "]]>",
            "<?xml version=\"1.0\"?>", "\uD800", "\uDFFF", "\uFFFF", "\uFEFF", "\u202Eevil", "😀", "Ω≈ç√",
            "../../etc/passwd", "..\\..\\boot.ini", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "-1", "0",
            "99999999999999999999", "-9223372036854775809", "1e309", "NaN", "Infinity", "0x10", "null",
            "true", "{", "[", "\"", "\\", "[]", "{}", "0.0.0.0/0", "::/0", "256.256.256.256", "10.0.0.0/33",
            "vpn-", "vco-00000000000000000000", "vpnx-zzzzzzzz", "*", "?", "&", "=", "&Action=DeleteVpc",
            "a=b&c=d", "\u00e9", "\u0130", "ſ", "\u2028", "\u00a0");

    private final Random random;

    Hostile(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A short nasty string, a long one, or a mix of both. */
    String text() {
        return switch (random.nextInt(6)) {
            case 0 -> "A".repeat(1 + random.nextInt(random.nextBoolean() ? 300 : 70_000));
            case 1 -> randomChars(1 + random.nextInt(64));
            case 2 -> pick(NASTY) + pick(NASTY) + pick(NASTY);
            default -> pick(NASTY);
        };
    }

    /** Characters from the whole of the BMP, control characters and lone surrogates included. */
    String randomChars(int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
        }
        return out.toString();
    }

    /** A parameter name for a flattened form: plain, indexed, deep or absurd. */
    String parameterName(List<String> known) {
        return switch (random.nextInt(8)) {
            case 0 -> pick(known) + "." + indexish() + ".Key";
            case 1 -> pick(known) + "." + indexish() + "." + pick(known) + "." + indexish();
            case 2 -> String.join(".", java.util.Collections.nCopies(2 + random.nextInt(60), pick(known)));
            case 3 -> pick(known) + "." + indexish();
            case 4 -> text();
            default -> pick(known);
        };
    }

    private String indexish() {
        return pick(List.of("0", "1", "999", "1000", "99999999", "-1", "01", "", "1.5", "٣"));
    }

    /** Raw bytes, half of them not UTF-8. */
    byte[] bytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    /** A JSON-looking body: valid, truncated, nested beyond reason, or huge. */
    byte[] jsonBody() {
        String text = switch (random.nextInt(7)) {
            case 0 -> "[".repeat(1 + random.nextInt(200_000));
            case 1 -> "{\"a\":".repeat(1 + random.nextInt(50_000)) + "1" + "}".repeat(random.nextInt(10));
            case 2 -> "{\"Name\":\"" + "x".repeat(random.nextInt(3_000_000)) + "\"}";
            case 3 -> "{\"Filters\":[" + "{\"Name\":\"vpn-gateway-id\",\"Values\":[\"a\"]},".repeat(
                    random.nextInt(20_000)) + "{}]}";
            case 4 -> "{\"" + text().replace("\"", "") + "\":\"" + text().replace("\"", "") + "\"";
            case 5 -> new String(bytes(random.nextInt(4096)), StandardCharsets.ISO_8859_1);
            default -> "{\"Limit\":" + pick(NASTY) + ",\"Offset\":\"" + text().replace("\"", "") + "\"}";
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A percent-encoded form or query with hostile names and values, some escapes broken on purpose. */
    String form(List<String> known, int fields) {
        var out = new StringBuilder();
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                out.append('&');
            }
            out.append(encodeLoosely(parameterName(known))).append('=').append(encodeLoosely(text()));
        }
        return out.toString();
    }

    /**
     * Mostly percent-encoded, sometimes left raw so the server meets bad escapes and stray bytes;
     * never raw with white space or control characters, which would end the request line early.
     */
    String encodeLoosely(String value) {
        if (chance(15) && value.chars().noneMatch(c -> c <= ' ' || c == 0x7f)) {
            return value;
        }
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
