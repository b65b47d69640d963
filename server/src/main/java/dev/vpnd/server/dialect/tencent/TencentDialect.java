package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.service.Services;
import dev.vpnd.server.http.Dialect;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.Metrics;
import dev.vpnd.server.ops.RequestOutcome;
import dev.vpnd.server.security.KeyDirectory;
import dev.vpnd.server.security.ReplayGuard;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tencent Cloud VPC: API 3.0 (version 2017-03-12) at {@code /}, signed with TC3-HMAC-SHA256 or the
 * legacy HmacSHA1/HmacSHA256 scheme, and the legacy v2 API at {@code /v2/index.php} ({@link LegacyApi}).
 * Every API 3.0 call goes through the same steps: parse the envelope, authenticate, find the action,
 * check version and region, authorize, build and check the parameters, run, render.
 */
public final class TencentDialect implements Dialect {
    private static final Logger LOG = LoggerFactory.getLogger(TencentDialect.class);

    private final Services services;
    private final TencentAuthenticator authenticator;
    private final TencentRenderer renderer = new TencentRenderer();
    private final LegacyApi legacy;
    private final Metrics metrics;

    public TencentDialect(Services services, KeyDirectory keys, ReplayGuard replayGuard, Metrics metrics) {
        this.services = services;
        this.metrics = metrics;
        this.authenticator = new TencentAuthenticator(keys, replayGuard);
        this.legacy = new LegacyApi(services, authenticator);
    }

    @Override
    public String name() {
        return "tencent";
    }

    @Override
    public WireResponse handle(WireRequest request) {
        String requestId = UUID.randomUUID().toString();
        return RequestOutcome.observe(metrics, name(), request, requestId,
                outcome -> request.path().equals(LegacyApi.PATH) ? legacy.handle(request, requestId, outcome)
                        : api3(request, requestId, outcome));
    }

    /**
     * A bodyless call of the legacy API (its one action describes) or of a read-only API 3.0 action,
     * found where {@link Api3Call#parse} finds it.
     */
    @Override
    public boolean onlyReads(WireRequest request) {
        if (request.body().length > 0) {
            return false;
        }
        if (request.path().equals(LegacyApi.PATH)) {
            return true;
        }
        String action = Api3Call.actionWithoutBody(request);
        return action != null && Api3Actions.find(action).map(Api3Action::readOnly).orElse(false);
    }

    private WireResponse api3(WireRequest request, String requestId, RequestOutcome outcome) {
        try {
            Api3Call call = Api3Call.parse(request);
            AccessKey caller = call.tc3() ? authenticator.tc3(request, call)
                    : authenticator.legacy(request, call.fields(), "/");
            if (call.action() == null || call.action().isEmpty()) {
                throw TencentError.MISSING_PARAMETER.fault("Action");
            }
            Api3Action action = Api3Actions.find(call.action())
                    .orElseThrow(() -> TencentError.INVALID_ACTION.fault(call.action()));
            outcome.action(call.action());
            if (call.version() == null || call.version().isEmpty()) {
                throw TencentError.MISSING_PARAMETER.fault("Version");
            }
            if (!call.version().equals(Api3Actions.VERSION)) {
                throw TencentError.NO_SUCH_VERSION.fault(call.version());
            }
            if (call.region() == null || call.region().isEmpty()) {
                throw TencentError.MISSING_PARAMETER.fault("Region");
            }
            if (!TencentRegions.known(call.region())) {
                throw TencentError.UNSUPPORTED_REGION.fault(call.region());
            }
            if (caller.readOnly() && !action.readOnly()) {
                throw TencentError.UNAUTHORIZED_OPERATION.fault();
            }
            var params = call.params(request);
            for (String parameter : (Iterable<String>) params::fieldNames) {
                if (!action.parameters().contains(parameter)) {
                    throw TencentError.UNKNOWN_PARAMETER.fault(parameter);
                }
            }
            var context = new Api3Context(new Api3Params(params),
                    new Scope(caller.accountId(), call.region()), services, request.receivedAt(), caller.hidesSecrets());
            return renderer.success(action.handler().run(context), requestId);
        } catch (TencentFault fault) {
            outcome.code(fault.code());
            return renderer.error(200, fault.code(), fault.getMessage(), requestId);
        } catch (ProblemException problem) {
            TencentFault fault = TencentErrors.of(problem.problem());
            outcome.code(fault.code());
            return renderer.error(200, fault.code(), fault.getMessage(), requestId);
        } catch (RuntimeException e) {
            LOG.error("tencent request {} failed", requestId, e);
            outcome.code(TencentError.INTERNAL_ERROR.code);
            return internalError(requestId);
        }
    }

    @Override
    public WireResponse protocolError(int status, String reason) {
        String requestId = UUID.randomUUID().toString();
        if (status == 503) {
            // The listener is draining before a stop: a status clients and balancers retry on.
            return renderer.error(503, "ResourceUnavailable", "The service is stopping; retry shortly.",
                    requestId);
        }
        if (status >= 500) {
            LOG.error("tencent request {} failed in the HTTP layer: {}", requestId, reason);
            return internalError(requestId);
        }
        return renderer.error(200, TencentError.INVALID_PARAMETER.code, reason, requestId);
    }

    private WireResponse internalError(String requestId) {
        var error = TencentError.INTERNAL_ERROR;
        return renderer.error(200, error.code, error.message, requestId);
    }
}
