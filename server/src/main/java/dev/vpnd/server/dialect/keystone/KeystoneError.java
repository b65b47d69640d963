package dev.vpnd.server.dialect.keystone;

import dev.vpnd.server.dialect.WireError;
import dev.vpnd.server.dialect.WireFault;
import java.util.Map;

/**
 * Keystone's errors as {@code {"error": {"code", "title", "message"}}}, the form tempest and
 * keystoneauth parse: the code is the HTTP status, the title its reason phrase, and the template
 * Keystone's own message for it, which a call site may replace with a more precise one.
 */
enum KeystoneError implements WireError {
    BAD_REQUEST(400, "Bad Request", "The request could not be understood."),
    UNAUTHORIZED(401, "Unauthorized", "The request you have made requires authentication."),
    NOT_FOUND(404, "Not Found", "The resource could not be found."),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed", "The method is not allowed for the requested URL."),
    CONFLICT(409, "Conflict", "Conflict occurred attempting to store %s."),
    INTERNAL(500, "Internal Server Error", "An unexpected error prevented the server from fulfilling your request."),
    UNAVAILABLE(503, "Service Unavailable", "The service is busy or stopping; retry shortly.");

    final int status;
    final String title;
    private final String template;

    KeystoneError(int status, String title, String template) {
        this.status = status;
        this.title = title;
        this.template = template;
    }

    @Override
    public String code() {
        return Integer.toString(status);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String template() {
        return template;
    }

    /** This error with Keystone's own message. */
    WireFault fault() {
        return fault(template);
    }

    WireFault fault(String message) {
        return new WireFault(this, code(), message);
    }

    /** This error with headers besides Keystone's own (a throttled sign-in's Retry-After). */
    WireFault fault(String message, Map<String, String> headers) {
        return new WireFault(this, code(), message, headers);
    }

    static KeystoneError ofStatus(int status) {
        for (KeystoneError error : values()) {
            if (error.status == status) {
                return error;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
