package dev.vpnd.server.ops;

import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * What the metrics say of one request: its action ({@code unknown} until the dialect knows it) and
 * {@code ok} or the error code it answered. A dialect fills it in while it handles the request;
 * {@link #observe} records it and keeps the request id in the log context meanwhile.
 */
public final class RequestOutcome {
    private String action = "unknown";
    private String code = "ok";

    public void action(String action) {
        this.action = action;
    }

    public void code(String code) {
        this.code = code;
    }

    /** Runs {@code handler} with the request id in the log context, then times it by dialect, action and outcome. */
    public static WireResponse observe(Metrics metrics, String dialect, WireRequest request, String requestId,
            Function<RequestOutcome, WireResponse> handler) {
        MDC.put("requestId", requestId);
        var outcome = new RequestOutcome();
        try {
            return handler.apply(outcome);
        } finally {
            metrics.request(dialect, outcome.action, outcome.code,
                    Duration.between(request.receivedAt(), Instant.now()));
            MDC.remove("requestId");
        }
    }
}
