package dev.vpnd.core.port;

/** A tag a listed resource must carry; a null value matches any value of the key. */
public record TagFilter(String key, String value) {
}
