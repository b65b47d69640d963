package dev.vpnd.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vpnd.server.VpndProcess;
import dev.vpnd.store.TestDatabase;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process out of file descriptors accepts nothing on any listener while {@code /healthz} still
 * answers on a connection opened before: {@code /readyz} names the listener that cannot accept, and
 * is ready again once descriptors are free. The open-file limit of a running vpnd is lowered from
 * outside ({@code prlimit}), as another process's leak or a low {@code ulimit -n} would leave it.
 */
class OutOfDescriptorsTest {
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");

    @TempDir
    Path dataDir;

    @Test
    void readinessNamesTheListenerThatCannotAccept() throws Exception {
        assumeTrue(Files.isExecutable(PRLIMIT) && Files.isDirectory(Path.of("/proc/self/fd")),
                "needs Linux's prlimit and /proc");
        try (var database = TestDatabase.create(dataDir); var node = VpndProcess.start(dataDir, database.url());
                var admin = RawHttp.connect(node.url("admin"))) {
            assertThat(RawHttp.exchange(admin, RawHttp.get("/readyz"), Duration.ofSeconds(10)).status()).isEqualTo(200);
            String limits = run(PRLIMIT.toString(), "--pid", String.valueOf(node.pid()), "--nofile", "--noheadings",
                    "--output", "SOFT,HARD").trim();
            String[] softHard = limits.split("\\s+", -1);
            long open;
            try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(node.pid()), "fd"))) {
                open = fds.count();
            }
            run(PRLIMIT.toString(), "--pid", String.valueOf(node.pid()), "--nofile=" + (open + 4) + ":" + softHard[1]);
            var clients = new ArrayList<Socket>();
            try {
                for (int i = 0; i < 12; i++) {
                    var client = RawHttp.connect(node.url("aliyun"));
                    RawHttp.send(client, RawHttp.get("/?RegionId=cn-hangzhou"));
                    clients.add(client);
                }
                var ready = awaitReadiness(admin, 503);
                assertThat(ready.body()).contains("aliyun: cannot accept connections: Too many open files");
                assertThat(RawHttp.exchange(admin, RawHttp.get("/healthz"), Duration.ofSeconds(10)).status())
                        .isEqualTo(200);
            } finally {
                run(PRLIMIT.toString(), "--pid", String.valueOf(node.pid()),
                        "--nofile=" + softHard[0] + ":" + softHard[1]);
                close(clients);
            }
            assertThat(awaitReadiness(admin, 200).body()).isEqualTo("ready\n");
        }
    }

    /** Asks {@code /readyz} until it answers {@code status}, for up to ten seconds. */
    private static RawHttp.Answer awaitReadiness(Socket admin, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        RawHttp.Answer answer;
        do {
            answer = RawHttp.exchange(admin, RawHttp.get("/readyz"), Duration.ofSeconds(10));
            if (answer.status() != status) {
                Thread.sleep(100);
            }
        } while (answer.status() != status && System.nanoTime() < deadline);
        return answer;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s: %s", List.of(command), output).isZero();
        return output;
    }

    private static void close(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
