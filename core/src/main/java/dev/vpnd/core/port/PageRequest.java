package dev.vpnd.core.port;

/** Offset paging; every list has one stable order (newest first, then id) so pages never skip or repeat. */
public record PageRequest(long offset, int limit) {
    public PageRequest {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }
}
