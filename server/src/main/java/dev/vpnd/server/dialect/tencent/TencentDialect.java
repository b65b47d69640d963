package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.model.RegionNames;
import dev.vpnd.core.service.Services;
import dev.vpnd.server.dialect.RequestUuids;
import dev.vpnd.server.http.BodyLimits;
import dev.vpnd.server.http.Dialect;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.Metrics;
import dev.vpnd.server.security.KeyDirectory;
import dev.vpnd.server.security.ReplayGuard;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tencent Cloud VPC on one listener: API 3.0 (version 2017-03-12) at {@code /} ({@link Api3Pipeline})
 * and the legacy v2 API at {@code /v2/index.php} ({@link LegacyPipeline}), both on the shared
 * pipeline, with one authenticator and so one replay guard between them.
 */
public final class TencentDialect implements Dialect {
    /** The names of the actions API 3.0 and the legacy API answer, which key policies' patterns match. */
    public static Set<String> actionNames() {
        var names = new TreeSet<>(Api3Actions.TABLE.names());
        names.add(DescribeVpnConnAction.ACTION);
        return names;
    }

    private static final Logger LOG = LoggerFactory.getLogger(TencentDialect.class);

    private final TencentRenderer renderer = new TencentRenderer();
    private final Api3Pipeline api3;
    private final LegacyPipeline legacy;

    /** The dialect over {@code services}, reaching the regions {@code regions} names. */
    public TencentDialect(Services services, RegionNames regions, KeyDirectory keys, ReplayGuard replayGuard,
            Metrics metrics) {
        var authenticator = new TencentAuthenticator(keys, replayGuard);
        this.api3 = new Api3Pipeline(services, regions, authenticator, metrics);
        this.legacy = new LegacyPipeline(services, regions, authenticator, metrics);
    }

    @Override
    public String name() {
        return "tencent";
    }

    @Override
    public WireResponse handle(WireRequest request) {
        return request.path().equals(LegacyPipeline.PATH) ? legacy.handle(request) : api3.handle(request);
    }

    /**
     * A call of the legacy API (its one action describes; any other name is an error) or of a
     * read-only API 3.0 action, found where {@link Api3Call#parse} finds it. Tencent's SDKs send
     * every call as a POST with a body, reads too; the listener asks only of a body that has arrived.
     */
    @Override
    public boolean onlyReads(WireRequest request) {
        if (request.path().equals(LegacyPipeline.PATH)) {
            return true;
        }
        String action = Api3Call.actionOf(request);
        return action != null && Api3Actions.TABLE.find(action).map(Api3Action::readOnly).orElse(false);
    }

    @Override
    public BodyLimits bodyLimits() {
        return BodyLimits.RPC;
    }

    @Override
    public WireResponse protocolError(int status, String reason) {
        String requestId = RequestUuids.next().toString();
        if (status == 503) {
            // The listener is draining before a stop, or holds all the request bodies it may: a status
            // clients and balancers retry on.
            return renderer.error(503, "ResourceUnavailable", "The service is busy or stopping; retry shortly.",
                    requestId);
        }
        if (status >= 500) {
            LOG.error("tencent request {} failed in the HTTP layer: {}", requestId, reason);
            var error = TencentError.INTERNAL_ERROR;
            return renderer.error(error.status(), error.code(), error.template(), requestId);
        }
        return renderer.error(200, TencentError.INVALID_PARAMETER.code(), reason, requestId);
    }
}
