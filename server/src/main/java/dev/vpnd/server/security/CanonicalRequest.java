package dev.vpnd.server.security;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The canonical request both HMAC-SHA256 schemes sign, Alibaba's ACS3 and Tencent's TC3: method,
 * URI, query, headers, signed-header list and payload hash, joined by newlines, then hashed into the
 * string to sign. The two clouds canonicalize the query and the headers each their own way (see
 * their signature classes); the frame and the hashing are this one.
 */
public final class CanonicalRequest {
    private static final HexFormat HEX = HexFormat.of();

    private CanonicalRequest() {
    }

    /** The path, or {@code /} for an empty one; RPC-style calls always use {@code /}. */
    public static String uri(String path) {
        return path == null || path.isEmpty() ? "/" : path;
    }

    /**
     * The six parts joined by newlines. {@code canonicalHeaders} already ends in a newline, so the
     * result has an empty line before the signed-header list.
     */
    public static String of(String method, String canonicalUri, String canonicalQuery, String canonicalHeaders,
            String signedHeaders, String hashedPayload) {
        return method + '\n' + canonicalUri + '\n' + canonicalQuery + '\n' + canonicalHeaders + '\n'
                + signedHeaders + '\n' + hashedPayload;
    }

    /** Lowercase hex SHA-256: of the payload as received, and of the canonical request in UTF-8. */
    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(Digests.sha256(bytes));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
