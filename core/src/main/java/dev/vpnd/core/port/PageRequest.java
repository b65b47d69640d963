package dev.vpnd.core.port;

/**
 * Offset paging in one stable order, so pages never skip or repeat: by creation (newest first
 * unless asked otherwise) or by name, ties broken by creation.
 */
public record PageRequest(long offset, int limit, Order order) {
    public enum Order {
        NEWEST_FIRST, OLDEST_FIRST, NAME_ASCENDING, NAME_DESCENDING
    }

    public PageRequest {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    public PageRequest(long offset, int limit) {
        this(offset, limit, Order.NEWEST_FIRST);
    }
}
