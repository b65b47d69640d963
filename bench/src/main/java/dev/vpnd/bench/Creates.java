package dev.vpnd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The creates scenario: Alibaba {@code CreateVpnConnection} calls signed with signature v1 as the
 * old core SDK signs them, each with a ClientToken of its own, from {@code concurrency} clients in a
 * closed loop, each on a keep-alive connection of its own ({@link PlainConnection}). The calls are
 * signed as they are sent and each answer is read: the bench keeps the id of every connection
 * acknowledged (HTTP 200 with a {@code VpnConnectionId}), warm-ups included, and {@link #verify}
 * then asks the server for each of them. wrk could replay pre-signed creates, but it reads no
 * answer, and every call signed beforehand would spend a (gateway, customer gateway) pair whether
 * sent or not.
 */
final class Creates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CreateTargets targets;
    private final V1Signer signer;
    private final URI endpoint;
    private final int concurrency;
    private final AtomicLong next = new AtomicLong();
    /** This run's ClientTokens start with it, so a re-run on the same seed never repeats one. */
    private final String tokenPrefix;
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();

    Creates(CreateTargets targets, V1Signer signer, URI endpoint, int concurrency) {
        this.targets = targets;
        this.signer = signer;
        this.endpoint = endpoint;
        this.concurrency = concurrency;
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        this.tokenPrefix = "bench-" + HexFormat.of().formatHex(random) + "-";
    }

    /** The scenario as the bench's table and probe see it; its calls come from this run's pairs. */
    Scenario scenario() {
        return new Scenario("CreateVpnConnection, a ClientToken each", "CreateVpnConnection", endpoint,
                () -> call(next.getAndIncrement()), () -> {
                    throw new UnsupportedOperationException("creates run on the bench's own connections");
                });
    }

    /** The probe: a 200 with a VpnConnectionId, which joins those {@link #verify} checks. */
    Planned.Probe probe() {
        return (json, bytes) -> {
            String id = json.path("VpnConnectionId").asText("");
            Planned.expect(id.startsWith("vco-"), "a VpnConnectionId");
            acknowledged.add(id);
            return "probe created " + id;
        };
    }

    /** The {@code k}th create of this run, signed now. */
    HttpCall call(long k) {
        if (k >= targets.pairs()) {
            throw new IllegalStateException("all " + targets.pairs() + " (gateway, customer gateway) pairs of this "
                    + "run are used");
        }
        return signer.call("CreateVpnConnection", Map.of("RegionId", CreateTargets.REGION,
                "VpnGatewayId", targets.gatewayOf(k), "CustomerGatewayId", targets.customerGatewayOf(k),
                "LocalSubnet", "10.1.0.0/24", "RemoteSubnet", "10.2." + (k % 256) + ".0/24",
                "ClientToken", tokenPrefix + k));
    }

    /**
     * Creates for {@code warmup} (acknowledged but not timed), then for {@code duration}: acknowledged
     * creates per second and their latency from sending to the answer read. Ends early, reported as
     * an error, when the run's pairs are used up.
     */
    Outcome run(Duration warmup, Duration duration, LongSupplier serverCpuNanos) throws InterruptedException {
        var recorder = new Recorder(3);
        var errors = new LongAdder();
        var firstError = new AtomicReference<String>();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        var workers = new ArrayList<Thread>(concurrency);
        var measuring = new long[3];
        for (int c = 0; c < concurrency; c++) {
            workers.add(Thread.ofPlatform().daemon().name("bench-creates-" + c).start(() -> {
                PlainConnection connection = null;
                for (long sent = System.nanoTime(); sent < end; sent = System.nanoTime()) {
                    String failure;
                    try {
                        HttpCall call = call(next.getAndIncrement());
                        if (connection == null) {
                            connection = new PlainConnection(endpoint);
                        }
                        failure = acknowledge(connection.exchange(call, true));
                    } catch (IOException | RuntimeException e) {
                        failure = e.toString();
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                        if (next.get() > targets.pairs()) {
                            firstError.compareAndSet(null, failure);
                            break;
                        }
                    }
                    if (sent >= measureFrom) {
                        if (failure == null) {
                            recorder.recordValue(System.nanoTime() - sent);
                        } else {
                            errors.increment();
                            firstError.compareAndSet(null, failure);
                        }
                    }
                }
                if (connection != null) {
                    connection.close();
                }
            }));
        }
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        recorder.getIntervalHistogram(); // drop the warm-up
        measuring[0] = serverCpuNanos.getAsLong();
        measuring[1] = ownCpuNanos();
        measuring[2] = SystemCpu.machineBusyNanos();
        for (Thread worker : workers) {
            worker.join();
        }
        long stopped = System.nanoTime();
        Histogram measured = recorder.getIntervalHistogram();
        long machineEnd = SystemCpu.machineBusyNanos();
        var latency = measured.getTotalCount() == 0 ? Outcome.Latencies.NONE
                : new Outcome.Latencies(measured.getValueAtPercentile(50), measured.getValueAtPercentile(99),
                        measured.getValueAtPercentile(99.9), measured.getMaxValue());
        return new Outcome(scenario(), measured.getTotalCount(), latency, (stopped - measureFrom) / 1e9,
                errors.sum(), firstError.get(), serverCpuNanos.getAsLong() - measuring[0],
                ownCpuNanos() - measuring[1], measuring[2] < 0 || machineEnd < 0 ? -1 : machineEnd - measuring[2]);
    }

    /** Keeps the id an answer acknowledges; null when it does, else what is wrong with it. */
    private String acknowledge(PlainConnection.Answer answer) throws IOException {
        if (answer.status() != 200) {
            return "HTTP " + answer.status() + ": " + new String(answer.body(), StandardCharsets.UTF_8);
        }
        String id = JSON.readTree(answer.body()).path("VpnConnectionId").asText("");
        if (!id.startsWith("vco-")) {
            return "an answer without a VpnConnectionId";
        }
        acknowledged.add(id);
        return null;
    }

    /**
     * Asks the server for every acknowledged connection, {@code DescribeVpnConnection} by id on
     * {@code concurrency} connections (a single record is read from the database, not from a
     * cache); returns how many there were, and fails naming the first few that are not there.
     */
    long verify() throws InterruptedException {
        List<String> ids = List.copyOf(acknowledged);
        var missing = new ConcurrentLinkedQueue<String>();
        var index = new AtomicLong();
        var workers = new ArrayList<Thread>(concurrency);
        for (int c = 0; c < concurrency; c++) {
            workers.add(Thread.ofPlatform().daemon().name("bench-creates-check-" + c).start(() -> {
                PlainConnection connection = null;
                for (long i = index.getAndIncrement(); i < ids.size(); i = index.getAndIncrement()) {
                    String id = ids.get((int) i);
                    String problem = null;
                    for (int attempt = 0; attempt < 3; attempt++) {
                        try {
                            if (connection == null) {
                                connection = new PlainConnection(endpoint);
                            }
                            problem = found(connection.exchange(signer.call("DescribeVpnConnection",
                                    Map.of("RegionId", CreateTargets.REGION, "VpnConnectionId", id)), true), id);
                            break;
                        } catch (IOException | RuntimeException e) {
                            // the connection, not the answer: ask again on a new one
                            problem = e.toString();
                            if (connection != null) {
                                connection.close();
                            }
                            connection = null;
                        }
                    }
                    if (problem != null) {
                        missing.add(id + " (" + problem + ")");
                    }
                }
                if (connection != null) {
                    connection.close();
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.format("creates: %d of %d acknowledged connections are not "
                    + "there, e.g. %s", missing.size(), ids.size(), missing.stream().limit(5).toList()));
        }
        return ids.size();
    }

    private static String found(PlainConnection.Answer answer, String id) throws IOException {
        if (answer.status() != 200) {
            return "HTTP " + answer.status();
        }
        JsonNode json = JSON.readTree(answer.body());
        return id.equals(json.path("VpnConnectionId").asText()) ? null : "another answer: " + json;
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
