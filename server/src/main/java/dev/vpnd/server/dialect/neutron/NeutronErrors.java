package dev.vpnd.server.dialect.neutron;

import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.server.dialect.ProblemTable;
import dev.vpnd.server.dialect.WireFault;

/**
 * The one place a core {@link Problem} becomes a Neutron error; the switch is exhaustive by design.
 * Neutron's own checks raise {@link NeutronError}s directly; core problems reach here only from the
 * canonical records written alongside Neutron's documents.
 */
final class NeutronErrors implements ProblemTable {
    static final NeutronErrors TABLE = new NeutronErrors();

    private NeutronErrors() {
    }

    @Override
    public WireFault fault(Problem problem) {
        return switch (problem) {
            case Problem.NotFound nf -> NeutronError.NOT_FOUND.fault(nf.type(), nf.id());
            case Problem.InUse iu -> NeutronError.IN_USE.fault(iu.type(), iu.id());
            case Problem.AlreadyExists ae -> NeutronError.ALREADY_EXISTS.fault(ae.field().canonicalName(), ae.value());
            case Problem.InvalidValue iv -> NeutronError.INVALID_INPUT.fault("'" + iv.value() + "' is not valid for "
                    + iv.field().canonicalName() + ": " + iv.reason());
            case Problem.MissingValue mv -> NeutronError.REQUIRED_ATTRIBUTE.fault(mv.field().canonicalName());
            case Problem.WrongState ws -> NeutronError.VPN_STATE_INVALID_TO_UPDATE.fault(
                    ws.state() == ResourceState.PROVISIONING ? NeutronSpelling.PENDING_CREATE
                            : NeutronSpelling.PENDING_UPDATE, ws.id());
            case Problem.LimitExceeded le -> NeutronError.LIMIT_EXCEEDED.fault(le.what());
            case Problem.QuotaExceeded qe -> NeutronError.OVER_QUOTA.fault(NeutronQuotas.resourceName(qe.kind()));
            case Problem.ConcurrentChange cc -> NeutronError.CONCURRENT_CHANGE.fault(cc.id());
        };
    }
}
