package dev.vpnd.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A closed-loop load generator over Jetty's HTTP/1.1 client: {@code concurrency} workers, each with
 * one request in flight at a time on its own keep-alive connection (the pool holds at most that
 * many), sending the next freshly signed request as soon as the previous response is read. Only
 * HTTP 200 counts as a success; latency is measured from just before sending to the end of the
 * response body, in nanoseconds, into an HdrHistogram. Being closed-loop, a slow server lowers the
 * offered load rather than queueing requests (no coordinated-omission correction): the figures are
 * throughput at saturation and the latency seen at that throughput.
 */
final class LoadGenerator implements Load {
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final HttpClient client;
    private final int concurrency;
    private final LongSupplier serverCpuNanos;
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicInteger openedConnections = new AtomicInteger();

    /** @param serverCpuNanos the CPU time the server process has used so far */
    LoadGenerator(int concurrency, LongSupplier serverCpuNanos) throws Exception {
        this.serverCpuNanos = serverCpuNanos;
        this.concurrency = concurrency;
        var connector = new ClientConnector();
        connector.setSelectors(1);
        var threads = new QueuedThreadPool(Math.max(8, Runtime.getRuntime().availableProcessors() * 2));
        threads.setName("bench-client");
        threads.setDaemon(true);
        this.client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(threads);
        client.setMaxConnectionsPerDestination(concurrency);
        client.setMaxRequestsQueuedPerDestination(Math.max(1024, concurrency * 4));
        client.setFollowRedirects(false);
        // Each call carries its client's User-Agent, or none as its client sends none.
        client.setUserAgentField(null);
        client.setIdleTimeout(60_000);
        // Identity responses, as the old SDK asks for (Accept-Encoding: identity): no gzip decoding.
        client.getContentDecoderFactories().clear();
        client.addBean(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                openConnections.incrementAndGet();
                openedConnections.incrementAndGet();
            }

            @Override
            public void onClosed(Connection connection) {
                openConnections.decrementAndGet();
            }
        });
        client.start();
    }

    /** Connections open now, and opened since the start (a difference means reconnects). */
    int openConnections() {
        return openConnections.get();
    }

    @Override
    public String description() {
        return "the built-in Java generator (Jetty HTTP client, HdrHistogram)";
    }

    @Override
    public int openedConnections() {
        return openedConnections.get();
    }

    /** One request, synchronously, to check a scenario answers what it should before timing it. */
    ContentResponse probe(Scenario scenario) throws Exception {
        return send(scenario.endpoint(), scenario.live().get());
    }

    /** One call to the listener at {@code endpoint}, synchronously. */
    ContentResponse send(URI endpoint, HttpCall call) throws Exception {
        return request(endpoint, call).send();
    }

    @Override
    public void warmUp(Scenario scenario, Duration duration) throws InterruptedException {
        run(scenario, Duration.ZERO, duration);
    }

    @Override
    public Outcome run(Scenario scenario, Duration warmup, Duration duration) throws InterruptedException {
        var recorder = new Recorder(3);
        var errors = new LongAdder();
        var firstError = new AtomicReference<String>();
        var stopping = new java.util.concurrent.atomic.AtomicBoolean();
        var finished = new CountDownLatch(concurrency);
        for (int w = 0; w < concurrency; w++) {
            new Worker(scenario, recorder, errors, firstError, stopping, finished).next();
        }
        Thread.sleep(warmup.toMillis());
        recorder.getIntervalHistogram(); // drop the warm-up
        long measureStart = System.nanoTime();
        long serverCpuStart = serverCpuNanos.getAsLong();
        long ownCpuStart = ownCpuNanos();
        long machineStart = SystemCpu.machineBusyNanos();
        Thread.sleep(duration.toMillis());
        Histogram measured = recorder.getIntervalHistogram();
        long measureEnd = System.nanoTime();
        long serverCpu = serverCpuNanos.getAsLong() - serverCpuStart;
        long ownCpu = ownCpuNanos() - ownCpuStart;
        long machineEnd = SystemCpu.machineBusyNanos();
        long machineBusy = machineStart < 0 || machineEnd < 0 ? -1 : machineEnd - machineStart;
        stopping.set(true);
        if (!finished.await(60, TimeUnit.SECONDS)) {
            errors.increment();
            firstError.compareAndSet(null, "requests still in flight 60 s after the run ended");
        }
        var latency = measured.getTotalCount() == 0 ? Outcome.Latencies.NONE
                : new Outcome.Latencies(measured.getValueAtPercentile(50), measured.getValueAtPercentile(99),
                        measured.getValueAtPercentile(99.9), measured.getMaxValue());
        return new Outcome(scenario, measured.getTotalCount(), latency, (measureEnd - measureStart) / 1e9,
                errors.sum(), firstError.get(), serverCpu, ownCpu, machineBusy);
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private Request request(Scenario scenario) {
        return request(scenario.endpoint(), scenario.live().get());
    }

    /** {@code call} as a Jetty request to {@code endpoint}: its method, target, headers in order and body. */
    Request request(URI endpoint, HttpCall call) {
        String contentType = call.header("Content-Type");
        var request = client.newRequest(endpoint.getHost(), endpoint.getPort())
                .method(call.method())
                .path(call.target())
                .headers(h -> {
                    for (String line : call.headers()) {
                        int colon = line.indexOf(':');
                        h.add(line.substring(0, colon), line.substring(colon + 1).trim());
                    }
                })
                .timeout(30, TimeUnit.SECONDS);
        if (!call.body().isEmpty()) {
            request.body(new BytesRequestContent(contentType, call.bodyBytes()));
        }
        return request;
    }

    /** One of the concurrent clients: sends, waits for the whole response, records, sends again. */
    private final class Worker {
        private final Scenario scenario;
        private final Recorder recorder;
        private final LongAdder errors;
        private final AtomicReference<String> firstError;
        private final java.util.concurrent.atomic.AtomicBoolean stopping;
        private final CountDownLatch finished;

        Worker(Scenario scenario, Recorder recorder, LongAdder errors, AtomicReference<String> firstError,
                java.util.concurrent.atomic.AtomicBoolean stopping, CountDownLatch finished) {
            this.scenario = scenario;
            this.recorder = recorder;
            this.errors = errors;
            this.firstError = firstError;
            this.stopping = stopping;
            this.finished = finished;
        }

        void next() {
            if (stopping.get()) {
                finished.countDown();
                return;
            }
            Request request;
            try {
                request = request(scenario);
            } catch (RuntimeException e) {
                fail("could not build the request: " + e);
                finished.countDown();
                return;
            }
            long start = System.nanoTime();
            request.send(new BufferingResponseListener(MAX_BODY_BYTES) {
                @Override
                public void onComplete(Result result) {
                    long elapsed = System.nanoTime() - start;
                    if (result.isSucceeded() && result.getResponse().getStatus() == 200) {
                        recorder.recordValue(elapsed);
                        next();
                    } else {
                        if (result.isSucceeded()) {
                            fail("HTTP " + result.getResponse().getStatus() + ": "
                                    + getContentAsString(StandardCharsets.UTF_8));
                        } else {
                            fail(String.valueOf(result.getFailure()));
                        }
                        // A failure may complete on the sending thread; go on from the pool, not deeper in the stack.
                        client.getExecutor().execute(Worker.this::next);
                    }
                }
            });
        }

        private void fail(String what) {
            errors.increment();
            firstError.compareAndSet(null, what);
        }
    }

    /** Stops the client; interrupted while it stops, keeps the interrupt rather than throw it. */
    @Override
    public void close() throws IOException {
        try {
            client.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IOException("cannot stop the HTTP client", e);
        }
    }
}
