package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.server.dialect.ProblemTable;
import dev.vpnd.server.dialect.WireFault;

/**
 * The one place a core {@link Problem} becomes a Tencent error; the switch is exhaustive by design.
 * Core problems name canonical ids, which Tencent clients never saw, so messages name the type.
 */
final class TencentErrors implements ProblemTable {
    static final TencentErrors TABLE = new TencentErrors();

    private TencentErrors() {
    }

    @Override
    public WireFault fault(Problem problem) {
        return switch (problem) {
            case Problem.NotFound nf -> TencentError.RESOURCE_NOT_FOUND.fault(TencentNames.of(nf.type()));
            case Problem.InUse iu -> TencentError.RESOURCE_IN_USE.fault(
                    TencentNames.of(iu.type()) + " still has a " + TencentNames.of(iu.usedBy()));
            case Problem.AlreadyExists ae -> switch (ae.type()) {
                case CUSTOMER_GATEWAY -> TencentError.RECORD_EXISTS.fault(
                        "a customer gateway with IpAddress " + ae.value());
                default -> TencentError.DUPLICATE.fault(ae.value());
            };
            case Problem.InvalidValue iv ->
                    TencentError.INVALID_PARAMETER_VALUE.fault(TencentFields.wireName(iv.field()));
            case Problem.MissingValue mv -> TencentError.MISSING_PARAMETER.fault(TencentFields.wireName(mv.field()));
            case Problem.WrongState ws -> wrongState(ws);
            case Problem.LimitExceeded le -> TencentError.LIMIT_EXCEEDED.fault(
                    "at most " + le.limit() + " " + le.what());
            case Problem.QuotaExceeded qe -> TencentError.LIMIT_EXCEEDED.fault(
                    "the quota of " + qe.kind().describe() + " is " + qe.limit());
            case Problem.ConcurrentChange cc -> TencentError.INVALID_STATE.fault(
                    TencentNames.of(cc.type()) + " was changed by another request");
        };
    }

    /**
     * A busy connection has Tencent's own code for a modify and for a delete; any other resource the
     * general one. The state is told as Tencent's {@code State} would be: creating or updating.
     */
    private static WireFault wrongState(Problem.WrongState ws) {
        String state = ws.state() == ResourceState.PROVISIONING ? "creating" : "updating";
        if (ws.type() != ResourceType.VPN_CONNECTION) {
            return TencentError.INVALID_STATE.fault(TencentNames.of(ws.type()) + " is " + state);
        }
        return switch (ws.refused()) {
            case MODIFY -> TencentError.VPN_CONN_INVALID_STATE.fault(state);
            case DELETE -> TencentError.DELETE_VPN_CONN_INVALID_STATE.fault(state);
        };
    }
}
