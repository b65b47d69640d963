package dev.vpnd.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load from wrk (github.com/wg/wrk, C and an epoll loop per thread), which costs the shared two
 * cores about a tenth of what the Java generator does per request. wrk cannot sign, and the server
 * refuses a signature it has seen, so before each run this class signs enough requests (a batch of
 * the scenario's, each unique: {@link Scenario#batch()}) into one file per wrk thread, and
 * {@code replay.lua} sends each line once. A run that runs out of signed requests stops and counts
 * as failed; the next one is sized from the rate seen.
 *
 * <p>A line is one request without its {@code Host} header, which the script adds: the method and
 * target, a tab, then the header lines, the empty line and the body, with every CRLF written as a
 * tab (no header value or body of the bench holds a tab, a CR or an LF).
 *
 * <p>wrk's latency percentiles are corrected for coordinated omission: a response slower than a
 * connection's mean interval adds the samples of the requests an open-loop client would have sent
 * meanwhile, so a rare stall weighs on p99 as it would for clients sending at a fixed rate. The
 * built-in generator records only the requests it sent, hence lower tails for the same server.
 */
final class WrkLoad implements Load {
    /** Signed requests per second of run before a scenario's rate is known; far above what two cores serve. */
    private static final double FIRST_RATE = 30_000;
    /**
     * Requests signed per second of run: this much more than the scenario's last rate (its
     * warm-up's). Not more: wrk's Lua heap holds them all, and its garbage collector walks them on
     * every cycle, so surplus requests cost wrk CPU that the server then lacks
     * (docs/benchmarks.md).
     */
    private static final double HEADROOM = 2.5;
    private static final Pattern RESULT = Pattern.compile("vpnd-bench requests=(\\d+) duration_us=(\\d+) "
            + "p50_us=(\\d+) p99_us=(\\d+) p999_us=(\\d+) max_us=(\\d+) connect=(\\d+) read=(\\d+) write=(\\d+) "
            + "status=(\\d+) timeout=(\\d+) exhausted=(\\d+)");

    private final Path wrk;
    private final int concurrency;
    private final int threads;
    private final List<String> launcher;
    private final LongSupplier serverCpuNanos;
    private final Path workDir;
    private final Path script;
    private final Map<String, Double> lastRate = new HashMap<>();

    /** {@code launcher}: a command that runs wrk in its place (taskset), or none. */
    WrkLoad(Path wrk, List<String> launcher, int concurrency, int threads, LongSupplier serverCpuNanos)
            throws IOException {
        this.wrk = wrk;
        this.launcher = List.copyOf(launcher);
        this.concurrency = concurrency;
        this.threads = Math.max(1, Math.min(threads, concurrency));
        this.serverCpuNanos = serverCpuNanos;
        // Hundreds of megabytes of signed requests are written before each run: in memory, so that the
        // kernel does not write them back to disk while the run is measured.
        Path shm = Path.of("/dev/shm");
        this.workDir = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "vpnd-bench-wrk-")
                : Files.createTempDirectory("vpnd-bench-wrk-");
        this.script = workDir.resolve("replay.lua");
        try (InputStream in = WrkLoad.class.getResourceAsStream("replay.lua")) {
            Files.copy(in, script);
        }
    }

    /** The wrk executable on the PATH, if any. */
    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator, -1)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "wrk");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "wrk (%d thread%s), replaying requests signed just before each run",
                threads, threads == 1 ? "" : "s");
    }

    @Override
    public int openedConnections() {
        return -1;
    }

    @Override
    public void warmUp(Scenario scenario, Duration duration) throws Exception {
        once(scenario, duration, false);
    }

    @Override
    public Outcome run(Scenario scenario, Duration warmup, Duration duration) throws Exception {
        if (!warmup.isZero()) {
            once(scenario, warmup, false);
        }
        return once(scenario, duration, true);
    }

    /** One wrk run; a measured one shows wrk's own report (with its latency distribution) on stderr. */
    private Outcome once(Scenario scenario, Duration duration, boolean measured) throws Exception {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        double rate = lastRate.containsKey(scenario.name()) ? lastRate.get(scenario.name()) * HEADROOM : FIRST_RATE;
        Path prefix = workDir.resolve("requests");
        sign(scenario, prefix, (long) Math.ceil(rate * seconds) + concurrency);

        var command = new ArrayList<>(launcher);
        command.addAll(List.of(wrk.toString(), "-t", String.valueOf(threads), "-c", String.valueOf(concurrency),
                "-d", seconds + "s", "--timeout", "30s", "--latency", "-s", script.toString(),
                "http://" + scenario.hostPort() + "/", "--", prefix.toString()));
        long serverCpuStart = serverCpuNanos.getAsLong();
        long childrenStart = SystemCpu.reapedChildrenNanos();
        long machineStart = SystemCpu.machineBusyNanos();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        long serverCpu = serverCpuNanos.getAsLong() - serverCpuStart;
        long machineEnd = SystemCpu.machineBusyNanos();
        long childrenEnd = SystemCpu.reapedChildrenNanos();
        deleteRequestFiles(prefix);

        if (measured) {
            System.err.print(output.indent(4));
        }
        Matcher m = RESULT.matcher(output);
        if (exit != 0 || !m.find()) {
            throw new IllegalStateException("wrk exited with " + exit + ":\n" + output);
        }
        long requests = Long.parseLong(m.group(1));
        double runSeconds = Long.parseLong(m.group(2)) / 1e6;
        long statusErrors = Long.parseLong(m.group(10));
        long socketErrors = Long.parseLong(m.group(7)) + Long.parseLong(m.group(8)) + Long.parseLong(m.group(9))
                + Long.parseLong(m.group(11));
        long exhausted = Long.parseLong(m.group(12));
        long ok = requests - statusErrors;
        // A run that ran out of requests went faster than it was signed for, by how much it cannot tell.
        lastRate.put(scenario.name(), exhausted > 0 ? 2 * rate : ok / runSeconds);
        String firstError = null;
        if (exhausted > 0) {
            firstError = "wrk ran out of signed requests in " + exhausted + " thread(s); the run stopped early";
        } else if (statusErrors + socketErrors > 0) {
            firstError = String.format(Locale.ROOT, "wrk: %d responses with a status above 399, %d socket errors or "
                    + "timeouts (%s)", statusErrors, socketErrors, m.group());
        }
        var latency = new Outcome.Latencies(microsToNanos(m.group(3)), microsToNanos(m.group(4)),
                microsToNanos(m.group(5)), microsToNanos(m.group(6)));
        long generatorCpu = childrenStart < 0 || childrenEnd < 0 ? 0 : childrenEnd - childrenStart;
        long machineBusy = machineStart < 0 || machineEnd < 0 ? -1 : machineEnd - machineStart;
        return new Outcome(scenario, ok, latency, runSeconds, statusErrors + socketErrors + exhausted, firstError,
                serverCpu, generatorCpu, machineBusy);
    }

    /** {@code count} freshly signed request targets, spread over one file per wrk thread. */
    private void sign(Scenario scenario, Path prefix, long count) throws IOException {
        var writers = new ArrayList<BufferedWriter>(threads);
        try {
            for (int t = 0; t < threads; t++) {
                writers.add(Files.newBufferedWriter(Path.of(prefix + "." + t), StandardCharsets.ISO_8859_1));
            }
            Scenario.Batch batch = scenario.batch().get();
            // A batch that holds fewer than the run may send ends it early, reported as run out.
            for (long i = 0; i < Math.min(count, batch.capacity()); i++) {
                write(batch.calls().apply(i), writers.get((int) (i % threads)));
            }
        } finally {
            for (var out : writers) {
                out.close();
            }
        }
    }

    private void deleteRequestFiles(Path prefix) throws IOException {
        for (int t = 0; t < threads; t++) {
            Files.deleteIfExists(Path.of(prefix + "." + t));
        }
    }

    /** One line of a request file (see the class comment). */
    static void write(HttpCall call, Writer out) throws IOException {
        out.write(plain(call.method()));
        out.write(' ');
        out.write(plain(call.target()));
        out.write('\t');
        for (String header : call.headers()) {
            out.write(plain(header));
            out.write('\t');
        }
        byte[] body = call.bodyBytes();
        out.write("Content-Length: " + body.length + "\t\t");
        out.write(plain(new String(body, StandardCharsets.ISO_8859_1)));
        out.write('\n');
    }

    private static String plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\r' || c == '\n') {
                throw new IllegalArgumentException("a tab, CR or LF cannot go into wrk's request file: " + text);
            }
        }
        return text;
    }

    private static long microsToNanos(String text) {
        return Long.parseLong(text) * 1_000;
    }

    @Override
    public void close() throws IOException {
        deleteRequestFiles(workDir.resolve("requests")); // left by a run that failed
        Files.deleteIfExists(script);
        Files.deleteIfExists(workDir);
    }
}
