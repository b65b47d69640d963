package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.service.NetworkingService;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The generic list, show, create, update and delete of any kind, and the routers' interface
 * actions, each in one transaction: the kind's attribute map checks the body ({@link Documents}),
 * {@link Policy} the caller's right to write, and the kind's {@link Behaviour} does the rest.
 */
final class Resources {
    /** The kinds neutron-server takes a list of in one create (its core plugin's); table, not code. */
    private static final Set<Kind> BULK_KINDS = Set.of(Kinds.NETWORKS, Kinds.SUBNETS);
    /**
     * The most members one bulk create takes. neutron-server bounds a list by its quotas alone; vpnd
     * refuses a longer one before converting any member, so a body cannot make it validate and hold
     * an unbounded number of documents only for the quota to refuse them in the transaction.
     */
    static final int MAX_BULK_MEMBERS = 1_000;
    private final NetworkingService networking;

    Resources(NetworkingService networking) {
        this.networking = networking;
    }

    WireResponse list(WireRequest request, Caller caller, Kind kind, String requestId) {
        var query = new ListQuery(request.rawQuery());
        ObjectNode root = networking.read(tx -> {
            var op = new Operation(caller, tx);
            List<ObjectNode> page = !caller.mayRead(kind) ? List.of()
                    : kind.behaviour() instanceof Canonical canonical ? canonical.page(op, query)
                    : query.page(query.sort(kind, op.visibleList(kind).stream().filter(d -> query.matches(kind, d))
                            .toList()));
            Set<String> fields = query.fields();
            ObjectNode out = NeutronJson.NODES.objectNode();
            var items = out.putArray(kind.collection());
            page.forEach(doc -> items.add(Documents.render(op, kind, doc, fields)));
            if (query.limit() > 0) {
                out.set(kind.collection() + "_links", query.links(request.origin() + request.path(), page));
            }
            return out;
        });
        return NeutronRenderer.json(200, root, kind.spaced(), requestId);
    }

    WireResponse show(WireRequest request, Caller caller, Kind kind, String id, String requestId) {
        var fields = new ListQuery(request.rawQuery()).fields();
        ObjectNode root = networking.read(tx -> {
            var op = new Operation(caller, tx);
            return wrap(kind, Documents.render(op, kind, op.get(kind, id), fields));
        });
        return NeutronRenderer.json(200, root, kind.spaced(), requestId);
    }

    WireResponse create(WireRequest request, Caller caller, Kind kind, String requestId) {
        JsonNode body = body(request);
        // prepare_request_body names the collection of a bulk create as the member plus "s".
        String bulkKey = kind.member() + "s";
        if (body.isObject() && body.has(bulkKey)) {
            return createBulk(caller, kind, body.get(bulkKey), bulkKey, requestId);
        }
        ObjectNode doc = Documents.forCreate(kind, body, caller);
        Policy.create(kind, doc).enforce(caller, Operation.project(doc));
        ObjectNode root = networking.write(tx -> wrap(kind, insert(new Operation(caller, tx), kind, doc)));
        return NeutronRenderer.json(201, root, kind.spaced(), requestId);
    }

    /**
     * A list of members in one request, created together or not at all, where Neutron allows it: the
     * core plugin's networks and subnets. The VPN kinds and routers are registered without
     * {@code allow_bulk}, so neutron-server refuses such a body, and so does vpnd.
     */
    private WireResponse createBulk(Caller caller, Kind kind, JsonNode items, String bulkKey, String requestId) {
        if (!BULK_KINDS.contains(kind)) {
            throw NeutronError.BULK_NOT_SUPPORTED.fault();
        }
        if (!items.isArray()) {
            throw NeutronError.BODY_INVALID.fault();
        }
        if (items.isEmpty()) {
            throw NeutronError.RESOURCES_REQUIRED.fault();
        }
        if (items.size() > MAX_BULK_MEMBERS) {
            throw NeutronError.HTTP_BAD_REQUEST.fault("A bulk create takes at most " + MAX_BULK_MEMBERS + " "
                    + bulkKey + ", not " + items.size());
        }
        var docs = new ArrayList<ObjectNode>();
        for (JsonNode item : items) {
            ObjectNode member = NeutronJson.NODES.objectNode();
            member.set(kind.member(), item.isObject() && item.has(kind.member()) ? item.get(kind.member()) : item);
            ObjectNode doc = Documents.forCreate(kind, member, caller);
            Policy.create(kind, doc).enforce(caller, Operation.project(doc));
            docs.add(doc);
        }
        ObjectNode root = networking.write(tx -> {
            var op = new Operation(caller, tx);
            ObjectNode out = NeutronJson.NODES.objectNode();
            var created = out.putArray(bulkKey);
            docs.forEach(doc -> created.add(insert(op, kind, doc)));
            return out;
        });
        return NeutronRenderer.json(201, root, kind.spaced(), requestId);
    }

    /** Stores a new resource in {@code op}'s transaction and renders it as created. */
    private static ObjectNode insert(Operation op, Kind kind, ObjectNode doc) {
        if (!op.tx.projectExists(Operation.project(doc))) {
            // Neutron takes any tenant_id from an admin; vpnd's resources must belong to a known project.
            throw NeutronError.PROJECT_NOT_FOUND.fault(Operation.project(doc));
        }
        op.checkQuota(kind, Operation.project(doc));
        doc.put("id", UUID.randomUUID().toString());
        kind.behaviour().create(op, doc);
        op.insert(kind, kind.behaviour().stored(doc));
        return Documents.render(op, kind, doc, Set.of());
    }

    WireResponse update(WireRequest request, Caller caller, Kind kind, String id, String requestId) {
        JsonNode body = body(request);
        ObjectNode changes = Documents.forUpdate(kind, body);
        ObjectNode root = networking.write(tx -> {
            var op = new Operation(caller, tx);
            ObjectNode current = op.owned(kind, id, Policy.update(kind, changes));
            ObjectNode updated = kind.behaviour().update(op, current, changes);
            op.save(kind, kind.behaviour().stored(updated));
            return wrap(kind, Documents.render(op, kind, updated, Set.of()));
        });
        return NeutronRenderer.json(200, root, kind.spaced(), requestId);
    }

    WireResponse delete(Caller caller, Kind kind, String id, String requestId) {
        networking.write(tx -> {
            var op = new Operation(caller, tx);
            ObjectNode current = op.owned(kind, id, Policy.delete(kind));
            kind.behaviour().delete(op, current);
            op.remove(kind, id);
            return null;
        });
        return NeutronRenderer.noContent(requestId);
    }

    /** {@code PUT /v2.0/routers/{id}/add_router_interface} and {@code remove_router_interface}. */
    WireResponse routerInterface(WireRequest request, Caller caller, String routerId, String action,
            String requestId) {
        JsonNode body = body(request);
        ObjectNode answer = networking.write(tx -> Routers.interfaceAction(new Operation(caller, tx), routerId,
                action, body));
        return NeutronRenderer.json(200, answer, Kinds.ROUTERS.spaced(), requestId);
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
}
