package dev.vpnd.server.ops;

import dev.vpnd.core.port.Storage;
import dev.vpnd.server.http.Dialect;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's listener: {@code /healthz} (the process answers), {@code /readyz} (the database
 * answers; migrations ran before any listener started) and {@code /metrics} (Prometheus text).
 */
public final class AdminEndpoints implements Dialect {
    private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoints.class);
    private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Storage storage;
    private final Metrics metrics;

    public AdminEndpoints(Storage storage, Metrics metrics) {
        this.storage = storage;
        this.metrics = metrics;
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
            case "/metrics" -> WireResponse.of(200, PROMETHEUS_TYPE,
                    metrics.scrape().getBytes(StandardCharsets.UTF_8));
            default -> WireResponse.text(404, "not found\n");
        };
    }

    private WireResponse ready() {
        try {
            storage.read(s -> s.accounts().findByName(""));
            return WireResponse.text(200, "ready\n");
        } catch (RuntimeException e) {
            LOG.warn("not ready: the database does not answer", e);
            return WireResponse.text(503, "database unreachable\n");
        }
    }

    @Override
    public WireResponse protocolError(int status, String reason) {
        return WireResponse.text(status, reason + "\n");
    }
}
