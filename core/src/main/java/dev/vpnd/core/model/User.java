package dev.vpnd.core.model;

import java.time.Instant;

/**
 * An OpenStack (Keystone) user: it belongs to one account, which is its only project, and signs in
 * with a password kept only as a salted PBKDF2 hash. {@code admin} users hold Keystone's
 * {@code admin} role and may act on every project. {@code policy} names the Neutron policy rules
 * ({@code get_network}, {@code create_ipsec_site_connection}) the user may pass; a user whose policy
 * is {@link AccessPolicy#READER} holds Keystone's {@code reader} role only. Its resources and
 * regions are empty: Neutron calls are limited by project.
 */
public record User(String id, String accountId, String name, Secret passwordHash, boolean admin, Instant createdAt,
        AccessPolicy policy) {

    /** A user who may pass every rule its role allows (a member's or an admin's). */
    public User(String id, String accountId, String name, Secret passwordHash, boolean admin, Instant createdAt) {
        this(id, accountId, name, passwordHash, admin, createdAt, AccessPolicy.ALLOW_ALL);
    }
}
