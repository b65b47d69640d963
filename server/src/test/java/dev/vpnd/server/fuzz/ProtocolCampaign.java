package dev.vpnd.server.fuzz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * HTTP itself, at every listener: odd methods and versions, targets no router expects, broken
 * header sections and bodies over the limit. Each must get a 4xx (or a closed connection for
 * bytes that are not HTTP at all), never a 5xx or silence.
 */
final class ProtocolCampaign {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH",
            "TRACE", "PROPFIND", "FOO", "get", "BREW", "M-SEARCH", "X".repeat(300), "GET\u00c9");
    private static final List<String> VERSIONS = List.of("HTTP/1.1", "HTTP/1.0", "HTTP/9.9", "HTTP/0.9", "HTTP/1.2",
            "HTTP/2.0", "HTTP/3", "HTTPS/1.1", "FOO/1.1", "HTTP/1.1x", "http/1.1");
    private static final List<String> TARGETS = List.of("/", "*", "//", "/%zz", "/%", "/%00", "/..%2f..%2fetc%2fpasswd",
            "/v3/auth/tokens", "/v2.0/networks?name=%zz", "/v2.0/vpn/ikepolicies?fields=%", "/?Action=%zz",
            "/v2/index.php?Action=DescribeVpnConn&%=1", "/healthz", "/metrics?%zz", "/readyz",
            "/v2.0/networks/%ZZ", "/v2.0/" + "a/".repeat(2000), "/?" + "a=b&".repeat(3000), "http://127.0.0.1/");

    private final List<URI> listeners;
    private final Duration timeout;

    ProtocolCampaign(List<URI> listeners, Duration timeout) {
        this.listeners = listeners;
        this.timeout = timeout;
    }

    void run(Hostile hostile, Findings findings, int requests) throws Exception {
        for (int i = 0; i < requests; i++) {
            URI listener = hostile.pick(listeners);
            byte[] request = switch (hostile.below(6)) {
                case 0 -> line(hostile.pick(METHODS) + " " + hostile.pick(TARGETS) + " " + hostile.pick(VERSIONS),
                        listener, "");
                case 1 -> line("GET " + hostile.pick(TARGETS) + " HTTP/1.1", listener, brokenHeaders(hostile));
                case 2 -> brokenBody(hostile, listener);
                case 3 -> hostile.bytes(1 + hostile.below(2000));
                case 4 -> line("POST / HTTP/1.1", listener, "Content-Type: " + hostile.pick(List.of(
                        "application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=",
                        "multipart/form-data; boundary=" + "b".repeat(5000), "text/plain; charset=EBCDIC",
                        "application/x-www-form-urlencoded; charset=utf-16"))
                        + "\r\nContent-Length: 5\r\n", "a=%zz");
                default -> line(hostile.pick(METHODS) + " " + hostile.pick(TARGETS) + " HTTP/1.1", listener, "");
            };
            var answer = RawExchange.exchange(listener, request, timeout);
            String what = listener.getPort() + " " + new String(request, 0, Math.min(request.length, 160),
                    StandardCharsets.ISO_8859_1);
            findings.check(what, answer, Findings.Expect.PROTOCOL);
        }
    }

    /** A request line, Host, {@code Connection: close}, extra header lines, and a body. */
    private static byte[] line(String requestLine, URI listener, String headers, String body) {
        return (requestLine + "\r\nHost: " + listener.getHost() + ":" + listener.getPort()
                + "\r\nConnection: close\r\n" + headers + "\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] line(String requestLine, URI listener, String headers) {
        return line(requestLine, listener, headers, "");
    }

    private static String brokenHeaders(Hostile hostile) {
        return switch (hostile.below(8)) {
            case 0 -> "NoColonHere\r\n";
            case 1 -> "X-Big: " + "v".repeat(hostile.below(70_000)) + "\r\n";
            case 2 -> "X-Many: 1\r\n".repeat(hostile.below(600));
            case 3 -> "Content-Length: -1\r\n";
            case 4 -> "Content-Length: abc\r\n";
            case 5 -> "Content-Length: 0\r\nContent-Length: 7\r\n";
            case 6 -> "Bad Name: x\r\n";
            default -> "X-Folded: a\r\n  b\r\n";
        };
    }

    private static byte[] brokenBody(Hostile hostile, URI listener) {
        return switch (hostile.below(4)) {
            case 0 -> line("POST / HTTP/1.1", listener, "Transfer-Encoding: chunked\r\n", "zz\r\nabc\r\n0\r\n\r\n");
            case 1 -> line("POST / HTTP/1.1", listener, "Transfer-Encoding: chunked\r\n", "3;;=;\r\nabc\r\n0\r\n\r\n");
            case 2 -> line("POST / HTTP/1.1", listener, "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n",
                    "3\r\nabc\r\n0\r\n\r\n");
            default -> {
                // Over the 8 MiB body limit, the length announced honestly.
                int size = 9 * 1024 * 1024;
                byte[] head = ("POST / HTTP/1.1\r\nHost: " + listener.getHost() + ":" + listener.getPort()
                        + "\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: " + size
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] all = new byte[head.length + size];
                System.arraycopy(head, 0, all, 0, head.length);
                java.util.Arrays.fill(all, head.length, all.length, (byte) '[');
                yield all;
            }
        };
    }
}
