package dev.vpnd.server.dialect.neutron;

/** Who sends a request: the project of the token, and whether the user holds the admin role. */
record Caller(String projectId, boolean admin) {
    /**
     * Whoever asks for the version document, the one answer given without a token. It has no
     * project, so anything that would check one against a resource fails rather than match.
     */
    static final Caller ANONYMOUS = new Caller(null, false);
}
