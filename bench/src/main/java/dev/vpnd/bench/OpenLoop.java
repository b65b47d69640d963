package dev.vpnd.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
 * <p>Plain blocking sockets, one platform thread per connection, HTTP/1.1 answers read by their
 * {@code Content-Length}: the Jetty client costs the shared cores more per request than the server
 * spends on a first page, and an open loop on two cores must leave them to the server.
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
                Connection connection = null;
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
                            connection = new Connection(scenario);
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

    /** One keep-alive HTTP/1.1 connection to the scenario's listener. */
    private static final class Connection {
        private final Socket socket = new Socket();
        private final OutputStream out;
        private final InputStream in;
        private final String host;
        private final byte[] skip = new byte[64 * 1024];

        Connection(Scenario scenario) throws IOException {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(scenario.endpoint().getHost(), scenario.endpoint().getPort()),
                    30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            host = scenario.hostPort();
        }

        /** Sends {@code call}, reads the whole answer; its status. */
        int exchange(HttpCall call) throws IOException {
            byte[] body = call.bodyBytes();
            var head = new StringBuilder(512).append(call.method()).append(' ').append(call.target())
                    .append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
            for (String header : call.headers()) {
                head.append(header).append("\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            for (String line = line(); !line.isEmpty(); line = line()) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Long.parseLong(line.substring(15).trim());
                } else if (line.regionMatches(true, 0, "Transfer-Encoding:", 0, 18)) {
                    throw new IOException("a chunked answer; the open loop reads only Content-Length");
                }
            }
            if (length < 0) {
                throw new IOException("an answer without Content-Length");
            }
            while (length > 0) {
                int n = in.read(skip, 0, (int) Math.min(skip.length, length));
                if (n < 0) {
                    throw new IOException("the connection closed inside an answer");
                }
                length -= n;
            }
            return status;
        }

        private String line() throws IOException {
            var line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // gone already
            }
        }
    }
}
