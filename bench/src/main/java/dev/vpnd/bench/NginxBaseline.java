package dev.vpnd.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * nginx serving the first page's answer as a static file, on the same cores and under the same
 * load: the ceiling an HTTP server reaches for an answer of that size on this machine, beside which
 * vpnd's first page is reported as a ratio. nginx runs with a worker per core, keep-alive without a
 * request limit, no access log, on a loopback port of its own, from a temporary prefix removed
 * afterwards.
 */
final class NginxBaseline implements AutoCloseable {
    static final String PATH = "/first-page.json";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path prefix;
    private final Process process;
    private final URI endpoint;

    private NginxBaseline(Path prefix, Process process, URI endpoint) {
        this.prefix = prefix;
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The nginx executable: on the PATH, else Debian's /usr/sbin/nginx (not on a user's PATH). */
    static Optional<Path> find() {
        String path = System.getenv("PATH");
        var dirs = new ArrayList<String>(path == null ? List.of() : List.of(path.split(java.io.File.pathSeparator)));
        dirs.add("/usr/sbin");
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, "nginx"))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    /** Starts {@code nginx} serving {@code answer} at {@link #PATH} with {@code contentType}. */
    static NginxBaseline start(Path nginx, byte[] answer, String contentType, List<String> launcher)
            throws IOException, InterruptedException {
        Path prefix = Files.createTempDirectory("vpnd-bench-nginx-");
        int port;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path root = Files.createDirectories(prefix.resolve("www"));
        Files.write(root.resolve(PATH.substring(1)), answer);
        Files.writeString(prefix.resolve("nginx.conf"), config(prefix, port, contentType));
        // nginx's workers drop to an unprivileged user when started as root: they must reach the file.
        for (Path p : List.of(prefix, root)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        var command = new ArrayList<>(launcher);
        command.addAll(List.of(nginx.toString(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf")
                .toString(), "-e", prefix.resolve("error.log").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        var baseline = new NginxBaseline(prefix, process, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answers(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = Files.exists(prefix.resolve("error.log"))
                        ? Files.readString(prefix.resolve("error.log")) : "";
                baseline.close();
                throw new IllegalStateException("nginx did not start: " + log);
            }
            Thread.sleep(20);
        }
        return baseline;
    }

    /** The configuration: everything under {@code prefix}, nothing of the machine's own nginx. */
    static String config(Path prefix, int port, String contentType) {
        return String.join("\n",
                "daemon off;",
                "worker_processes auto;",
                "pid " + prefix.resolve("nginx.pid") + ";",
                "error_log " + prefix.resolve("error.log") + " warn;",
                "events { worker_connections 1024; }",
                "http {",
                "  access_log off;",
                "  sendfile on;",
                "  tcp_nopush on;",
                "  tcp_nodelay on;",
                "  keepalive_requests 100000000;",
                "  keepalive_timeout 300s;",
                "  client_body_temp_path " + prefix.resolve("tmp-body") + ";",
                "  proxy_temp_path " + prefix.resolve("tmp-proxy") + ";",
                "  fastcgi_temp_path " + prefix.resolve("tmp-fastcgi") + ";",
                "  uwsgi_temp_path " + prefix.resolve("tmp-uwsgi") + ";",
                "  scgi_temp_path " + prefix.resolve("tmp-scgi") + ";",
                "  types { }",
                "  default_type " + contentType + ";",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    root " + prefix.resolve("www") + ";",
                "  }",
                "}",
                "");
    }

    private static boolean answers(int port) {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(("GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] head = socket.getInputStream().readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }

    /** The unsigned GET of the file, as a scenario every load generator can send any number of times. */
    Scenario scenario(String name) {
        var call = new HttpCall("GET", PATH, List.of("Accept: application/json"), "");
        return new Scenario(name, "nginx", endpoint, () -> call,
                () -> new Scenario.Batch(k -> call, Long.MAX_VALUE));
    }

    /** The temporary directory nginx runs from, removed by {@link #close()}. */
    Path prefix() {
        return prefix;
    }

    /** CPU time nginx's master and workers have used so far. */
    long cpuNanos() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    @Override
    public void close() throws IOException {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(prefix)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
