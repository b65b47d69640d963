package dev.vpnd.server.dialect.keystone;

import dev.vpnd.server.dialect.WireFault;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code password} method: the user by id or by name (domain Default), and the project scope by
 * id or by name; null where not given.
 */
record PasswordAuth(String userId, String userName, String password, String projectId, String projectName)
        implements AuthRequest {

    static WireFault unauthorized() {
        return KeystoneError.UNAUTHORIZED.fault();
    }

    /** Keystone's 401, with how many seconds a throttled client should wait before it signs in again. */
    static WireFault throttled(long retryAfterSeconds) {
        return KeystoneError.UNAUTHORIZED.fault(KeystoneError.UNAUTHORIZED.template(),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /**
     * The user as the throttle counts it: by id, whether the request names the user by id or by a
     * name {@code idOfName} resolves, so guesses under both count together; a name no user has by
     * that name.
     */
    String throttleKey(Function<String, Optional<String>> idOfName) {
        if (userId != null) {
            return "id:" + userId;
        }
        String name = userName == null ? "" : userName;
        return idOfName.apply(name).map(id -> "id:" + id).orElse("name:" + name);
    }

    @Override
    public String toString() {
        return "PasswordAuth[userId=" + userId + ", userName=" + userName + ", password=****, projectId="
                + projectId + ", projectName=" + projectName + "]";
    }
}
