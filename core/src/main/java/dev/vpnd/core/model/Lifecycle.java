package dev.vpnd.core.model;

import java.time.Instant;

/**
 * Where a resource is in its asynchronous life. Clouds answer a create or modify at once and
 * finish the work later; vpnd stores when the work is done ({@code readyAt}) rather than running a
 * background job, so every node derives the same state from the same row.
 */
public record Lifecycle(ResourceState pending, Instant readyAt) {

    public ResourceState state(Instant now) {
        return now.isBefore(readyAt) ? pending : ResourceState.ACTIVE;
    }

    public static Lifecycle provisioning(Instant now, java.time.Duration delay) {
        return new Lifecycle(ResourceState.PROVISIONING, now.plus(delay));
    }

    public static Lifecycle updating(Instant now, java.time.Duration delay) {
        return new Lifecycle(ResourceState.UPDATING, now.plus(delay));
    }
}
