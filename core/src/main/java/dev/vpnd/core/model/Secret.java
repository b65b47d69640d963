package dev.vpnd.core.model;

import java.util.Objects;

/** A pre-shared key or other secret: its value never shows in a log line or a toString. */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
