package dev.vpnd.server.dialect.tencent;

/** A Tencent error on its way to the client, with its rendered message; no stack trace is kept. */
final class TencentFault extends RuntimeException {
    private final TencentError error;

    TencentFault(TencentError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    TencentError error() {
        return error;
    }

    String code() {
        return error.code;
    }
}
