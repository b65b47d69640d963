package dev.vpnd.server.dialect.tencent;

import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of a legacy v2 call's form fields, each failing with code 4000. An empty value counts
 * as absent: the Node SDK sends {@code name=} for a parameter set to {@code undefined}.
 */
record LegacyParams(Map<String, String> fields) {
    LegacyParams {
        fields = Map.copyOf(fields);
    }

    Optional<String> text(String name) {
        String value = fields.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** A decimal integer within {@code [min, max]}, or {@code fallback} when absent. */
    long integer(String name, long fallback, long min, long max) {
        var text = text(name);
        if (text.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.get().trim());
        } catch (NumberFormatException e) {
            throw TencentError.INVALID_PARAMETER.saying("The parameter `" + name + "` must be an integer.");
        }
        if (value < min || value > max) {
            throw TencentError.INVALID_PARAMETER.saying("The parameter `" + name + "` must be between " + min
                    + " and " + max + ".");
        }
        return value;
    }
}
