package dev.vpnd.agent.vici;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A VICI message: an ordered sequence of key-values, lists and sections, immutable. Order is kept
 * because charon reads some of it in order (authentication rounds, proposals) and so that a message
 * encodes to the same bytes every time. The lookups return the first entry of a name.
 */
public final class ViciMessage {
    /** The message with no entries: what most requests and the end of a stream carry. */
    public static final ViciMessage EMPTY = new ViciMessage(List.of());

    private final List<ViciEntry> entries;

    private ViciMessage(List<ViciEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ViciMessage of(List<ViciEntry> entries) {
        return entries.isEmpty() ? EMPTY : new ViciMessage(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<ViciEntry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The value of the first key-value named {@code name}, as text. */
    public Optional<String> string(String name) {
        for (ViciEntry entry : entries) {
            if (entry instanceof ViciEntry.KeyValue kv && kv.name().equals(name)) {
                return Optional.of(kv.value().asString());
            }
        }
        return Optional.empty();
    }

    /** The items of the first list named {@code name}, as text; empty when there is none. */
    public List<String> strings(String name) {
        for (ViciEntry entry : entries) {
            if (entry instanceof ViciEntry.ValueList list && list.name().equals(name)) {
                return list.strings();
            }
        }
        return List.of();
    }

    /** The body of the first section named {@code name}. */
    public Optional<ViciMessage> section(String name) {
        for (ViciEntry entry : entries) {
            if (entry instanceof ViciEntry.Section section && section.name().equals(name)) {
                return Optional.of(section.body());
            }
        }
        return Optional.empty();
    }

    /** Every section of this message, in order. */
    public List<ViciEntry.Section> sections() {
        var sections = new ArrayList<ViciEntry.Section>();
        for (ViciEntry entry : entries) {
            if (entry instanceof ViciEntry.Section section) {
                sections.add(section);
            }
        }
        return sections;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ViciMessage message && entries.equals(message.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** A compact form for logs and test failures: {@code {a=1, b=[x, y], c={d=2}}}, secrets hidden. */
    @Override
    public String toString() {
        var text = new StringBuilder("{");
        for (ViciEntry entry : entries) {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(entry.name()).append('=');
            switch (entry) {
                case ViciEntry.KeyValue kv -> text.append(kv.value());
                case ViciEntry.ValueList list -> text.append(list.items());
                case ViciEntry.Section section -> text.append(section.body());
            }
        }
        return text.append('}').toString();
    }

    /** Builds a message entry by entry, in order. */
    public static final class Builder {
        private final List<ViciEntry> entries = new ArrayList<>();

        private Builder() {
        }

        public Builder put(String name, String value) {
            return add(new ViciEntry.KeyValue(name, ViciValue.of(value)));
        }

        public Builder put(String name, ViciValue value) {
            return add(new ViciEntry.KeyValue(name, value));
        }

        /** A key whose value never shows in a toString (a pre-shared key). */
        public Builder putSecret(String name, String value) {
            return add(new ViciEntry.KeyValue(name, ViciValue.secret(value)));
        }

        public Builder putList(String name, List<String> items) {
            return add(new ViciEntry.ValueList(name, items.stream().map(ViciValue::of).toList()));
        }

        public Builder putSection(String name, ViciMessage body) {
            return add(new ViciEntry.Section(name, body));
        }

        /** A section whose body {@code body} fills in. */
        public Builder section(String name, Consumer<Builder> body) {
            var inner = new Builder();
            body.accept(inner);
            return putSection(name, inner.build());
        }

        public Builder add(ViciEntry entry) {
            entries.add(entry);
            return this;
        }

        public ViciMessage build() {
            return ViciMessage.of(entries);
        }
    }
}
