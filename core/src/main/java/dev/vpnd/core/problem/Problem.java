package dev.vpnd.core.problem;

import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.ResourceState;

/**
 * A domain fact about why a request cannot be carried out. Core knows no wire codes: each dialect
 * maps every variant, exhaustively, onto its own error table.
 */
public sealed interface Problem {

    /** No resource of this type and id in the caller's scope. */
    record NotFound(ResourceType type, String id) implements Problem {
    }

    /** The resource cannot be deleted while resources of {@code usedBy} depend on it. */
    record InUse(ResourceType type, String id, ResourceType usedBy) implements Problem {
    }

    /** A unique attribute ({@code field}) already has {@code value} on another resource. */
    record AlreadyExists(ResourceType type, Field field, String value) implements Problem {
    }

    /**
     * A value the request gave is malformed or out of range. {@code tunnel} is the number (1 or 2) of
     * the tunnel whose field it is, or 0 for a field of the resource itself.
     */
    record InvalidValue(Field field, int tunnel, String value, String reason) implements Problem {
        public InvalidValue(Field field, String value, String reason) {
            this(field, 0, value, reason);
        }
    }

    /** A value the request must give is absent; {@code tunnel} as for {@link InvalidValue}. */
    record MissingValue(Field field, int tunnel) implements Problem {
        public MissingValue(Field field) {
            this(field, 0);
        }
    }

    /**
     * The resource is busy (still provisioning or updating, {@code state}) and cannot take the
     * {@code refused} change now; a client polls until it is active and tries again. A dialect may
     * answer a refused modify and a refused delete with different codes.
     */
    record WrongState(ResourceType type, String id, ResourceState state, Change refused) implements Problem {
        /** What was asked of the busy resource. */
        public enum Change {
            MODIFY, DELETE
        }
    }

    /** A per-resource limit (such as 20 tags) would be exceeded. */
    record LimitExceeded(ResourceType type, String what, int limit) implements Problem {
    }

    /**
     * The account already holds {@code limit} resources of the kind within the kind's scope (a
     * region, a gateway, a project), so it may create no more until one is deleted or an operator
     * raises the limit.
     */
    record QuotaExceeded(QuotaKind kind, long limit) implements Problem {
    }

    /** Another request changed or removed the resource between this request's read and write. */
    record ConcurrentChange(ResourceType type, String id) implements Problem {
    }
}
