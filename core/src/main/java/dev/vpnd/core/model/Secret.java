package dev.vpnd.core.model;

import java.util.Objects;

/** A pre-shared key or other secret: its value never shows in a log line or a toString. */
public record Secret(String value) {
    /** What a caller that may not see a secret is shown in its place. */
    public static final Secret EMPTY = new Secret("");

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
