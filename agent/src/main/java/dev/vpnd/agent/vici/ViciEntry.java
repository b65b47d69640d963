package dev.vpnd.agent.vici;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One element of a {@link ViciMessage}, in the order the message holds it: a key with a value, a
 * named list of values, or a named section holding a message of its own. A name is 1 to 255 bytes of
 * UTF-8 (the wire gives it an 8-bit length; charon's names are ASCII) without NUL, since charon
 * reads names as C strings.
 */
public sealed interface ViciEntry {
    /** The longest name the wire can carry. */
    int MAX_NAME_BYTES = 0xFF;

    String name();

    /** {@code name = value}. */
    record KeyValue(String name, ViciValue value) implements ViciEntry {
        public KeyValue {
            checkName(name);
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code name = [item, ...]}: charon's lists hold values only. */
    record ValueList(String name, List<ViciValue> items) implements ViciEntry {
        public ValueList {
            checkName(name);
            items = List.copyOf(items);
        }

        /** The items as UTF-8 text. */
        public List<String> strings() {
            return items.stream().map(ViciValue::asString).toList();
        }
    }

    /** {@code name { ... }}. */
    record Section(String name, ViciMessage body) implements ViciEntry {
        public Section {
            checkName(name);
            Objects.requireNonNull(body, "body");
        }
    }

    /** Refuses a name the wire cannot carry or charon cannot read. */
    static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        int length = name.getBytes(StandardCharsets.UTF_8).length;
        if (length == 0 || length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("a VICI name has 1 to " + MAX_NAME_BYTES + " bytes, not " + length);
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a VICI name holds no NUL");
        }
    }
}
