package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.RegionNames;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.service.Permissions;
import dev.vpnd.core.service.Services;
import dev.vpnd.server.dialect.Exchange;
import dev.vpnd.server.dialect.RequestPipeline;
import dev.vpnd.server.dialect.RequestUuids;
import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.Metrics;
import java.util.List;
import java.util.Optional;

/**
 * Tencent Cloud API 3.0 (VPC 2017-03-12) on the shared pipeline: the call is authenticated (TC3, or
 * the legacy HmacSHA1/HmacSHA256 scheme over {@code /}) before its action is looked up; then its
 * version and region are checked, the key's policy is applied, and the parameters
 * are built, each one checked against the action's list, and run.
 */
final class Api3Pipeline extends RequestPipeline<Api3Call, AccessKey, Api3Action> {
    private final Services services;
    private final RegionNames regions;
    private final TencentAuthenticator authenticator;
    private final TencentRenderer renderer = new TencentRenderer();

    Api3Pipeline(Services services, RegionNames regions, TencentAuthenticator authenticator, Metrics metrics) {
        super(metrics, Order.AUTHENTICATE_FIRST, Api3Actions.TABLE, TencentErrors.TABLE);
        this.services = services;
        this.regions = regions;
        this.authenticator = authenticator;
    }

    @Override
    public String name() {
        return "tencent";
    }

    @Override
    protected String newRequestId() {
        return RequestUuids.next().toString();
    }

    @Override
    protected Api3Call parse(WireRequest request) {
        return Api3Call.parse(request);
    }

    @Override
    protected AccessKey authenticate(WireRequest request, Api3Call call) {
        return call.tc3() ? authenticator.tc3(request, call) : authenticator.legacy(request, call.fields(), "/");
    }

    @Override
    protected String actionName(Api3Call call) {
        return call.action();
    }

    @Override
    protected WireFault missingAction(Api3Call call) {
        return TencentError.MISSING_PARAMETER.fault("Action");
    }

    @Override
    protected WireFault unknownAction(Api3Call call, String name) {
        return TencentError.INVALID_ACTION.fault(name);
    }

    @Override
    protected void check(Api3Call call, Api3Action action) {
        if (call.version() == null || call.version().isEmpty()) {
            throw TencentError.MISSING_PARAMETER.fault("Version");
        }
        if (!call.version().equals(Api3Actions.VERSION)) {
            throw TencentError.NO_SUCH_VERSION.fault(call.version());
        }
        if (call.region() == null || call.region().isEmpty()) {
            throw TencentError.MISSING_PARAMETER.fault("Region");
        }
        if (regions.id(call.region()).isEmpty()) {
            throw TencentError.UNSUPPORTED_REGION.fault(call.region());
        }
    }

    /** The key's policy, with the resources the parameters name when it limits resources. */
    @Override
    protected void authorize(Exchange<Api3Call, AccessKey, Api3Action> exchange) {
        AccessKey caller = exchange.caller();
        Api3Call call = exchange.call();
        List<Permissions.Target> targets = List.of();
        if (caller.policy().limitsResources()) {
            try {
                targets = TencentTargets.api3(call.params(exchange.request()));
            } catch (WireFault unreadable) {
                // Parameters that cannot be read name nothing; the policy refuses the call before they are checked.
                targets = List.of();
            }
        }
        if (!services.permissions().permits(caller.policy(), new Permissions.Call(caller.accountId(), call.action(),
                regions.id(call.region()).orElse(null), targets))) {
            throw TencentError.UNAUTHORIZED_OPERATION.fault(call.action());
        }
    }

    @Override
    protected WireResponse run(Exchange<Api3Call, AccessKey, Api3Action> exchange) {
        Api3Call call = exchange.call();
        Api3Action action = exchange.action();
        var params = call.params(exchange.request());
        for (String parameter : (Iterable<String>) params::fieldNames) {
            if (!action.parameters().contains(parameter)) {
                throw TencentError.UNKNOWN_PARAMETER.fault(parameter);
            }
        }
        AccessKey caller = exchange.caller();
        // The region's id in the table, which check() found.
        var scope = new Scope(caller.accountId(), regions.id(call.region()).orElseThrow());
        var context = new Api3Context(new Api3Params(params), scope, services, exchange.request().receivedAt(),
                caller.hidesSecrets());
        return renderer.success(action.handler().run(context), exchange.requestId());
    }

    @Override
    protected WireResponse render(WireFault fault, Optional<Api3Call> call, String requestId) {
        return renderer.error(fault.status(), fault.code(), fault.getMessage(), requestId);
    }

    @Override
    protected WireFault internalError(String requestId) {
        return TencentError.INTERNAL_ERROR.fault();
    }
}
