package dev.vpnd.server.dialect.neutron;

/**
 * An error answer: {@code {"NeutronError": {"type", "message", "detail": ""}}} with the status
 * Neutron's fault map gives the exception {@code type}. The dialect's own errors come from the
 * table {@link NeutronError}; the factories here serve the mapping of core problems (NeutronErrors).
 */
final class NeutronFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String type;

    NeutronFault(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    /** An attribute-level failure of the API layer (webob's HTTPBadRequest). */
    static NeutronFault badRequest(String message) {
        return NeutronError.HTTP_BAD_REQUEST.fault(message);
    }

    /** {@code Invalid input for <attribute>. Reason: <reason>.} */
    static NeutronFault invalid(String attribute, String reason) {
        return NeutronError.INVALID_ATTRIBUTE.fault(attribute, reason);
    }

    /** A conversion failure (neutron-lib's InvalidInput). */
    static NeutronFault invalidInput(String reason) {
        return NeutronError.INVALID_INPUT.fault(reason);
    }

    /** A plugin-level check that maps to 400. */
    static NeutronFault bad(String type, String message) {
        return new NeutronFault(400, type, message);
    }

    static NeutronFault notFound(String type, String message) {
        return new NeutronFault(404, type, message);
    }

    static NeutronFault conflict(String type, String message) {
        return new NeutronFault(409, type, message);
    }

    static NeutronFault forbidden(String message) {
        return new NeutronFault(403, NeutronError.POLICY_NOT_AUTHORIZED.type, message);
    }
}
