package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.model.OpenStackResource;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.service.NetworkingService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One request's view of the stored resources, inside its transaction, with the caller's visibility:
 * documents, and for {@link Canonical} kinds the canonical records rendered as documents.
 */
final class Operation {
    /** Internal keys of a stored document start with this and never reach a client. */
    static final String INTERNAL = "_";

    final Caller caller;
    final NetworkingService.Transaction tx;

    Operation(Caller caller, NetworkingService.Transaction tx) {
        this.caller = caller;
        this.tx = tx;
    }

    static String project(JsonNode doc) {
        return doc.path("tenant_id").asText();
    }

    /** The document's project in the one region Neutron serves, where all it reaches lives. */
    Scope scope(JsonNode doc) {
        return tx.scope(project(doc));
    }

    /**
     * Neutron's visibility: an admin sees everything, others their own project's resources plus
     * shared and external networks (and those networks' subnets).
     */
    boolean visible(JsonNode doc) {
        return caller.admin() || caller.projectId().equals(project(doc)) || seenByEveryone(doc);
    }

    /** Shared and external networks, and their subnets: what every project sees, whoever owns it. */
    static boolean seenByEveryone(JsonNode doc) {
        return doc.path("shared").asBoolean(false) || doc.path("router:external").asBoolean(false)
                || doc.path(Subnets.SEEN_BY_EVERYONE).asBoolean(false);
    }

    /** The account whose canonical records the caller reads: its project's, or null (every one) for an admin. */
    String readableAccount() {
        return caller.admin() ? null : caller.projectId();
    }

    Optional<ObjectNode> lookup(Kind kind, String id) {
        if (kind.behaviour() instanceof Canonical canonical) {
            return canonical.find(this, id).filter(this::visible);
        }
        return tx.find(kind.path(), id).map(r -> NeutronJson.parse(r.attributes())).filter(this::visible);
    }

    ObjectNode get(Kind kind, String id) {
        return lookup(kind, id).orElseThrow(() -> kind.notFound(id));
    }

    /**
     * The document a write may change, in neutron/api/v2/base.py's order: the kind's 404 when the
     * caller cannot see it (its existence is not given away), then {@code policy}'s 403 when the
     * caller sees it but may not write it (another project's shared network, an admin-only attribute).
     */
    ObjectNode owned(Kind kind, String id, Policy policy) {
        ObjectNode doc = get(kind, id);
        policy.enforce(caller, project(doc));
        return doc;
    }

    /** Every document of the kind, whoever owns it: for checks such as "in use". */
    List<ObjectNode> all(Kind kind) {
        if (kind.behaviour() instanceof Canonical) {
            throw new IllegalArgumentException(kind.path() + " are canonical records, not documents");
        }
        return tx.list(kind.path()).stream().map(r -> NeutronJson.parse(r.attributes())).toList();
    }

    /**
     * The documents of the kind the caller sees. Only an admin's list reads every project's; anyone
     * else's reads, in the store, their own project's and those everyone sees, so another project's
     * documents cost it nothing. {@link #visible} still filters, the one statement of the rule.
     */
    List<ObjectNode> visibleList(Kind kind) {
        if (kind.behaviour() instanceof Canonical) {
            throw new IllegalArgumentException(kind.path() + " are listed by the store, not as documents");
        }
        var stored = caller.admin() ? tx.list(kind.path()) : tx.listVisible(kind.path(), caller.projectId());
        return stored.stream().map(r -> NeutronJson.parse(r.attributes())).filter(this::visible).toList();
    }

    /**
     * Checks the quota of the kind's project before a create (after the request's own checks, as
     * Neutron's API layer reserves the quota before the plugin looks at references).
     */
    void checkQuota(Kind kind, String projectId) {
        NeutronQuotas.of(kind).ifPresent(quota -> tx.checkRoom(quota, projectId,
                () -> kind.behaviour() instanceof Canonical canonical ? canonical.count(this, projectId)
                        : tx.countDocuments(kind.path(), projectId)));
    }

    /** Stores a new document; a {@link Canonical} kind's create hook has written its records instead. */
    void insert(Kind kind, ObjectNode doc) {
        if (!(kind.behaviour() instanceof Canonical)) {
            tx.insert(resource(kind, doc));
        }
    }

    /** Stores a changed document; a {@link Canonical} kind's update hook has written its records instead. */
    void save(Kind kind, ObjectNode doc) {
        if (!(kind.behaviour() instanceof Canonical)) {
            tx.update(resource(kind, doc));
        }
    }

    private static OpenStackResource resource(Kind kind, ObjectNode doc) {
        return new OpenStackResource(kind.path(), doc.path("id").asText(), project(doc), NeutronJson.text(doc),
                seenByEveryone(doc));
    }

    /** Deletes a document; a {@link Canonical} kind's delete hook has deleted its records instead. */
    void remove(Kind kind, String id) {
        if (!(kind.behaviour() instanceof Canonical)) {
            tx.delete(kind.path(), id);
        }
    }

    Instant now() {
        return tx.now();
    }
}
