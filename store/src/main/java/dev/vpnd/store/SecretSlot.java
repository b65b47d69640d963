package dev.vpnd.store;

import dev.vpnd.core.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a sealed value lives: its table, column and row (the primary key's values, in the key's
 * order). Sealing authenticates it with the ciphertext, so a value copied to another row or column,
 * such as another account's access key secret pasted into one's own pre-shared key, fails to open
 * instead of being read there.
 */
public record SecretSlot(String table, String column, List<String> key) {
    public SecretSlot {
        key = List.copyOf(key);
    }

    public static SecretSlot of(String table, String column, String... key) {
        return new SecretSlot(table, column, List.of(key));
    }

    /** This slot filled with {@code secret}, for binding: a bare {@link Secret} cannot be bound. */
    Filled with(Secret secret) {
        return new Filled(this, secret);
    }

    /** A secret to be sealed for its slot; null binds NULL. */
    record Filled(SecretSlot slot, Secret secret) {
    }

    /** Each part as its length, a colon and the part, so no two slots give the same bytes. */
    byte[] associatedData() {
        var out = new StringBuilder();
        for (String part : parts()) {
            out.append(part.length()).append(':').append(part);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<String> parts() {
        var parts = new ArrayList<String>(key.size() + 2);
        parts.add(table);
        parts.add(column);
        parts.addAll(key);
        return parts;
    }

    @Override
    public String toString() {
        return table + "." + column + " of " + String.join("/", key);
    }
}
