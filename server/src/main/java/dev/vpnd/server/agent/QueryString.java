package dev.vpnd.server.agent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The parameters of a query string, first value of each name kept; at most a few, each short. */
final class QueryString {
    private static final int MAX_LENGTH = 1024;

    private QueryString() {
    }

    static Map<String, String> parse(String raw) {
        var out = new HashMap<String, String>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        if (raw.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("query: longer than " + MAX_LENGTH + " characters");
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("query: malformed percent-encoding", e);
        }
    }
}
