package dev.vpnd.core.model;

import java.util.Objects;

public record Tag(String key, String value) {
    public Tag {
        Objects.requireNonNull(key, "key");
        value = value == null ? "" : value;
    }
}
