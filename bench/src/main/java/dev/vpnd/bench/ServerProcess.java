package dev.vpnd.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * vpnd as its own JVM ({@code java -jar vpnd-server.jar serve}), so the server under test shares
 * nothing with the load generator but the machine. Its output goes to {@code server.log} in the
 * data directory; its Alibaba endpoint is read from the {@code endpoints.json} it writes once listening.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final URI endpoint;
    private final URI admin;
    private final URI agent;
    private final Path log;
    private final Map<String, URI> listeners;

    private ServerProcess(Process process, Map<String, URI> listeners, Path log) {
        this.process = process;
        this.endpoint = listeners.get("aliyun");
        this.admin = listeners.get("admin");
        this.agent = listeners.get("agent");
        this.listeners = Map.copyOf(listeners);
        this.log = log;
    }

    /**
     * {@code database}: a PostgreSQL URL, or null for SQLite in {@code dataDir}; {@code launcher}: a
     * command that runs the JVM in its place (taskset), or none; {@code serveOptions}: more options of
     * {@code serve} ({@code --demo}).
     */
    static ServerProcess start(Path serverJar, Path dataDir, String database, List<String> jvmOptions,
            List<String> launcher, List<String> serveOptions) throws Exception {
        if (!Files.isRegularFile(serverJar)) {
            throw new IllegalStateException("no server jar at " + serverJar.toAbsolutePath() + " (build first)");
        }
        Path endpoints = dataDir.resolve("endpoints.json");
        Files.deleteIfExists(endpoints); // a previous run's file names a port nobody listens on
        Path log = dataDir.resolve("server.log");
        // Every listener on a free port: a fixed one may be taken by another vpnd or a test on the machine.
        var command = new ArrayList<String>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", serverJar.toAbsolutePath().toString(), "serve", "--data",
                dataDir.toAbsolutePath().toString(), "--aliyun-port", "0", "--tencent-port", "0",
                "--keystone-port", "0", "--neutron-port", "0", "--agent-port", "0", "--admin-port", "0"));
        command.addAll(serveOptions);
        if (database != null) {
            command.addAll(List.of("--database", database));
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (!Files.exists(endpoints)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("vpnd exited with " + process.exitValue() + " before listening:\n"
                            + tail(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("vpnd did not write " + endpoints + " within " + START_TIMEOUT
                            + ":\n" + tail(log));
                }
                Thread.sleep(50);
            }
            var written = new ObjectMapper().readTree(endpoints.toFile());
            var listeners = new HashMap<String, URI>();
            for (String name : List.of("aliyun", "tencent", "keystone", "neutron", "agent", "admin")) {
                String url = written.path(name).asText("");
                if (url.isEmpty()) {
                    throw new IllegalStateException(endpoints + " names no " + name + " endpoint");
                }
                listeners.put(name, URI.create(url));
            }
            return new ServerProcess(process, listeners, log);
        } catch (Exception e) {
            stop(process);
            throw e;
        }
    }

    /** The admin listener, whose {@code /metrics} has the server's own request timings. */
    URI admin() {
        return admin;
    }

    /** The agent listener, which the data plane's agents speak to. */
    URI agent() {
        return agent;
    }

    /** The Alibaba listener. */
    URI endpoint() {
        return endpoint;
    }

    /** A listener by its name in {@code endpoints.json}: aliyun, tencent, keystone, neutron, agent, admin. */
    URI listener(String name) {
        URI uri = listeners.get(name);
        if (uri == null) {
            throw new IllegalArgumentException("no listener " + name);
        }
        return uri;
    }

    /** CPU time the server process has used so far (0 where the platform does not tell). */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    long pid() {
        return process.pid();
    }

    /**
     * The server's resident memory now and at its peak, in bytes, as Linux reports it in
     * {@code /proc/PID/status} (VmRSS, VmHWM); empty elsewhere.
     */
    Optional<long[]> residentBytes() {
        try {
            long rss = -1;
            long peak = -1;
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kibibytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    peak = kibibytes(line);
                }
            }
            return rss < 0 || peak < 0 ? Optional.empty() : Optional.of(new long[] {rss * 1024, peak * 1024});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long kibibytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    Path log() {
        return log;
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A thread that stops the server, for a shutdown hook: no vpnd outlives a bench stopped early. */
    Thread stopper() {
        return new Thread(this::close, "bench-stop-server");
    }

    /** Stops the server; interrupted while waiting for it to exit, kills it and keeps the interrupt. */
    @Override
    public void close() {
        try {
            stop(process);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
