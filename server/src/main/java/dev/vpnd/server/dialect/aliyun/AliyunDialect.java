package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.service.Services;
import dev.vpnd.server.http.Dialect;
import dev.vpnd.server.http.FormUrlEncoded;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.Metrics;
import dev.vpnd.server.ops.RequestOutcome;
import dev.vpnd.server.security.KeyDirectory;
import dev.vpnd.server.security.ReplayGuard;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alibaba Cloud VPC (RPC style, version 2016-04-28). Every call goes through the same steps:
 * parse, find the action, check the version, authenticate, authorize, run, render.
 */
public final class AliyunDialect implements Dialect {
    private static final Logger LOG = LoggerFactory.getLogger(AliyunDialect.class);

    private final Services services;
    private final AliyunAuthenticator authenticator;
    private final AliyunRenderer renderer = new AliyunRenderer();
    private final ListedConnectionCache listedConnections = new ListedConnectionCache();

    private final Metrics metrics;

    public AliyunDialect(Services services, KeyDirectory keys, ReplayGuard replayGuard, Metrics metrics) {
        this.services = services;
        this.metrics = metrics;
        this.authenticator = new AliyunAuthenticator(keys, replayGuard);
    }

    @Override
    public String name() {
        return "aliyun";
    }

    @Override
    public WireResponse handle(WireRequest request) {
        String requestId = RequestIds.next();
        return RequestOutcome.observe(metrics, name(), request, requestId,
                outcome -> answer(request, requestId, outcome));
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

    private WireResponse answer(WireRequest request, String requestId, RequestOutcome outcome) {
        RpcCall.Format format = RpcCall.Format.JSON;
        try {
            RpcCall call = RpcCall.parse(request);
            format = call.format();
            String actionName = call.action();
            if (actionName == null || actionName.isEmpty()) {
                throw AliyunError.MISSING_PARAMETER.fault("Action");
            }
            RpcAction action = AliyunActions.find(actionName).orElseThrow(AliyunError.INVALID_ACTION::fault);
            outcome.action(actionName);
            if (call.version() == null || call.version().isEmpty()) {
                throw AliyunError.MISSING_PARAMETER.fault("Version");
            }
            if (!call.version().equals(AliyunActions.VERSION)) {
                throw AliyunError.INVALID_VERSION.fault();
            }
            AccessKey caller = authenticator.authenticate(request, call);
            if (caller.readOnly() && !AliyunActions.readOnly(actionName)) {
                throw AliyunError.SUB_USER_FORBIDDEN.fault();
            }
            var context = new RpcContext(new RpcParams(call.params()), caller, services, request.receivedAt(),
                    listedConnections);
            Map<String, Object> result = action.run(context);
            var body = new LinkedHashMap<String, Object>();
            body.put("RequestId", requestId);
            body.putAll(result);
            return renderer.success(actionName, format, body);
        } catch (AliyunFault fault) {
            outcome.code(fault.error().code.replace("%s", "Parameter"));
            return renderer.error(fault.httpStatus(), fault.code(), fault.getMessage(), requestId, format);
        } catch (ProblemException problem) {
            AliyunFault fault = AliyunErrors.of(problem.problem());
            outcome.code(fault.error().code.replace("%s", "Parameter"));
            return renderer.error(fault.httpStatus(), fault.code(), fault.getMessage(), requestId, format);
        } catch (RuntimeException e) {
            LOG.error("aliyun request {} failed", requestId, e);
            outcome.code(AliyunError.INTERNAL_ERROR.code);
            return internalError(requestId, format);
        }
    }

    @Override
    public WireResponse protocolError(int status, String reason) {
        String requestId = RequestIds.next();
        if (status == 503) {
            // The listener is draining before a stop: a temporary failure, which clients retry.
            var error = AliyunError.SERVICE_UNAVAILABLE;
            return renderer.error(error.httpStatus, error.code, error.message, requestId, RpcCall.Format.JSON);
        }
        if (status >= 500) {
            LOG.error("aliyun request {} failed in the HTTP layer: {}", requestId, reason);
            return internalError(requestId, RpcCall.Format.JSON);
        }
        return renderer.error(status, "InvalidParameter", reason, requestId, RpcCall.Format.JSON);
    }

    private WireResponse internalError(String requestId, RpcCall.Format format) {
        var error = AliyunError.INTERNAL_ERROR;
        return renderer.error(error.httpStatus, error.code, error.message, requestId, format);
    }
}
