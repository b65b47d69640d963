package dev.vpnd.server.ops;

import dev.vpnd.core.service.DataPlaneService.TunnelState;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's metrics in Prometheus form: every request by dialect, action and outcome (the
 * error code, or {@code ok}) with a latency histogram, store transaction timings, the JVM, and what
 * the data-plane agents report: tunnels up and down, bytes in and out per connection. Labels come
 * from closed sets (known actions, known codes) or name existing connections, so series stay bounded.
 */
public final class Metrics {
    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private volatile Supplier<List<TunnelState>> tunnels;
    private MultiGauge tunnelCounts;
    private MultiGauge bytesIn;
    private MultiGauge bytesOut;

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

    /**
     * Shows, from each scrape on, the tunnels {@code source} gives: {@code vpnd_tunnels} by
     * {@code state} (up: both SAs established and the agent not silent; down: every other tunnel an
     * agent reported on) and {@code vpnd_connection_bytes_in} and {@code _out} by {@code connection}
     * (its canonical id; the bytes of its tunnels' current CHILD_SAs, as the daemon counts them).
     * A deleted connection's series go at the next scrape.
     */
    public synchronized void watchTunnels(Supplier<List<TunnelState>> source) {
        tunnels = source;
        tunnelCounts = MultiGauge.builder("vpnd.tunnels")
                .description("Tunnels reported by data-plane agents, up or down").register(registry);
        bytesIn = MultiGauge.builder("vpnd.connection.bytes.in")
                .description("Bytes received through the connection's tunnels, as their IPsec daemon counts them")
                .register(registry);
        bytesOut = MultiGauge.builder("vpnd.connection.bytes.out")
                .description("Bytes sent through the connection's tunnels, as their IPsec daemon counts them")
                .register(registry);
    }

    String scrape() {
        refreshTunnels();
        return registry.scrape();
    }

    /** Reads the tunnels once per scrape; a scrape the database cannot answer shows the last figures. */
    private synchronized void refreshTunnels() {
        if (tunnels == null) {
            return;
        }
        List<TunnelState> states;
        try {
            states = tunnels.get();
        } catch (RuntimeException e) {
            LOG.warn("cannot read the tunnels for /metrics", e);
            return;
        }
        long up = states.stream().filter(TunnelState::up).count();
        tunnelCounts.register(List.of(MultiGauge.Row.of(Tags.of("state", "up"), up),
                MultiGauge.Row.of(Tags.of("state", "down"), states.size() - up)), true);
        var in = new TreeMap<String, Long>();
        var out = new TreeMap<String, Long>();
        for (TunnelState t : states) {
            in.merge(t.connectionId(), t.bytesIn(), Long::sum);
            out.merge(t.connectionId(), t.bytesOut(), Long::sum);
        }
        bytesIn.register(rows(in), true);
        bytesOut.register(rows(out), true);
    }

    private static List<MultiGauge.Row<?>> rows(Map<String, Long> byConnection) {
        var rows = new ArrayList<MultiGauge.Row<?>>();
        byConnection.forEach((connection, bytes) -> rows.add(MultiGauge.Row.of(Tags.of("connection", connection),
                bytes)));
        return rows;
    }
}
