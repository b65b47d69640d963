package dev.vpnd.server.dialect.tencent;

import dev.vpnd.server.security.BoundedEcho;

/**
 * A Tencent error on its way to the client, with its rendered message, which repeats at most
 * {@link BoundedEcho#MAX_CHARS} characters of the request; no stack trace is kept.
 */
final class TencentFault extends RuntimeException {
    private final TencentError error;

    TencentFault(TencentError error, String message) {
        super(BoundedEcho.of(message), null, false, false);
        this.error = error;
    }

    TencentError error() {
        return error;
    }

    String code() {
        return error.code;
    }
}
