package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.RegionNames;
import dev.vpnd.core.service.Permissions;
import dev.vpnd.core.service.Services;
import dev.vpnd.server.dialect.RequestPipeline;
import dev.vpnd.server.dialect.Exchange;
import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.http.BodyLimits;
import dev.vpnd.server.http.Dialect;
import dev.vpnd.server.http.FormUrlEncoded;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.Metrics;
import dev.vpnd.server.security.KeyDirectory;
import dev.vpnd.server.security.ReplayGuard;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alibaba Cloud VPC (RPC style, version 2016-04-28) on the shared {@link RequestPipeline}. As the
 * POP gateway does, the action is looked up and its version checked before the signature: an
 * unknown action is {@code InvalidAction.NotFound} even unsigned.
 */
public final class AliyunDialect extends RequestPipeline<RpcCall, AccessKey, RpcAction> implements Dialect {
    private static final Logger LOG = LoggerFactory.getLogger(AliyunDialect.class);

    private final Services services;
    private final RegionNames regions;
    private final AliyunAuthenticator authenticator;
    private final AliyunRenderer renderer = new AliyunRenderer();
    private final ListedConnectionCache listedConnections = new ListedConnectionCache();

    /** The dialect over {@code services}, reaching the regions {@code regions} names. */
    public AliyunDialect(Services services, RegionNames regions, KeyDirectory keys, ReplayGuard replayGuard,
            Metrics metrics) {
        super(metrics, Order.ACTION_FIRST, AliyunActions.TABLE, AliyunErrors.TABLE);
        this.services = services;
        this.regions = regions;
        this.authenticator = new AliyunAuthenticator(keys, replayGuard);
    }

    @Override
    public String name() {
        return "aliyun";
    }

    /** The names of the actions this dialect answers, which key policies' patterns match. */
    public static Set<String> actionNames() {
        return AliyunActions.TABLE.names();
    }

    /** A Describe or List call whose parameters all came in the query (a form body may name another action). */
    @Override
    public boolean onlyReads(WireRequest request) {
        if (request.body().length > 0) {
            return false;
        }
        String action = FormUrlEncoded.value(request.rawQuery(), "Action");
        if (action == null || action.isEmpty()) {
            action = request.header("x-acs-action");
        }
        return action != null && AliyunActions.readOnly(action);
    }

    @Override
    protected String newRequestId() {
        return RequestIds.next();
    }

    @Override
    protected RpcCall parse(WireRequest request) {
        return RpcCall.parse(request);
    }

    @Override
    protected AccessKey authenticate(WireRequest request, RpcCall call) {
        return authenticator.authenticate(request, call);
    }

    @Override
    protected String actionName(RpcCall call) {
        return call.action();
    }

    @Override
    protected WireFault missingAction(RpcCall call) {
        return AliyunError.MISSING_PARAMETER.fault("Action");
    }

    @Override
    protected WireFault unknownAction(RpcCall call, String name) {
        return AliyunError.INVALID_ACTION.fault();
    }

    @Override
    protected void check(RpcCall call, RpcAction action) {
        if (call.version() == null || call.version().isEmpty()) {
            throw AliyunError.MISSING_PARAMETER.fault("Version");
        }
        if (!call.version().equals(AliyunActions.VERSION)) {
            throw AliyunError.INVALID_VERSION.fault();
        }
    }

    /** The key's policy, over the call's {@code RegionId} and the gateways and connections it names. */
    @Override
    protected void authorize(Exchange<RpcCall, AccessKey, RpcAction> exchange) {
        AccessKey caller = exchange.caller();
        RpcCall call = exchange.call();
        var params = call.params();
        if (!services.permissions().permits(caller.policy(), new Permissions.Call(caller.accountId(), call.action(),
                regions.id(params.get("RegionId")).orElse(null), AliyunTargets.of(exchange.action(), params)))) {
            throw AliyunError.SUB_USER_FORBIDDEN.fault();
        }
    }

    @Override
    protected WireResponse run(Exchange<RpcCall, AccessKey, RpcAction> exchange) {
        RpcCall call = exchange.call();
        var context = new RpcContext(new RpcParams(call.params()), exchange.caller(), services, regions,
                exchange.request().receivedAt(), listedConnections);
        Map<String, Object> result = exchange.action().handler().run(context);
        var body = new LinkedHashMap<String, Object>();
        body.put("RequestId", exchange.requestId());
        body.putAll(result);
        return renderer.success(call.action(), call.format(), body);
    }

    @Override
    protected WireResponse render(WireFault fault, Optional<RpcCall> call, String requestId) {
        return renderer.error(fault, requestId, call.map(RpcCall::format).orElse(RpcCall.Format.JSON));
    }

    @Override
    protected WireFault internalError(String requestId) {
        return AliyunError.INTERNAL_ERROR.fault();
    }

    @Override
    public BodyLimits bodyLimits() {
        return BodyLimits.RPC;
    }

    @Override
    public WireResponse protocolError(int status, String reason) {
        String requestId = RequestIds.next();
        if (status == 503) {
            // The listener is draining before a stop, or holds all the request bodies it may: a
            // temporary failure, which clients retry.
            return renderer.error(AliyunError.SERVICE_UNAVAILABLE.fault(), requestId, RpcCall.Format.JSON);
        }
        if (status >= 500) {
            LOG.error("aliyun request {} failed in the HTTP layer: {}", requestId, reason);
            return renderer.error(internalError(requestId), requestId, RpcCall.Format.JSON);
        }
        return renderer.error(status, "InvalidParameter", reason, requestId, RpcCall.Format.JSON);
    }
}
