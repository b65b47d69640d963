package dev.vpnd.core.service;

import java.security.SecureRandom;
import java.util.UUID;

/** Canonical ids are random UUIDs: unique across nodes with no coordination; each dialect renders its own form. */
final class Identifiers {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHANUMERIC =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private Identifiers() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A pre-shared key for a connection created without one: 16 characters, as clouds that make one do. */
    static String newPsk() {
        return randomAlphanumeric(16);
    }

    static String randomAlphanumeric(int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)]);
        }
        return out.toString();
    }
}
