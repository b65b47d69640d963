package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.service.Services;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.RequestOutcome;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tencent's legacy v2 API at {@code /v2/index.php} (docs/dialects/tencent.md, Legacy v2 API): every
 * parameter, common ones included, is a form field of the query (GET) or of an urlencoded or
 * multipart body (POST), signed with HmacSHA1 or HmacSHA256 over that path. It sees the same
 * resources as API 3.0: {@code Region} may be a short code ({@code gz}) or an API 3.0 name, and ids
 * are shown in both the old and new form. Every answer is HTTP 200 with a numeric {@code code}.
 */
final class LegacyApi {
    static final String PATH = LegacySignature.V2_PATH;
    private static final Logger LOG = LoggerFactory.getLogger(LegacyApi.class);
    private static final Map<String, Function<LegacyContext, Map<String, Object>>> ACTIONS =
            Map.of(DescribeVpnConnAction.ACTION, DescribeVpnConnAction::run);

    private final Services services;
    private final TencentAuthenticator authenticator;
    private final LegacyRenderer renderer = new LegacyRenderer();

    LegacyApi(Services services, TencentAuthenticator authenticator) {
        this.services = services;
        this.authenticator = authenticator;
    }

    WireResponse handle(WireRequest request, String requestId, RequestOutcome outcome) {
        try {
            Map<String, String> fields = Api3Call.formFields(request);
            AccessKey caller = authenticator.legacy(request, fields, PATH);
            String action = fields.getOrDefault("Action", "");
            if (action.isEmpty()) {
                throw LegacyFault.badParameter("The request is missing the parameter `Action`.");
            }
            var handler = ACTIONS.get(action);
            if (handler == null) {
                throw new LegacyFault(LegacyError.UNSUPPORTED_ACTION, TencentError.INVALID_ACTION.code,
                        "The action `" + action + "` does not exist.");
            }
            outcome.action(action);
            String regionText = fields.getOrDefault("Region", "");
            String region = TencentRegions.fromLegacy(regionText).orElseThrow(() -> new LegacyFault(
                    LegacyError.BAD_PARAMETER, TencentError.UNSUPPORTED_REGION.code,
                    "The region `" + regionText + "` is not supported."));
            var context = new LegacyContext(new LegacyParams(fields), new Scope(caller.accountId(), region),
                    services, request.receivedAt(), caller.hidesSecrets());
            return renderer.success(handler.apply(context));
        } catch (LegacyFault fault) {
            return error(fault, outcome);
        } catch (TencentFault fault) {
            return error(LegacyFault.of(fault), outcome);
        } catch (ProblemException problem) {
            return error(LegacyFault.of(TencentErrors.of(problem.problem())), outcome);
        } catch (RuntimeException e) {
            LOG.error("tencent legacy request {} failed", requestId, e);
            return error(new LegacyFault(LegacyError.INTERNAL_ERROR, TencentError.INTERNAL_ERROR.code,
                    "An internal error occurred; the server logged it as request " + requestId + "."), outcome);
        }
    }

    private WireResponse error(LegacyFault fault, RequestOutcome outcome) {
        outcome.code(fault.codeDesc());
        return renderer.error(fault);
    }
}
