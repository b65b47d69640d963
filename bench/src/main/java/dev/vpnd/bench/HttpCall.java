package dev.vpnd.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One HTTP/1.1 request as a client sends it, all but the {@code Host} header (the load generator's
 * connection supplies it, as the client's HTTP library does; signers that sign the host were given
 * the same {@code host:port}).
 *
 * @param target the request target: path and query ({@code /?Action=…}, {@code /v2.0/vpn/…?limit=10})
 * @param headers {@code Name: value} lines, in the client's order, {@code Content-Length} excepted
 * @param body the body (JSON or a form: text, sent as UTF-8), empty for none
 */
record HttpCall(String method, String target, List<String> headers, String body) {
    HttpCall {
        headers = List.copyOf(headers);
    }

    /** The body as sent. */
    byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The value of the first header called {@code name} (ignoring case), or null. */
    String header(String name) {
        for (String line : headers) {
            int colon = line.indexOf(':');
            if (colon == name.length() && line.regionMatches(true, 0, name, 0, colon)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
