package dev.vpnd.server.dialect.neutron;

import dev.vpnd.server.http.WireRequest;
import java.util.Set;

/**
 * A Neutron request as routed: the resource its path names and the method; the action is the two
 * together ({@code networks.GET} lists, {@code network.GET} shows, {@code router.add_router_interface.PUT}).
 * A collection is named by its plural, one member by its singular (with its {@code id}), a member
 * action by the member and the action. Parsing never fails: a path that names no resource has an
 * empty one, which is 404, but only once the token is good (as keystonemiddleware, which sits in
 * front of neutron-server, answers 401 before the router sees the path).
 *
 * @param resource {@link #VERSIONS}, {@link #ROOT}, {@link #EXTENSIONS}, {@link #EXTENSION}, a kind's
 *     collection or member name, a member action; empty when the path names none
 * @param kind the kind of a collection, member or member action; else null
 * @param id the member's id, or the alias an extension is asked by; else null
 */
record NeutronCall(String resource, Kind kind, String id, String method) {
    /** {@code /}: the version document, the one answer given without a token. */
    static final String VERSIONS = "versions";
    /** {@code /v2.0}: the core collections. */
    static final String ROOT = "root";
    static final String EXTENSIONS = "extensions";
    static final String EXTENSION = "extension";
    /** The resources answered whatever the method, as vpnd always has. */
    private static final Set<String> ANY_METHOD = Set.of(VERSIONS, ROOT);
    private static final String PREFIX = "/v2.0/";

    static NeutronCall parse(WireRequest request) {
        String path = request.path();
        String method = request.method();
        if (path.isEmpty() || path.equals("/")) {
            return new NeutronCall(VERSIONS, null, null, method);
        }
        if (path.endsWith(".json")) {
            path = path.substring(0, path.length() - ".json".length());
        }
        if (path.equals("/v2.0") || path.equals(PREFIX)) {
            return new NeutronCall(ROOT, null, null, method);
        }
        if (path.startsWith(PREFIX + EXTENSIONS)) {
            String rest = path.substring((PREFIX + EXTENSIONS).length());
            return rest.isEmpty() || rest.equals("/") ? new NeutronCall(EXTENSIONS, null, null, method)
                    : new NeutronCall(EXTENSION, null, rest.substring(1), method);
        }
        return path.startsWith(PREFIX) ? ofKind(path.substring(PREFIX.length()), method)
                : new NeutronCall("", null, null, method);
    }

    /** {@code rest}, the path after {@code /v2.0/}, as a collection, a member or a router's interface action. */
    private static NeutronCall ofKind(String rest, String method) {
        for (Kind kind : Kinds.ALL) {
            if (rest.equals(kind.path())) {
                return new NeutronCall(kind.collection(), kind, null, method);
            }
            if (rest.startsWith(kind.path() + "/")) {
                String[] parts = rest.substring(kind.path().length() + 1).split("/", -1);
                if (parts.length == 1 && !parts[0].isEmpty()) {
                    return new NeutronCall(kind.member(), kind, parts[0], method);
                }
                if (parts.length == 2 && kind.equals(Kinds.ROUTERS) && Routers.ACTIONS.contains(parts[1])) {
                    return new NeutronCall(kind.member() + "." + parts[1], kind, parts[0], method);
                }
            }
        }
        return new NeutronCall("", null, null, method);
    }

    /** Whether the path names a resource: a method it lacks is then 405, not 404. */
    boolean routed() {
        return !resource.isEmpty();
    }

    /** Whether the call is answered without a token. */
    boolean anonymous() {
        return resource.equals(VERSIONS);
    }

    /** The name the action table knows the call by; empty when the path names no resource. */
    String action() {
        if (!routed() || ANY_METHOD.contains(resource)) {
            return resource;
        }
        return resource + "." + method;
    }

    /** The member action's name ({@code add_router_interface}); only for a member action. */
    String memberAction() {
        return resource.substring(kind.member().length() + 1);
    }
}
