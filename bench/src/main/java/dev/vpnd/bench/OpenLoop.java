package dev.vpnd.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-loop load at a fixed rate, the model of wrk2 (wrk 4.1 has no {@code -R}): the {@code k}th
 * request is due at {@code start + k / rate} whatever the server does and is timed from when it was
 * due, not from when it was sent, into an HdrHistogram. {@code concurrency} keep-alive connections
 * each take the next due request, wait for its time, send it and read the answer; when all are busy
 * a request goes out late, on the first connection free, and its wait counts. A server that stalls
 * therefore shows the stall in every request that fell due during it, as clients sending at that
 * rate would see it.
 *
 * <p>Plain blocking sockets ({@link PlainConnection}), one platform thread per connection: an open
 * loop on two cores must leave them to the server.
 */
final class OpenLoop {
    private OpenLoop() {
    }

    /** {@code warmup} at the rate (not counted), then {@code duration} at it (counted). */
    static Outcome run(Scenario scenario, int concurrency, double rate, Duration warmup, Duration duration,
            LongSupplier serverCpuNanos) throws InterruptedException {
        var recorder = new Recorder(3);
        var errors = new LongAdder();
        var firstError = new AtomicReference<String>();
        var next = new AtomicLong();
        long start = System.nanoTime() + 50_000_000;
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        double periodNanos = 1e9 / rate;
        var workers = new ArrayList<Thread>(concurrency);
        for (int c = 0; c < concurrency; c++) {
            workers.add(Thread.ofPlatform().daemon().name("bench-open-loop-" + c).start(() -> {
                PlainConnection connection = null;
                for (long k = next.getAndIncrement();; k = next.getAndIncrement()) {
                    long due = start + (long) (k * periodNanos);
                    if (due >= end) {
                        break;
                    }
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    int status;
                    try {
                        if (connection == null) {
                            connection = new PlainConnection(scenario.endpoint());
                        }
                        status = connection.exchange(scenario.live().get());
                    } catch (IOException | RuntimeException e) {
                        status = -1;
                        firstError.compareAndSet(null, e.toString());
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                    }
                    long latency = System.nanoTime() - due;
                    if (due >= measureFrom) {
                        if (status == 200) {
                            recorder.recordValue(latency);
                        } else {
                            errors.increment();
                            if (status > 0) {
                                firstError.compareAndSet(null, "HTTP " + status);
                            }
                        }
                    }
                }
                if (connection != null) {
                    connection.close();
                }
            }));
        }
        LockSupport.parkNanos(measureFrom - System.nanoTime());
        recorder.getIntervalHistogram(); // drop the warm-up
        long serverCpuStart = serverCpuNanos.getAsLong();
        long ownCpuStart = ownCpuNanos();
        long machineStart = SystemCpu.machineBusyNanos();
        for (Thread worker : workers) {
            worker.join(); // the requests due before the end are in the figures, however long they take
        }
        Histogram measured = recorder.getIntervalHistogram();
        long serverCpu = serverCpuNanos.getAsLong() - serverCpuStart;
        long ownCpu = ownCpuNanos() - ownCpuStart;
        long machineEnd = SystemCpu.machineBusyNanos();
        var latency = measured.getTotalCount() == 0 ? Outcome.Latencies.NONE
                : new Outcome.Latencies(measured.getValueAtPercentile(50), measured.getValueAtPercentile(99),
                        measured.getValueAtPercentile(99.9), measured.getMaxValue());
        // Throughput over the schedule's own span: what was asked for, once every answer is in.
        return new Outcome(scenario, measured.getTotalCount(), latency, (end - measureFrom) / 1e9, errors.sum(),
                firstError.get(), serverCpu, ownCpu,
                machineStart < 0 || machineEnd < 0 ? -1 : machineEnd - machineStart);
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
