package dev.vpnd.server.ops;

import dev.vpnd.core.port.Storage;
import dev.vpnd.server.http.Acceptance;
import dev.vpnd.server.http.Dialect;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's listener: {@code /healthz} (the process answers), {@code /readyz} (the database
 * answers, migrations ran before any listener started, and every listener accepts connections) and
 * {@code /metrics} (Prometheus text). A listener at its connection limit, or one whose accepts fail,
 * makes the process not ready even though it answers here: its clients wait or are refused. Given a
 * token, {@code /metrics} answers only requests that bear it ({@code Authorization: Bearer TOKEN}):
 * its series name every dialect, action and error code the process has seen, which is more than a
 * stranger needs to know. The probes stay open, as balancers call them without credentials.
 */
public final class AdminEndpoints implements Dialect {
    private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoints.class);
    private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final WireResponse TOKEN_REQUIRED = new WireResponse(401, "text/plain;charset=utf-8",
            "a bearer token is required\n".getBytes(StandardCharsets.UTF_8),
            Map.of("WWW-Authenticate", "Bearer realm=\"vpnd metrics\""));

    private final Storage storage;
    private final Metrics metrics;
    private final Supplier<Map<String, Acceptance>> listeners;
    private final byte[] metricsAuthorization;

    /**
     * {@code listeners}: each listener's name and whether it accepts connections now;
     * {@code metricsToken}: the bearer token {@code /metrics} requires, or null for none.
     */
    public AdminEndpoints(Storage storage, Metrics metrics, Supplier<Map<String, Acceptance>> listeners,
            String metricsToken) {
        this.storage = storage;
        this.metrics = metrics;
        this.listeners = listeners;
        this.metricsAuthorization = metricsToken == null ? null
                : ("Bearer " + metricsToken).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public WireResponse handle(WireRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return WireResponse.text(405, "method not allowed\n");
        }
        return switch (request.path()) {
            case "/healthz" -> WireResponse.text(200, "ok\n");
            case "/readyz" -> ready();
            case "/metrics" -> mayReadMetrics(request)
                    ? WireResponse.of(200, PROMETHEUS_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8))
                    : TOKEN_REQUIRED;
            default -> WireResponse.text(404, "not found\n");
        };
    }

    /** Compared in constant time: how long a wrong token takes tells nothing of the right one. */
    private boolean mayReadMetrics(WireRequest request) {
        if (metricsAuthorization == null) {
            return true;
        }
        String authorization = request.header("authorization");
        return authorization != null
                && MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), metricsAuthorization);
    }

    /** 200 {@code ready}, or 503 with one line per problem. */
    private WireResponse ready() {
        var problems = new StringBuilder();
        try {
            storage.read(s -> s.accounts().findByName(""));
        } catch (RuntimeException e) {
            LOG.warn("not ready: the database does not answer", e);
            problems.append("database unreachable\n");
        }
        listeners.get().forEach((name, acceptance) -> {
            if (acceptance.problem() != null) {
                problems.append(name).append(": ").append(acceptance.problem()).append('\n');
            }
        });
        return problems.isEmpty() ? WireResponse.text(200, "ready\n") : WireResponse.text(503, problems.toString());
    }

    @Override
    public WireResponse protocolError(int status, String reason) {
        return WireResponse.text(status, reason + "\n");
    }
}
