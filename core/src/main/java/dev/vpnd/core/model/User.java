package dev.vpnd.core.model;

import java.time.Instant;

/**
 * An OpenStack (Keystone) user: it belongs to one account, which is its only project, and signs in
 * with a password kept only as a salted PBKDF2 hash. {@code admin} users hold Keystone's
 * {@code admin} role and may act on every project.
 */
public record User(String id, String accountId, String name, Secret passwordHash, boolean admin, Instant createdAt) {
}
