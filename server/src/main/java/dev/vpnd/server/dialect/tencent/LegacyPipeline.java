package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.RegionNames;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.service.Permissions;
import dev.vpnd.core.service.Services;
import dev.vpnd.server.dialect.ActionTable;
import dev.vpnd.server.dialect.Exchange;
import dev.vpnd.server.dialect.RequestPipeline;
import dev.vpnd.server.dialect.RequestUuids;
import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.Metrics;
import java.util.Map;
import java.util.Optional;

/**
 * Tencent's legacy v2 API at {@code /v2/index.php} (docs/dialects/tencent.md, Legacy v2 API) on the
 * shared pipeline: the fields are signed with HmacSHA1 or HmacSHA256 over that path, and checked
 * before the action is looked up. It sees the same resources as API 3.0: {@code Region} may be a
 * short code ({@code gz}) or an API 3.0 name, and ids are shown in both the old and new form. Every
 * answer is HTTP 200 with a numeric {@code code}; errors are API 3.0's under their legacy numbers.
 */
final class LegacyPipeline extends RequestPipeline<LegacyCall, AccessKey, LegacyPipeline.Action> {
    static final String PATH = LegacySignature.V2_PATH;

    /** One legacy action: the fields of the answer besides {@code code} and {@code message}. */
    @FunctionalInterface
    interface Action {
        Map<String, Object> run(LegacyContext context);
    }

    private static final ActionTable<Action> ACTIONS = new ActionTable<>(
            Map.of(DescribeVpnConnAction.ACTION, DescribeVpnConnAction::run));

    private final Services services;
    private final RegionNames regions;
    private final TencentAuthenticator authenticator;
    private final LegacyRenderer renderer = new LegacyRenderer();

    LegacyPipeline(Services services, RegionNames regions, TencentAuthenticator authenticator, Metrics metrics) {
        super(metrics, Order.AUTHENTICATE_FIRST, ACTIONS, TencentErrors.TABLE);
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
    protected LegacyCall parse(WireRequest request) {
        return LegacyCall.parse(request);
    }

    @Override
    protected AccessKey authenticate(WireRequest request, LegacyCall call) {
        return authenticator.legacy(request, call.fields(), PATH);
    }

    @Override
    protected String actionName(LegacyCall call) {
        return call.action();
    }

    @Override
    protected WireFault missingAction(LegacyCall call) {
        return TencentError.INVALID_PARAMETER.saying("The request is missing the parameter `Action`.");
    }

    @Override
    protected WireFault unknownAction(LegacyCall call, String name) {
        return TencentError.INVALID_ACTION.fault(name);
    }

    /** The key's policy, over the region and the gateway or connection the fields name. */
    @Override
    protected void authorize(Exchange<LegacyCall, AccessKey, Action> exchange) {
        AccessKey caller = exchange.caller();
        LegacyCall call = exchange.call();
        String region = regions.id(TencentRegions.fromLegacy(call.region())).orElse(null);
        if (!services.permissions().permits(caller.policy(), new Permissions.Call(caller.accountId(), call.action(),
                region, TencentTargets.legacy(call.fields())))) {
            throw TencentError.UNAUTHORIZED_OPERATION.fault(call.action());
        }
    }

    @Override
    protected WireResponse run(Exchange<LegacyCall, AccessKey, Action> exchange) {
        String regionText = exchange.call().region();
        String name = TencentRegions.fromLegacy(regionText);
        String region = regions.id(name).orElseThrow(() -> TencentError.UNSUPPORTED_REGION.fault(regionText));
        AccessKey caller = exchange.caller();
        var context = new LegacyContext(new LegacyParams(exchange.call().fields()),
                new Scope(caller.accountId(), region), name, services, exchange.request().receivedAt(),
                caller.hidesSecrets());
        return renderer.success(exchange.action().run(context));
    }

    @Override
    protected WireResponse render(WireFault fault, Optional<LegacyCall> call, String requestId) {
        return renderer.error(fault);
    }

    /** The legacy API has no request id in its answers, so the message names it for the operator. */
    @Override
    protected WireFault internalError(String requestId) {
        return TencentError.INTERNAL_ERROR.saying(
                "An internal error occurred; the server logged it as request " + requestId + ".");
    }
}
