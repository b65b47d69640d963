package dev.vpnd.server.dialect;

import java.util.Map;

/**
 * An error answer on its way to the client: the {@link WireError} it comes from, the code and message
 * as filled in, and any header the answer carries besides the dialect's own (a throttled sign-in's
 * {@code Retry-After}). It is an answer, not a failure of vpnd, so no stack trace is kept. The
 * dialect's factory bounds what the message repeats of the request.
 */
public final class WireFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient WireError error;
    private final String code;
    private final transient Map<String, String> headers;

    public WireFault(WireError error, String code, String message) {
        this(error, code, message, Map.of());
    }

    public WireFault(WireError error, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.error = error;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public WireError error() {
        return error;
    }

    /** The code as answered, its slots filled. */
    public String code() {
        return code;
    }

    public int status() {
        return error.status();
    }

    public Map<String, String> headers() {
        return headers;
    }
}
