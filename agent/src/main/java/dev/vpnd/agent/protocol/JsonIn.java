package dev.vpnd.agent.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One JSON object of a body being read, with the path that leads to it, so every complaint names the
 * field it is about. Fields are taken by name, so unknown ones are ignored; a field of the wrong
 * type, out of bounds or missing is refused with a {@link ProtocolException}. Values a complaint
 * quotes are enum names only: a text field's value (a pre-shared key) is never repeated.
 */
final class JsonIn {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(ProtocolLimits.MAX_BODY_BYTES)
                    .maxNestingDepth(ProtocolLimits.MAX_DEPTH)
                    .maxStringLength(ProtocolLimits.MAX_BODY_BYTES)
                    .maxNameLength(ProtocolLimits.MAX_TEXT)
                    .maxNumberLength(32)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());
    /** Enum values longer than this are not quoted back. */
    private static final int QUOTED = 40;

    private final JsonNode node;
    private final String path;

    private JsonIn(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The body's top-level object; refused when larger than the protocol allows or not a JSON object. */
    static JsonIn body(byte[] body) {
        if (body.length > ProtocolLimits.MAX_BODY_BYTES) {
            throw new ProtocolException("body of " + body.length + " bytes, more than "
                    + ProtocolLimits.MAX_BODY_BYTES);
        }
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(body)) {
            root = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new ProtocolException("body: more than one JSON value");
            }
        } catch (IOException e) {
            throw new ProtocolException("body: not valid JSON (" + firstLine(e.getMessage()) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new ProtocolException("body: not a JSON object");
        }
        return new JsonIn(root, "");
    }

    String path() {
        return path.isEmpty() ? "body" : path;
    }

    JsonIn object(String name) {
        JsonNode value = required(name);
        if (!value.isObject()) {
            throw wrong(name, "an object");
        }
        return new JsonIn(value, at(name));
    }

    /** The object, or null when the field is absent or null. */
    JsonIn nullableObject(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return object(name);
    }

    /** The array's objects, at most {@code max} of them. */
    List<JsonIn> objects(String name, int max) {
        var items = array(name, max);
        var out = new ArrayList<JsonIn>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemPath = at(name) + "[" + i + "]";
            if (!item.isObject()) {
                throw new ProtocolException(itemPath + ": not an object");
            }
            out.add(new JsonIn(item, itemPath));
        }
        return out;
    }

    /** The array's strings, at most {@code max} of them, each at most {@link ProtocolLimits#MAX_TEXT} long. */
    List<String> texts(String name, int max) {
        var items = array(name, max);
        var out = new ArrayList<String>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(checkedText(items.get(i), at(name) + "[" + i + "]"));
        }
        return out;
    }

    String text(String name) {
        return checkedText(required(name), at(name));
    }

    /** The string, or null when the field is absent or null. */
    String nullableText(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : text(name);
    }

    /** An IP address literal (IPv4 or IPv6). */
    String address(String name) {
        String value = text(name);
        if (!Addresses.isAddress(value)) {
            throw new ProtocolException(at(name) + ": not an IP address");
        }
        return value;
    }

    /** Addresses with a prefix length, at most {@code max}, at least one. */
    List<String> cidrs(String name, int max) {
        var values = texts(name, max);
        if (values.isEmpty()) {
            throw new ProtocolException(at(name) + ": empty");
        }
        for (int i = 0; i < values.size(); i++) {
            if (!Addresses.isCidr(values.get(i))) {
                throw new ProtocolException(at(name) + "[" + i + "]: not an address with a prefix length");
            }
        }
        return values;
    }

    long number(String name, long min, long max) {
        JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrong(name, "a whole number");
        }
        long n = value.longValue();
        if (n < min || n > max) {
            throw new ProtocolException(at(name) + ": " + n + " is not between " + min + " and " + max);
        }
        return n;
    }

    int int32(String name, int min, int max) {
        return (int) number(name, min, max);
    }

    boolean bool(String name) {
        JsonNode value = required(name);
        if (!value.isBoolean()) {
            throw wrong(name, "true or false");
        }
        return value.booleanValue();
    }

    /** One of the enum's names, exactly as spelled. */
    <E extends Enum<E>> E enumOf(String name, Class<E> type) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw wrong(name, "a string");
        }
        String text = value.textValue();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        String shown = text.length() > QUOTED ? "the value" : "'" + printable(text) + "'";
        throw new ProtocolException(at(name) + ": " + shown + " is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** One of the enum's names, or null when the field is absent or null. */
    <E extends Enum<E>> E nullableEnumOf(String name, Class<E> type) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : enumOf(name, type);
    }

    private List<JsonNode> array(String name, int max) {
        JsonNode value = required(name);
        if (!value.isArray()) {
            throw wrong(name, "an array");
        }
        if (value.size() > max) {
            throw new ProtocolException(at(name) + ": " + value.size() + " items, more than " + max);
        }
        var items = new ArrayList<JsonNode>(value.size());
        value.forEach(items::add);
        return items;
    }

    private JsonNode required(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new ProtocolException(at(name) + ": missing");
        }
        return value;
    }

    private static String checkedText(JsonNode value, String where) {
        if (!value.isTextual()) {
            throw new ProtocolException(where + ": not a string");
        }
        String text = value.textValue();
        if (text.length() > ProtocolLimits.MAX_TEXT) {
            throw new ProtocolException(where + ": longer than " + ProtocolLimits.MAX_TEXT + " characters");
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ProtocolException(where + ": holds a control character");
        }
        return text;
    }

    private ProtocolException wrong(String name, String expected) {
        return new ProtocolException(at(name) + ": not " + expected);
    }

    private String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String printable(String text) {
        var out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 0x20 || c == 0x7f ? "?" : Character.toString(c)));
        return out.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
