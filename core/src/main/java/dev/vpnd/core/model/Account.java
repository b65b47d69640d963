package dev.vpnd.core.model;

import java.time.Instant;

/** A tenant: every resource and key belongs to exactly one. */
public record Account(String id, String name, Instant createdAt) {
}
