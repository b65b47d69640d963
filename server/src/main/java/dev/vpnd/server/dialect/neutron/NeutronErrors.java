package dev.vpnd.server.dialect.neutron;

import dev.vpnd.core.problem.Problem;

/**
 * The one place a core {@link Problem} becomes a Neutron error; the switch is exhaustive by design.
 * Neutron's own checks raise {@link NeutronFault}s directly; core problems reach here only from the
 * canonical records written alongside Neutron's documents.
 */
final class NeutronErrors {
    private NeutronErrors() {
    }

    static NeutronFault of(Problem problem) {
        return switch (problem) {
            case Problem.NotFound nf -> NeutronFault.notFound("NotFound", nf.type() + " " + nf.id() + " could not be found");
            case Problem.InUse iu -> NeutronFault.conflict("InUse", iu.type() + " " + iu.id() + " is in use");
            case Problem.AlreadyExists ae -> NeutronFault.conflict("Conflict",
                    "A resource with " + ae.field().canonicalName() + " " + ae.value() + " already exists");
            case Problem.InvalidValue iv -> NeutronFault.invalidInput("'" + iv.value() + "' is not valid for "
                    + iv.field().canonicalName() + ": " + iv.reason());
            case Problem.MissingValue mv -> NeutronFault.badRequest("Failed to parse request. Required attribute '"
                    + mv.field().canonicalName() + "' not specified");
            case Problem.WrongState ws -> NeutronFault.bad("VPNStateInvalidToUpdate", "Invalid state "
                    + ws.state() + " of vpnaas resource " + ws.id() + " for updating");
            case Problem.LimitExceeded le -> NeutronFault.conflict("OverQuota", "Quota exceeded for resources: "
                    + le.what());
            // neutron-lib's OverQuota: "Quota exceeded for resources: %(overs)s.", overs a Python list.
            case Problem.QuotaExceeded qe -> NeutronFault.conflict("OverQuota", "Quota exceeded for resources: ['"
                    + NeutronQuotas.resourceName(qe.kind()) + "'].");
            case Problem.ConcurrentChange cc -> NeutronFault.conflict("Conflict", cc.id()
                    + " was changed by another request; retry");
        };
    }
}
