package dev.vpnd.server.dialect.tencent;

import dev.vpnd.server.security.BoundedEcho;

/**
 * A legacy v2 error on its way to the client: {@code {"code":5000,"message":…,"codeDesc":…}}, the
 * message repeating at most {@link BoundedEcho#MAX_CHARS} characters of the request. No stack trace
 * is kept: it is an answer, not a failure of vpnd.
 */
final class LegacyFault extends RuntimeException {
    private final LegacyError error;
    private final String codeDesc;

    LegacyFault(LegacyError error, String codeDesc, String message) {
        super(BoundedEcho.of(message), null, false, false);
        this.error = error;
        this.codeDesc = codeDesc;
    }

    /** A parameter the action cannot use; {@code codeDesc} as API 3.0 would name it. */
    static LegacyFault badParameter(String message) {
        return new LegacyFault(LegacyError.BAD_PARAMETER, TencentError.INVALID_PARAMETER.code, message);
    }

    /** The same error as API 3.0 gives, under its legacy code; codeDesc keeps the 3.0 code. */
    static LegacyFault of(TencentFault fault) {
        return new LegacyFault(LegacyError.of(fault.error()), fault.code(), fault.getMessage());
    }

    int code() {
        return error.code;
    }

    String codeDesc() {
        return codeDesc;
    }
}
