package dev.vpnd.server.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code Scheme Name=value, Name=value} form both clouds' signed Authorization headers share
 * (ACS3-HMAC-SHA256, TC3-HMAC-SHA256). Fields may come in any order, with or without a space after
 * the comma; a field outside {@code names} is not signed and changes nothing, so it is ignored, which
 * tolerates future SDKs.
 */
public final class AuthorizationFields {
    private AuthorizationFields() {
    }

    /** The values of {@code names}, or empty when the scheme differs or one of them is missing or repeated. */
    public static Optional<Map<String, String>> parse(String headerValue, String scheme, Set<String> names) {
        if (headerValue == null || !headerValue.startsWith(scheme + ' ')) {
            return Optional.empty();
        }
        var values = new HashMap<String, String>();
        for (String field : headerValue.substring(scheme.length() + 1).split(",", -1)) {
            String f = field.strip();
            int eq = f.indexOf('=');
            String name = eq < 0 ? f : f.substring(0, eq);
            if (names.contains(name) && values.put(name, eq < 0 ? "" : f.substring(eq + 1)) != null) {
                return Optional.empty();
            }
        }
        return values.keySet().containsAll(names) ? Optional.of(values) : Optional.empty();
    }
}
