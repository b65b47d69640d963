package dev.vpnd.server.dialect.neutron;

import static dev.vpnd.server.dialect.neutron.NeutronJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.dialect.neutron.Attribute.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * neutron-lib's converters and validators, with their messages. Converters fail with InvalidInput
 * ("Invalid input for operation: …"), validators with "Invalid input for ATTR. Reason: …".
 */
final class Checks {
    static final int NAME_MAX = 255;
    static final int DESCRIPTION_MAX = 255;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private Checks() {
    }

    /** A validator's failure: {@code Invalid input for <attribute>. Reason: <reason>.} */
    static WireFault invalid(String attribute, String reason) {
        return NeutronError.INVALID_ATTRIBUTE.fault(attribute, reason);
    }

    /** How Python's {@code %s} shows a JSON value in messages. */
    static String repr(JsonNode value) {
        if (value == null || value.isNull()) {
            return "None";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        return value.toString();
    }

    static boolean isUuid(String text) {
        return UUID.matcher(text).matches();
    }

    static Check string(int max) {
        return (name, value) -> {
            if (!value.isTextual()) {
                throw invalid(name, "'" + repr(value) + "' is not a valid string");
            }
            if (max > 0 && value.asText().length() > max) {
                throw invalid(name, "'" + value.asText() + "' exceeds maximum length of " + max);
            }
            checkPrintable(name, value.asText());
            return value;
        };
    }

    /**
     * A stored string has no ASCII control character (U+0000-U+001F, U+007F) and no unpaired
     * surrogate: names and descriptions reach the other dialects' XML, where neither can be written.
     * The message names the character's code, never echoes it.
     */
    static void checkPrintable(String name, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw invalid(name, String.format("control character U+%04X is not allowed", (int) c));
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    throw invalid(name, String.format("unpaired surrogate U+%04X is not allowed", (int) c));
                }
                i++;
            }
        }
    }

    static final Check NAME = string(NAME_MAX);
    static final Check DESCRIPTION = string(DESCRIPTION_MAX);
    static final Check TEXT = string(0);

    static final Check UUID_CHECK = (name, value) -> {
        if (!value.isTextual() || !isUuid(value.asText())) {
            throw invalid(name, "'" + repr(value) + "' is not a valid UUID");
        }
        return value;
    };

    static final Check UUID_OR_NONE = (name, value) -> value.isNull() ? value : UUID_CHECK.apply(name, value);

    /** One of a value list (NeutronSpelling); the message names the value only, as neutron-lib's does. */
    static Check values(Set<String> allowed) {
        Set<String> set = Set.copyOf(allowed);
        return (name, value) -> {
            if (!value.isTextual() || !set.contains(value.asText())) {
                throw invalid(name, repr(value) + " is not in valid_values");
            }
            return value;
        };
    }

    /** convert_to_int, then validate_non_negative. */
    static final Check NON_NEGATIVE_INT = (name, value) -> {
        long number = toInt(value);
        if (number < 0) {
            throw invalid(name, "'" + number + "' should be non-negative");
        }
        return NODES.numberNode(number);
    };

    static long toInt(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().strip());
            } catch (NumberFormatException e) {
                // falls through to the error
            }
        }
        throw NeutronError.INVALID_INPUT.fault("'" + repr(value) + "' is not an integer");
    }

    /** convert_to_boolean: booleans, 0/1, and "true"/"false"/"0"/"1" in any case. */
    static final Check BOOLEAN = (name, value) -> NODES.booleanNode(toBoolean(value));

    static boolean toBoolean(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber() && (value.asInt() == 0 || value.asInt() == 1)) {
            return value.asInt() == 1;
        }
        if (value.isTextual()) {
            switch (value.asText().toLowerCase(Locale.ROOT)) {
                case "true", "1" -> {
                    return true;
                }
                case "false", "0" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw NeutronError.INVALID_INPUT.fault("'" + repr(value) + "' cannot be converted to boolean");
    }

    /** convert_to_list: a lone value becomes a one-element list, null stays null. */
    static JsonNode toList(JsonNode value) {
        if (value.isNull() || value.isArray()) {
            return value;
        }
        ArrayNode list = NODES.arrayNode();
        list.add(value);
        return list;
    }

    static final Check LIST = (name, value) -> toList(value);

    /** convert_to_list, then validate_subnet_list_or_none. */
    static final Check SUBNETS_OR_NONE = (name, value) -> {
        JsonNode list = toList(value);
        if (list.isNull()) {
            return list;
        }
        for (JsonNode item : list) {
            if (!item.isTextual() || Addresses.cidr(item.asText()).isEmpty()) {
                throw invalid(name, "'" + repr(item) + "' is not a valid IP subnet");
            }
        }
        return list;
    };

    /** Checks a dict's keys and values; {@code null} becomes {@code {}} (convert_none_to_empty_dict). */
    static Check dict(java.util.Map<String, Check> keys) {
        return (name, value) -> {
            if (value.isNull()) {
                return NODES.objectNode();
            }
            if (!value.isObject()) {
                throw invalid(name, "'" + repr(value) + "' is not a dictionary");
            }
            var unexpected = new ArrayList<String>();
            value.fieldNames().forEachRemaining(k -> {
                if (!keys.containsKey(k)) {
                    unexpected.add(k);
                }
            });
            if (!unexpected.isEmpty()) {
                throw invalid(name, "Unexpected keys supplied: " + String.join(", ", unexpected));
            }
            ObjectNode out = NODES.objectNode();
            for (var entry : keys.entrySet()) {
                JsonNode item = value.get(entry.getKey());
                if (item != null) {
                    out.set(entry.getKey(), entry.getValue().apply(name, item));
                }
            }
            return out;
        };
    }

    /** A non-negative integer inside a dict; the value keeps the type it was sent with. */
    static final Check DICT_NON_NEGATIVE = (name, value) -> {
        long number = toInt(value);
        if (number < 0) {
            throw invalid(name, "'" + number + "' should be non-negative");
        }
        return value.isTextual() ? value : NODES.numberNode(number);
    };

    /** An integer of at least {@code min} inside a dict; a string stays a string (Neutron echoes it so). */
    static Check dictAtLeast(long min) {
        return (name, value) -> {
            long number = toInt(value);
            if (number < min) {
                throw invalid(name, "'" + repr(value) + "' is too small - must be at least '" + min + "'");
            }
            return value.isTextual() ? value : NODES.numberNode(number);
        };
    }

    static List<String> texts(JsonNode list) {
        var out = new ArrayList<String>();
        if (list != null && list.isArray()) {
            list.forEach(item -> out.add(item.asText()));
        }
        return out;
    }
}
