package dev.vpnd.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP response as a dialect builds it; a null {@code contentType} sends no Content-Type (a 204). */
public record WireResponse(int status, String contentType, ResponseBody content, Map<String, String> headers) {

    public WireResponse {
        headers = Map.copyOf(headers);
    }

    public WireResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, ResponseBody.of(body), headers);
    }

    public static WireResponse of(int status, String contentType, byte[] body) {
        return new WireResponse(status, contentType, body, Map.of());
    }

    public static WireResponse of(int status, String contentType, ResponseBody content) {
        return new WireResponse(status, contentType, content, Map.of());
    }

    public static WireResponse text(int status, String text) {
        return of(status, "text/plain;charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** The body's bytes (copied out of a pooled body): for tests and logs. */
    public byte[] body() {
        return content.toByteArray();
    }
}
