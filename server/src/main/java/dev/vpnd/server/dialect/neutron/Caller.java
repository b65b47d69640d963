package dev.vpnd.server.dialect.neutron;

/** Who sends a request: the project of the token, and whether the user holds the admin role. */
record Caller(String projectId, boolean admin) {
}
