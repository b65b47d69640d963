package dev.vpnd.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.core.service.QuotaService;
import dev.vpnd.server.cli.Main;
import dev.vpnd.store.JdbcStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * vpnd as a separate operating-system process (the test classpath, {@code Main serve}), so a test
 * can kill it with SIGKILL the way a crash or an OOM killer would. As with {@link RunningVpnd}, the
 * demo and admin accounts' quotas are lifted once it has started.
 */
public final class VpndProcess implements AutoCloseable {
    private final Process process;
    private final Map<String, String> endpoints;

    private VpndProcess(Process process, Map<String, String> endpoints) {
        this.process = process;
        this.endpoints = endpoints;
    }

    /** Starts {@code serve --demo} on free ports over {@code dataDir} (and {@code databaseUrl} when not null). */
    public static VpndProcess start(Path dataDir, String databaseUrl) throws IOException, InterruptedException {
        return start(dataDir, databaseUrl, List.of());
    }

    /** As {@link #start(Path, String)}, the JVM started with {@code jvmOptions} (a heap limit, say). */
    public static VpndProcess start(Path dataDir, String databaseUrl, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path endpoints = dataDir.resolve("endpoints.json");
        Files.createDirectories(dataDir);
        Files.deleteIfExists(endpoints);
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--demo",
                "--data", dataDir.toString(), "--aliyun-port", "0", "--tencent-port", "0", "--keystone-port", "0",
                "--neutron-port", "0", "--agent-port", "0", "--admin-port", "0", "--provisioning-delay", "0s",
                "--secret-key-file", secretKeyFile(dataDir).toString()));
        if (databaseUrl != null) {
            command.addAll(List.of("--database", databaseUrl));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("vpnd-process.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.exists(endpoints)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("vpnd did not start: "
                        + Files.readString(dataDir.resolve("vpnd-process.log")));
            }
            Thread.sleep(50);
        }
        @SuppressWarnings("unchecked")
        Map<String, String> urls = new ObjectMapper().readValue(endpoints.toFile(), Map.class);
        try (var storage = databaseUrl == null ? JdbcStorage.sqlite(dataDir.resolve("vpnd.db"))
                : JdbcStorage.postgres(databaseUrl)) {
            RunningVpnd.liftDemoQuotas(new QuotaService(storage));
        }
        return new VpndProcess(process, Map.copyOf(urls));
    }

    /** The key ring a test's vpnd (and its commands) seal secrets with: in its data directory, not beside it. */
    public static Path secretKeyFile(Path dataDir) {
        return dataDir.resolve("vpnd-secret.key");
    }

    /** {@code host:port} of the Alibaba listener, the form the SDKs take as their endpoint. */
    public String aliyunEndpoint() {
        return endpoints.get("aliyun").substring("http://".length());
    }

    /** Dialect (and {@code admin}) to base URL, as written to {@code endpoints.json}. */
    public Map<String, String> endpoints() {
        return endpoints;
    }

    /** The base URL of a listener ({@code aliyun}, {@code admin}, ...), as endpoints.json gives it. */
    public String url(String listener) {
        return endpoints.get(listener);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as a service manager stops a node; true when the process ended within {@code timeout}. */
    public boolean terminate(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already durable. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(Duration.ofSeconds(20))) {
                kill();
            }
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
