package dev.vpnd.server.http;

import java.time.Instant;
import java.util.Map;

/**
 * An HTTP request as a dialect sees it: plain values, no HTTP library types. Header names are
 * lowercase; a repeated header keeps its first value. {@code rawQuery} is exactly as received
 * (still percent-encoded, {@code null} when absent) because signatures are computed over decoded
 * and re-encoded values, and the decoding rules are the dialect's. {@code scheme} is {@code https}
 * when the request came over TLS, else {@code http}: what the client called, for URLs in answers.
 */
// The body is handed over, not copied (it may be megabytes): requests are never compared or hashed.
@SuppressWarnings("ArrayRecordComponent")
public record WireRequest(
        String method,
        String path,
        String rawQuery,
        Map<String, String> headers,
        byte[] body,
        Instant receivedAt,
        String remoteAddress,
        String scheme) {

    public WireRequest {
        headers = Map.copyOf(headers);
    }

    /** A request over plain HTTP. */
    public WireRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
            Instant receivedAt, String remoteAddress) {
        this(method, path, rawQuery, headers, body, receivedAt, remoteAddress, "http");
    }

    public String header(String lowercaseName) {
        return headers.get(lowercaseName);
    }

    /** A GET or HEAD without a body: a method HTTP calls safe, which REST dialects only read with. */
    public boolean safeWithoutBody() {
        return body.length == 0 && (method.equals("GET") || method.equals("HEAD"));
    }

    /**
     * {@code scheme://host[:port]} as the client addressed this listener ({@code Host}, else
     * {@code localhost}): the root of URLs in answers, which must work from where the client is.
     */
    public String origin() {
        String host = header("host");
        return scheme + "://" + (host == null || host.isEmpty() ? "localhost" : host);
    }

    /** The host part of {@code Host} without its port (an IPv6 literal keeps its brackets), else {@code localhost}. */
    public String hostName() {
        String host = header("host");
        if (host == null || host.isEmpty()) {
            return "localhost";
        }
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }
}
