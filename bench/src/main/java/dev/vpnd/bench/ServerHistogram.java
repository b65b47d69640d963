package dev.vpnd.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How long the server itself took over one action's successful requests, from the cumulative
 * buckets of its {@code vpnd_requests_seconds} histogram on {@code /metrics}: from the parse of the
 * request to the response handed to the HTTP layer. Compared with the load generator's latency, it
 * tells time spent serving from time spent waiting (in socket buffers, for a thread, for a core).
 * Percentiles are the upper bounds of the buckets they fall in.
 *
 * @param counts requests at or under each bucket's upper bound, in seconds
 */
record ServerHistogram(NavigableMap<Double, Long> counts) {
    /** No requests: what a run against another server (the nginx baseline) shows. */
    static final ServerHistogram EMPTY = new ServerHistogram(new TreeMap<>());
    private static final Pattern BUCKET =
            Pattern.compile("^vpnd_requests_seconds_bucket\\{(.*)le=\"([^\"]+)\".*\\} (\\S+)$");

    static ServerHistogram scrape(HttpClient client, URI admin, String action)
            throws IOException, InterruptedException {
        String text = client.send(HttpRequest.newBuilder(admin.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var counts = new TreeMap<Double, Long>();
        for (String line : text.lines().toList()) {
            var m = BUCKET.matcher(line);
            if (m.matches() && m.group(1).contains("action=\"" + action + "\"")
                    && m.group(1).contains("outcome=\"ok\"")) {
                double bound = m.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
                counts.merge(bound, (long) Double.parseDouble(m.group(3)), Long::sum);
            }
        }
        return new ServerHistogram(counts);
    }

    /** The requests counted since {@code before}. */
    ServerHistogram since(ServerHistogram before) {
        var delta = new TreeMap<Double, Long>();
        counts.forEach((bound, count) -> delta.put(bound, count - before.counts().getOrDefault(bound, 0L)));
        return new ServerHistogram(delta);
    }

    /** The upper bound, in nanoseconds, of the bucket holding the {@code percentile}th request (-1: none). */
    long percentileNanos(double percentile) {
        long total = counts.isEmpty() ? 0 : counts.lastEntry().getValue();
        if (total == 0) {
            return -1;
        }
        for (var bucket : counts.entrySet()) {
            if (bucket.getValue() >= Math.ceil(total * percentile / 100)) {
                return Double.isInfinite(bucket.getKey()) ? Long.MAX_VALUE : (long) (bucket.getKey() * 1e9);
            }
        }
        return Long.MAX_VALUE;
    }
}
