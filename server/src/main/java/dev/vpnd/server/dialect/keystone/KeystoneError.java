package dev.vpnd.server.dialect.keystone;

import java.util.Map;

/** Keystone's errors as {@code {"error": {"code", "title", "message"}}}, the form tempest and keystoneauth parse. */
enum KeystoneError {
    BAD_REQUEST(400, "Bad Request"),
    UNAUTHORIZED(401, "Unauthorized"),
    NOT_FOUND(404, "Not Found"),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
    INTERNAL(500, "Internal Server Error"),
    UNAVAILABLE(503, "Service Unavailable");

    final int status;
    final String title;

    KeystoneError(int status, String title) {
        this.status = status;
        this.title = title;
    }

    KeystoneFault fault(String message) {
        return new KeystoneFault(this, message, Map.of());
    }

    static KeystoneError ofStatus(int status) {
        for (KeystoneError error : values()) {
            if (error.status == status) {
                return error;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }

    /** Thrown by a handler to answer with this error. */
    static final class KeystoneFault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient KeystoneError error;
        /** Headers the answer carries besides the error's own (a throttled sign-in's Retry-After). */
        final transient Map<String, String> headers;

        KeystoneFault(KeystoneError error, String message, Map<String, String> headers) {
            super(message, null, false, false);
            this.error = error;
            this.headers = Map.copyOf(headers);
        }
    }
}
