package dev.vpnd.core.model;

import java.time.Instant;

/**
 * A bearer token as stored: only the SHA-256 of the token is kept, so a copy of the database lets
 * no one sign in; every node sharing the database accepts it until {@code expiresAt}.
 */
public record TokenGrant(String tokenHash, String userId, String accountId, Instant issuedAt, Instant expiresAt) {
}
