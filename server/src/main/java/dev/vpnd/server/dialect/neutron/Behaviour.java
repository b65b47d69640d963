package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a collection does beyond the generic attribute handling: the reference's checks and
 * computed attributes on create, update and delete, and its canonical record. Every hook runs
 * inside the request's one transaction.
 */
interface Behaviour {
    /** {@code doc} has every attribute with its default; the hook checks it and may add computed ones. */
    default void create(Operation op, ObjectNode doc) {
    }

    /**
     * {@code current} is stored, {@code changes} the converted body; the hook checks and returns
     * the new document (by default {@code current} with {@code changes} laid over it).
     */
    default ObjectNode update(Operation op, ObjectNode current, ObjectNode changes) {
        ObjectNode merged = current.deepCopy();
        merged.setAll(changes);
        return merged;
    }

    default void delete(Operation op, ObjectNode doc) {
    }

    /** The form to store (by default the document as answered). */
    default ObjectNode stored(ObjectNode doc) {
        return doc;
    }

    /** Behaviour with no checks of its own. */
    Behaviour PLAIN = new Behaviour() {
    };
}
