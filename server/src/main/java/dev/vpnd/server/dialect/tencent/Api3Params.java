package dev.vpnd.server.dialect.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed reads of an action's parameters (a JSON object, or one nested in it), each failing with
 * Tencent's error for the parameter's full name. Numbers and booleans may arrive as JSON values
 * or, from form-encoded requests, as text.
 */
final class Api3Params {
    private final ObjectNode node;
    private final String prefix;

    Api3Params(ObjectNode node) {
        this(node, "");
    }

    private Api3Params(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    String name(String field) {
        return prefix + field;
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    Iterable<String> fieldNames() {
        return node::fieldNames;
    }

    /**
     * The value as text. A control character (U+0000-U+001F, U+007F) is refused here, for every
     * parameter: none belongs in a Tencent parameter, and stored in a name it would be answered back.
     */
    Optional<String> text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw TencentError.INVALID_PARAMETER.fault(name(field));
        }
        return Optional.of(checked(name(field), value.asText()));
    }

    private static String checked(String name, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw TencentError.INVALID_PARAMETER_VALUE.fault(name);
            }
        }
        return text;
    }

    String requiredText(String field) {
        String value = text(field).orElseThrow(() -> TencentError.MISSING_PARAMETER.fault(name(field)));
        if (value.isEmpty()) {
            throw TencentError.MISSING_PARAMETER.fault(name(field));
        }
        return value;
    }

    /** Text of at most {@code maxLength} characters, or {@code fallback} when absent. */
    String text(String field, String fallback, int maxLength) {
        String value = text(field).orElse(fallback);
        if (value.length() > maxLength) {
            throw TencentError.TOO_LONG.fault(name(field));
        }
        return value;
    }

    Optional<Long> integer(String field, long min, long max) {
        var text = text(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long value;
        try {
            value = Long.parseLong(text.get().trim());
        } catch (NumberFormatException e) {
            throw TencentError.INVALID_PARAMETER.fault(name(field));
        }
        if (value < min || value > max) {
            throw TencentError.RANGE.fault(name(field));
        }
        return Optional.of(value);
    }

    long integer(String field, long fallback, long min, long max) {
        return integer(field, min, max).orElse(fallback);
    }

    Optional<Boolean> bool(String field) {
        var text = text(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw TencentError.INVALID_PARAMETER.fault(name(field));
        };
    }

    /** A nested object, empty when absent. */
    Optional<Api3Params> object(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!(value instanceof ObjectNode object)) {
            throw TencentError.INVALID_PARAMETER.fault(name(field));
        }
        return Optional.of(new Api3Params(object, name(field) + "."));
    }

    /** Each element of an array of objects; empty when absent. */
    List<Api3Params> objects(String field, int max) {
        var out = new ArrayList<Api3Params>();
        int i = 0;
        for (JsonNode element : array(field, max)) {
            if (!(element instanceof ObjectNode object)) {
                throw TencentError.INVALID_PARAMETER.fault(name(field) + "." + i);
            }
            out.add(new Api3Params(object, name(field) + "." + i + "."));
            i++;
        }
        return out;
    }

    /** Each element of an array of text values; empty when absent. */
    List<String> texts(String field, int max) {
        var out = new ArrayList<String>();
        int i = 0;
        for (JsonNode element : array(field, max)) {
            if (element == null || !element.isValueNode() || element.isNull()) {
                throw TencentError.INVALID_PARAMETER.fault(name(field) + "." + i);
            }
            out.add(checked(name(field) + "." + i, element.asText()));
            i++;
        }
        return out;
    }

    private Iterable<JsonNode> array(String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw TencentError.INVALID_PARAMETER.fault(name(field));
        }
        if (value.size() > max) {
            throw TencentError.VALUE_LIMIT_EXCEEDED.fault(name(field));
        }
        return value;
    }

    static Api3Params empty() {
        return new Api3Params(JsonNodeFactory.instance.objectNode());
    }
}
