package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.server.security.BoundedEcho;

/** An error answer decided inside the dialect: one code of {@link AliyunError} and its formatted text. */
final class AliyunFault extends RuntimeException {
    private final transient AliyunError error;
    private final String code;

    AliyunFault(AliyunError error, Object... args) {
        super(format(error.message, args), null, false, false);
        this.error = error;
        this.code = format(error.code, args);
    }

    /**
     * Formats leniently: a template given fewer arguments than it has slots leaves them empty. An
     * argument repeats at most {@link BoundedEcho#MAX_CHARS} characters of the request.
     */
    private static String format(String template, Object[] args) {
        int slots = template.split("%s", -1).length - 1;
        if (slots == 0) {
            return template;
        }
        var filled = new Object[slots];
        for (int i = 0; i < slots; i++) {
            filled[i] = i < args.length ? BoundedEcho.of(String.valueOf(args[i])) : "";
        }
        return template.formatted(filled);
    }

    AliyunError error() {
        return error;
    }

    String code() {
        return code;
    }

    int httpStatus() {
        return error.httpStatus;
    }
}
