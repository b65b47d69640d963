package dev.vpnd.server.ops;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process's metrics in Prometheus form: every request by dialect, action and outcome (the
 * error code, or {@code ok}) with a latency histogram, store transaction timings, and the JVM.
 * Labels come from closed sets (known actions, known codes) so series stay bounded.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** Most requests and reads take under a millisecond, the default histogram's first bucket. */
    private static final Duration FASTEST_EXPECTED = Duration.ofNanos(50_000);

    /** Looked up per request: building and registering a timer each time cost more than recording. */
    private record RequestSeries(String dialect, String action, String outcome) {
    }

    private record TransactionSeries(String kind, String outcome) {
    }

    private final Map<RequestSeries, Timer> requestTimers = new ConcurrentHashMap<>();
    private final Map<TransactionSeries, Timer> transactionTimers = new ConcurrentHashMap<>();

    public void request(String dialect, String action, String outcome, Duration took) {
        requestTimers.computeIfAbsent(new RequestSeries(dialect, action, outcome),
                series -> Timer.builder("vpnd.requests")
                        .description("API requests by dialect, action and outcome")
                        .tags("dialect", series.dialect(), "action", series.action(), "outcome", series.outcome())
                        .publishPercentileHistogram()
                        .minimumExpectedValue(FASTEST_EXPECTED)
                        .register(registry))
                .record(took);
    }

    void storeTransaction(String kind, String outcome, Duration took) {
        transactionTimers.computeIfAbsent(new TransactionSeries(kind, outcome), series -> Timer.builder(
                "vpnd.store.transactions")
                .description("Storage transactions by kind (read or write) and outcome")
                .tags("kind", series.kind(), "outcome", series.outcome())
                .publishPercentileHistogram()
                .minimumExpectedValue(FASTEST_EXPECTED)
                .register(registry))
                .record(took);
    }

    String scrape() {
        return registry.scrape();
    }
}
