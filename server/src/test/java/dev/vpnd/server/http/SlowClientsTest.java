package dev.vpnd.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.ListenerSettings;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import dev.vpnd.store.TestDatabase;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that connect and then send their request head slowly, or not at all, cannot hold a
 * listener: it holds at most its connection limit, cuts heads that take longer than the header
 * timeout, reports itself not ready while it is full, and serves new clients again afterwards.
 */
class SlowClientsTest {
    private static final int LIMIT = 8;
    private static final Duration HEADER_TIMEOUT = Duration.ofMillis(1500);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(6);

    @TempDir
    static Path dataDir;
    private static TestDatabase database;
    private static Vpnd vpnd;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.create(dataDir);
        var limits = new ConnectionLimits(LIMIT, HEADER_TIMEOUT, IDLE_TIMEOUT);
        vpnd = Vpnd.start(new ServerConfig(dataDir, database.url(), "127.0.0.1", Map.of(), true, Duration.ZERO,
                new ListenerSettings(limits)));
    }

    @AfterAll
    static void stop() throws Exception {
        vpnd.close();
        database.close();
    }

    private static String url(String listener) {
        return vpnd.endpoints().get(listener);
    }

    private static RawHttp.Answer readiness() throws Exception {
        try (var socket = RawHttp.connect(url("admin"))) {
            return RawHttp.exchange(socket, RawHttp.get("/readyz"), Duration.ofSeconds(10));
        }
    }

    @Test
    void slowHeadsFillTheListenerOnlyUntilTheHeaderTimeout() throws Exception {
        var slow = new ArrayList<Socket>();
        try {
            for (int i = 0; i < LIMIT; i++) {
                var socket = RawHttp.connect(url("aliyun"));
                RawHttp.send(socket, "GET /?RegionId=cn-hangzhou HTTP/1.1\r\nHo");
                slow.add(socket);
            }
            RawHttp.Answer full = readiness();
            for (int i = 0; i < 20 && full.status() == 200; i++) {
                Thread.sleep(25);
                full = readiness();
            }
            assertThat(full.status()).isEqualTo(503);
            assertThat(full.body()).contains("aliyun: at its connection limit (" + LIMIT + " connections)")
                    .doesNotContain("tencent");

            // Waits in the kernel's accept queue until the slow ones are cut.
            long started = System.nanoTime();
            try (var fresh = RawHttp.connect(url("aliyun"))) {
                var answer = RawHttp.exchange(fresh, RawHttp.get("/?RegionId=cn-hangzhou"), Duration.ofSeconds(15));
                assertThat(answer.status()).isEqualTo(400);
                assertThat(answer.body()).contains("\"Code\":\"MissingAction\"");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(HEADER_TIMEOUT.multipliedBy(4));
            for (Socket socket : slow) {
                assertThat(RawHttp.closedByServer(socket, Duration.ofSeconds(5))).isTrue();
            }
            assertThat(readiness().status()).isEqualTo(200);
            assertThat(readiness().body()).isEqualTo("ready\n");
        } finally {
            close(slow);
        }
    }

    @Test
    void aHeadTrickledAByteAtATimeIsCut() throws Exception {
        for (boolean afterARequest : List.of(false, true)) {
            try (var socket = RawHttp.connect(url("tencent"))) {
                if (afterARequest) {
                    assertThat(RawHttp.exchange(socket, RawHttp.get("/"), Duration.ofSeconds(10)).status())
                            .isEqualTo(200);
                }
                long started = System.nanoTime();
                String head = "GET /?Action=DescribeVpnConnections HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                        + "a".repeat(200) + "\r\n\r\n";
                boolean cut = false;
                for (int i = 0; i < head.length() && !cut; i++) {
                    try {
                        RawHttp.send(socket, head.substring(i, i + 1));
                    } catch (java.io.IOException closed) {
                        cut = true;
                    }
                    Thread.sleep(100);
                    cut = cut || Duration.ofNanos(System.nanoTime() - started).compareTo(IDLE_TIMEOUT) > 0;
                }
                assertThat(RawHttp.closedByServer(socket, Duration.ofSeconds(1))).as("cut, after a request: %s",
                        afterARequest).isTrue();
                // One header timeout after connecting, or after the head's first byte (plus scheduling).
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .isLessThan(HEADER_TIMEOUT.plusSeconds(2));
            }
        }
    }

    @Test
    void aKeptAliveConnectionStaysOpenUntilTheIdleTimeout() throws Exception {
        try (var socket = RawHttp.connect(url("keystone"))) {
            assertThat(RawHttp.exchange(socket, RawHttp.get("/v3"), Duration.ofSeconds(10)).status()).isEqualTo(200);
            // Silent for longer than two header timeouts: idle, not a slow head.
            Thread.sleep(HEADER_TIMEOUT.multipliedBy(3).toMillis());
            assertThat(RawHttp.exchange(socket, RawHttp.get("/v3"), Duration.ofSeconds(10)).status()).isEqualTo(200);
            long answered = System.nanoTime();
            assertThat(RawHttp.closedByServer(socket, IDLE_TIMEOUT.plusSeconds(3))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - answered)).isGreaterThan(IDLE_TIMEOUT.minusMillis(500));
        }
    }

    private static void close(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (java.io.IOException ignored) {
                // closing a socket the server already closed
            }
        }
    }
}
