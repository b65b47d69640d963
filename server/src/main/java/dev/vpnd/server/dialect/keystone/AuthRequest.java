package dev.vpnd.server.dialect.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnd.server.dialect.OpenStackIds;
import java.util.HashSet;
import java.util.Set;

/**
 * The body of {@code POST /v3/auth/tokens}: a sign-in with a password, or a valid token exchanged
 * for a new one (Keystone's {@code token} method, what {@code auth_type=v3token} and re-scoping
 * clients send). With both methods named, the password is checked, as it proves more.
 */
sealed interface AuthRequest permits PasswordAuth, TokenAuth {
    String DEFAULT_DOMAIN_ID = "default";
    String DEFAULT_DOMAIN_NAME = "Default";

    /** The project scope asked for, by id or by name; null where not given. */
    String projectId();

    String projectName();

    static AuthRequest parse(JsonNode body) {
        JsonNode identity = body.path("auth").path("identity");
        if (!identity.isObject()) {
            throw KeystoneError.BAD_REQUEST.fault("Expecting to find identity in auth. The server could not comply "
                    + "with the request since it is either malformed or otherwise incorrect. The client is assumed "
                    + "to be in error.");
        }
        Set<String> methods = new HashSet<>();
        for (JsonNode method : identity.path("methods")) {
            methods.add(method.asText());
        }
        JsonNode project = body.path("auth").path("scope").path("project");
        if (!project.isMissingNode()) {
            checkDomain(project.path("domain"));
        }
        String projectId = OpenStackIds.canonical(text(project, "id"));
        String projectName = text(project, "name");
        if (methods.contains("password")) {
            JsonNode user = identity.path("password").path("user");
            checkDomain(user.path("domain"));
            return new PasswordAuth(OpenStackIds.canonical(text(user, "id")), text(user, "name"),
                    text(user, "password"), projectId, projectName);
        }
        if (methods.contains("token")) {
            String token = text(identity.path("token"), "id");
            if (token == null) {
                throw KeystoneError.BAD_REQUEST.fault("Expecting to find id in token. The server could not comply "
                        + "with the request since it is either malformed or otherwise incorrect. The client is "
                        + "assumed to be in error.");
            }
            return new TokenAuth(token, projectId, projectName);
        }
        throw KeystoneError.UNAUTHORIZED.fault("The request you have made requires authentication.");
    }

    /** vpnd has one domain, Default; naming another one can only fail, as a wrong password does. */
    private static void checkDomain(JsonNode domain) {
        String id = text(domain, "id");
        String name = text(domain, "name");
        if ((id != null && !id.equals(DEFAULT_DOMAIN_ID)) || (name != null && !name.equals(DEFAULT_DOMAIN_NAME))) {
            throw PasswordAuth.unauthorized();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
