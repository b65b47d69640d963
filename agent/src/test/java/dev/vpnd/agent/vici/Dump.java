package dev.vpnd.agent.vici;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Bytes written as in docs/vici.md: hex pairs and quoted ASCII strings, separated by spaces, e.g.
 * {@code 00 00 00 09 00 07 "version"}.
 */
final class Dump {
    private Dump() {
    }

    static byte[] bytes(String dump) {
        var out = new ByteArrayOutputStream();
        int i = 0;
        while (i < dump.length()) {
            char c = dump.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = dump.indexOf('"', i + 1);
                out.writeBytes(dump.substring(i + 1, end).getBytes(StandardCharsets.US_ASCII));
                i = end + 1;
            } else {
                out.write(Integer.parseInt(dump.substring(i, i + 2), 16));
                i += 2;
            }
        }
        return out.toByteArray();
    }
}
