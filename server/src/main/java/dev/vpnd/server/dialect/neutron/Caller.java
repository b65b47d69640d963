package dev.vpnd.server.dialect.neutron;

import dev.vpnd.core.model.AccessPolicy;

/**
 * Who sends a request: the project of the token, whether the user holds the admin role, and the
 * Neutron policy rules the user may pass ({@link dev.vpnd.core.model.User#policy}).
 */
record Caller(String projectId, boolean admin, AccessPolicy policy) {
    /**
     * Whoever asks for the version document, the one answer given without a token. It has no
     * project, so anything that would check one against a resource fails rather than match.
     */
    static final Caller ANONYMOUS = new Caller(null, false);

    /** A caller whose user may pass every rule its role allows. */
    Caller(String projectId, boolean admin) {
        this(projectId, admin, AccessPolicy.ALLOW_ALL);
    }

    /** Whether the user's policy lets it read documents of {@code kind} (Neutron's {@code get_<member>}). */
    boolean mayRead(Kind kind) {
        return policy.allowsAction("get_" + kind.member());
    }
}
