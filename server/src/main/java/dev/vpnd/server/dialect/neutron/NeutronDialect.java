package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.service.IdentityService;
import dev.vpnd.core.service.NetworkingService;
import dev.vpnd.server.http.Dialect;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.Metrics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neutron v2.0 on its own listener. A request goes: find the route (collection, member or member
 * action, a {@code .json} suffix allowed), check the Keystone token (the project comes from it),
 * then run the generic list/show/create/update/delete of the kind with its behaviour, all in one
 * transaction. Every error is {@code {"NeutronError": …}} except the 401, which is keystonemiddleware's.
 */
public final class NeutronDialect implements Dialect {
    private static final Logger LOG = LoggerFactory.getLogger(NeutronDialect.class);
    private static final String JSON = "application/json";
    private static final Set<String> ROUTED_METHODS = Set.of("GET", "POST", "PUT", "DELETE");

    private final IdentityService identity;
    private final NetworkingService networking;
    private final Metrics metrics;
    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    public NeutronDialect(IdentityService identity, NetworkingService networking, Metrics metrics) {
        this.identity = identity;
        this.networking = networking;
        this.metrics = metrics;
        Kinds.ALL.forEach(kind -> kinds.put(kind.path(), kind));
    }

    /**
     * Brings what older versions stored up to date before the dialect serves: the documents they kept
     * of VPN services and site connections become the attributes beside the canonical records.
     */
    public static void upgradeStoredDocuments(NetworkingService networking) {
        int moved = LegacyDocuments.move(networking);
        if (moved > 0) {
            LOG.info("moved {} Neutron VPN service and site connection documents beside their canonical records",
                    moved);
        }
    }

    @Override
    public String name() {
        return "neutron";
    }

    /** The parsed target of a request: a collection, one member, or a member action. */
    private record Target(Kind kind, String id, String action) {
    }

    /** A GET or HEAD: token validation, then a list or a show; nothing is written. */
    @Override
    public boolean onlyReads(WireRequest request) {
        return request.safeWithoutBody();
    }

    @Override
    public WireResponse handle(WireRequest request) {
        String requestId = "req-" + UUID.randomUUID();
        String action = "unknown";
        String outcome = "ok";
        try {
            String path = request.path();
            if (path.equals("/") || path.isEmpty()) {
                return versions(request);
            }
            var session = identity.validate(request.header("x-auth-token")).orElse(null);
            if (session == null) {
                outcome = "Unauthorized";
                return unauthorized();
            }
            var caller = new Caller(session.project().id(), session.admin());
            if (path.endsWith(".json")) {
                path = path.substring(0, path.length() - ".json".length());
            }
            if (path.equals("/v2.0") || path.equals("/v2.0/")) {
                return respond(200, Extensions.resources(baseUrl(request)), true, requestId);
            }
            if (path.startsWith("/v2.0/extensions")) {
                action = "extensions";
                return extensions(path.substring("/v2.0/extensions".length()), request, requestId);
            }
            Target target = target(path);
            if (target == null) {
                throw NeutronError.HTTP_NOT_FOUND.fault();
            }
            action = target.kind().collection() + "." + methodLabel(request.method())
                    + (target.action() == null ? "" : "." + target.action());
            return dispatch(request, caller, target, requestId);
        } catch (NeutronFault fault) {
            outcome = fault.type;
            return error(fault, requestId);
        } catch (ProblemException problem) {
            NeutronFault fault = NeutronErrors.of(problem.problem());
            outcome = fault.type;
            return error(fault, requestId);
        } catch (RuntimeException e) {
            LOG.error("neutron request {} failed", requestId, e);
            outcome = "HTTPInternalServerError";
            return error(internal(), requestId);
        } finally {
            metrics.request(name(), action, outcome, Duration.between(request.receivedAt(), Instant.now()));
        }
    }

    /** A metrics label from a closed set: the methods Neutron routes, every other one is {@code other}. */
    private static String methodLabel(String method) {
        return ROUTED_METHODS.contains(method) ? method : "other";
    }

    private Target target(String path) {
        if (!path.startsWith("/v2.0/")) {
            return null;
        }
        String rest = path.substring("/v2.0/".length());
        for (Kind kind : kinds.values()) {
            if (rest.equals(kind.path())) {
                return new Target(kind, null, null);
            }
            if (rest.startsWith(kind.path() + "/")) {
                String[] parts = rest.substring(kind.path().length() + 1).split("/", -1);
                if (parts.length == 1 && !parts[0].isEmpty()) {
                    return new Target(kind, parts[0], null);
                }
                if (parts.length == 2 && kind == Kinds.ROUTERS && Routers.ACTIONS.contains(parts[1])) {
                    return new Target(kind, parts[0], parts[1]);
                }
            }
        }
        return null;
    }

    private WireResponse dispatch(WireRequest request, Caller caller, Target target, String requestId) {
        Kind kind = target.kind();
        String method = request.method();
        if (target.action() != null) {
            if (!method.equals("PUT")) {
                throw methodNotAllowed();
            }
            JsonNode body = body(request);
            ObjectNode answer = networking.write(tx -> Routers.interfaceAction(new Operation(caller, tx),
                    target.id(), target.action(), body));
            return respond(200, answer, kind.spaced(), requestId);
        }
        if (target.id() == null) {
            return switch (method) {
                case "GET" -> list(request, caller, kind, requestId);
                case "POST" -> create(request, caller, kind, requestId);
                default -> throw methodNotAllowed();
            };
        }
        return switch (method) {
            case "GET" -> show(request, caller, kind, target.id(), requestId);
            case "PUT" -> update(request, caller, kind, target.id(), requestId);
            case "DELETE" -> delete(caller, kind, target.id(), requestId);
            default -> throw methodNotAllowed();
        };
    }

    private WireResponse list(WireRequest request, Caller caller, Kind kind, String requestId) {
        var query = new ListQuery(request.rawQuery());
        ObjectNode root = networking.read(tx -> {
            var op = new Operation(caller, tx);
            var page = kind.behaviour() instanceof Canonical canonical ? canonical.page(op, query)
                    : query.page(query.sort(kind, op.visibleList(kind).stream().filter(d -> query.matches(kind, d))
                            .toList()));
            Set<String> fields = query.fields();
            ObjectNode out = NeutronJson.NODES.objectNode();
            var items = out.putArray(kind.collection());
            page.forEach(doc -> items.add(Documents.render(op, kind, doc, fields)));
            if (query.limit() > 0) {
                out.set(kind.collection() + "_links", query.links(baseUrl(request) + request.path(), page));
            }
            return out;
        });
        return respond(200, root, kind.spaced(), requestId);
    }

    private WireResponse show(WireRequest request, Caller caller, Kind kind, String id, String requestId) {
        var fields = new ListQuery(request.rawQuery()).fields();
        ObjectNode root = networking.read(tx -> {
            var op = new Operation(caller, tx);
            return wrap(kind, Documents.render(op, kind, op.get(kind, id), fields));
        });
        return respond(200, root, kind.spaced(), requestId);
    }

    private WireResponse create(WireRequest request, Caller caller, Kind kind, String requestId) {
        if (kind == Kinds.PORTS) {
            // Ports exist here only as router interfaces and gateways.
            throw methodNotAllowed();
        }
        JsonNode body = body(request);
        ObjectNode doc = Documents.forCreate(kind, body, caller);
        Policy.create(kind, doc).enforce(caller, Operation.project(doc));
        ObjectNode root = networking.write(tx -> {
            var op = new Operation(caller, tx);
            if (!tx.projectExists(Operation.project(doc))) {
                // Neutron takes any tenant_id from an admin; vpnd's resources must belong to a known project.
                throw NeutronError.PROJECT_NOT_FOUND.fault(Operation.project(doc));
            }
            op.checkQuota(kind, Operation.project(doc));
            doc.put("id", UUID.randomUUID().toString());
            kind.behaviour().create(op, doc);
            op.insert(kind, kind.behaviour().stored(doc));
            return wrap(kind, Documents.render(op, kind, doc, Set.of()));
        });
        return respond(201, root, kind.spaced(), requestId);
    }

    private WireResponse update(WireRequest request, Caller caller, Kind kind, String id, String requestId) {
        JsonNode body = body(request);
        ObjectNode changes = Documents.forUpdate(kind, body);
        ObjectNode root = networking.write(tx -> {
            var op = new Operation(caller, tx);
            ObjectNode current = op.owned(kind, id, Policy.update(kind, changes));
            ObjectNode updated = kind.behaviour().update(op, current, changes);
            op.save(kind, kind.behaviour().stored(updated));
            return wrap(kind, Documents.render(op, kind, updated, Set.of()));
        });
        return respond(200, root, kind.spaced(), requestId);
    }

    private WireResponse delete(Caller caller, Kind kind, String id, String requestId) {
        if (kind == Kinds.PORTS) {
            throw methodNotAllowed();
        }
        networking.write(tx -> {
            var op = new Operation(caller, tx);
            ObjectNode current = op.owned(kind, id, Policy.delete(kind));
            kind.behaviour().delete(op, current);
            op.remove(kind, id);
            return null;
        });
        // As the reference: a 204 has no Content-Type.
        return new WireResponse(204, null, new byte[0], Map.of("X-Openstack-Request-Id", requestId));
    }

    private WireResponse extensions(String rest, WireRequest request, String requestId) {
        if (!request.method().equals("GET")) {
            throw methodNotAllowed();
        }
        if (rest.isEmpty() || rest.equals("/")) {
            return respond(200, Extensions.list(), true, requestId);
        }
        ObjectNode extension = Extensions.find(rest.substring(1)).orElseThrow(
                () -> NeutronError.EXTENSION_NOT_FOUND.fault(rest.substring(1)));
        return respond(200, extension, true, requestId);
    }

    private WireResponse versions(WireRequest request) {
        ObjectNode root = NeutronJson.NODES.objectNode();
        var version = root.putArray("versions").addObject();
        version.put("id", "v2.0");
        version.put("status", "CURRENT");
        version.putArray("links").addObject().put("href", baseUrl(request) + "/v2.0/").put("rel", "self");
        return new WireResponse(200, JSON, NeutronJson.write(root, true), Map.of());
    }

    private static ObjectNode wrap(Kind kind, ObjectNode doc) {
        ObjectNode root = NeutronJson.NODES.objectNode();
        root.set(kind.member(), doc);
        return root;
    }

    private static JsonNode body(WireRequest request) {
        if (request.body().length == 0) {
            throw NeutronError.BODY_REQUIRED.fault();
        }
        try {
            return NeutronJson.MAPPER.readTree(request.body());
        } catch (IOException e) {
            throw NeutronError.MALFORMED_REQUEST_BODY.fault();
        }
    }

    /** The listener's own scheme, as Keystone's catalog gives it: links must work on an HTTPS-only port. */
    private static String baseUrl(WireRequest request) {
        String host = request.header("host");
        return request.scheme() + "://" + (host == null ? "localhost" : host);
    }

    private static NeutronFault methodNotAllowed() {
        return NeutronError.HTTP_METHOD_NOT_ALLOWED.fault();
    }

    private static NeutronFault internal() {
        return NeutronError.INTERNAL_SERVER_ERROR.fault();
    }

    private static WireResponse respond(int status, JsonNode body, boolean spaced, String requestId) {
        return new WireResponse(status, JSON, NeutronJson.write(body, spaced),
                Map.of("X-Openstack-Request-Id", requestId));
    }

    private static WireResponse error(NeutronFault fault, String requestId) {
        ObjectNode root = NeutronJson.NODES.objectNode();
        root.putObject("NeutronError").put("type", fault.type).put("message", fault.getMessage()).put("detail", "");
        return respond(fault.status, root, true, requestId);
    }

    /** keystonemiddleware's answer to a missing, unknown or expired token. */
    private static WireResponse unauthorized() {
        ObjectNode root = NeutronJson.NODES.objectNode();
        root.putObject("error").put("code", 401).put("title", "Unauthorized")
                .put("message", "The request you have made requires authentication.");
        return new WireResponse(401, JSON, NeutronJson.write(root, true),
                Map.of("WWW-Authenticate", "Keystone uri=\"/v3\""));
    }

    @Override
    public WireResponse protocolError(int status, String reason) {
        String requestId = "req-" + UUID.randomUUID();
        if (status == 503) {
            return error(NeutronError.SERVICE_UNAVAILABLE.fault(), requestId);
        }
        if (status >= 500) {
            return error(internal(), requestId);
        }
        // The HTTP layer's own status (413, 414, 431, ...) with webob's type.
        return error(new NeutronFault(status, NeutronError.HTTP_BAD_REQUEST.type, reason), requestId);
    }
}
