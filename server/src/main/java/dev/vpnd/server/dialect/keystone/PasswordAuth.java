package dev.vpnd.server.dialect.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnd.server.dialect.WireFault;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The body of {@code POST /v3/auth/tokens} with the {@code password} method: the user by id or by
 * name (domain Default), and the project scope by id or by name; null where not given.
 */
record PasswordAuth(String userId, String userName, String password, String projectId, String projectName) {
    static final String DEFAULT_DOMAIN_ID = "default";
    static final String DEFAULT_DOMAIN_NAME = "Default";

    static PasswordAuth parse(JsonNode body) {
        JsonNode identity = body.path("auth").path("identity");
        if (!identity.isObject()) {
            throw KeystoneError.BAD_REQUEST.fault("Expecting to find identity in auth. The server could not comply "
                    + "with the request since it is either malformed or otherwise incorrect. The client is assumed "
                    + "to be in error.");
        }
        boolean password = false;
        for (JsonNode method : identity.path("methods")) {
            password |= "password".equals(method.asText());
        }
        if (!password) {
            throw KeystoneError.UNAUTHORIZED.fault("The request you have made requires authentication.");
        }
        JsonNode user = identity.path("password").path("user");
        checkDomain(user.path("domain"));
        JsonNode project = body.path("auth").path("scope").path("project");
        if (!project.isMissingNode()) {
            checkDomain(project.path("domain"));
        }
        return new PasswordAuth(text(user, "id"), text(user, "name"), text(user, "password"), text(project, "id"),
                text(project, "name"));
    }

    /** vpnd has one domain, Default; naming another one can only fail, as a wrong password does. */
    private static void checkDomain(JsonNode domain) {
        String id = text(domain, "id");
        String name = text(domain, "name");
        if ((id != null && !id.equals(DEFAULT_DOMAIN_ID)) || (name != null && !name.equals(DEFAULT_DOMAIN_NAME))) {
            throw unauthorized();
        }
    }

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

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
