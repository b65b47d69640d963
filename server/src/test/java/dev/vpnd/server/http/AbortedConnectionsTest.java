package dev.vpnd.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vpnd.server.ListenerSettings;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import dev.vpnd.store.TestDatabase;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Clients that reset their connections, close them mid-request or stop sending are the clients'
 * doing: the server logs them at DEBUG at most, never as its own errors, and a client that is
 * still there gets its dialect's answer, not a 500.
 */
class AbortedConnectionsTest {
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration IDLE_TIMEOUT = Duration.ofMillis(1500);

    @TempDir
    static Path dataDir;
    private static TestDatabase database;
    private static Vpnd vpnd;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.create(dataDir);
        var limits = new ConnectionLimits(64, HEADER_TIMEOUT, IDLE_TIMEOUT);
        vpnd = Vpnd.start(new ServerConfig(dataDir, database.url(), "127.0.0.1", Map.of(), true, Duration.ZERO,
                new ListenerSettings(limits)));
    }

    @AfterAll
    static void stop() throws Exception {
        vpnd.close();
        database.close();
    }

    @BeforeEach
    void capture() {
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void release() {
        root().detachAppender(logged);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static Socket connect() throws Exception {
        return RawHttp.connect(vpnd.endpoints().get("aliyun"));
    }

    private static final String PARTIAL_BODY = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nAction=Desc";

    @Test
    void resetsAndStalledHeadsAreNotServerErrors() throws Exception {
        try (var socket = connect()) { // reset in the middle of a head
            RawHttp.send(socket, "GET /?Action=DescribeRegions HTTP/1.1\r\nHo");
            socket.setSoLinger(true, 0);
        }
        try (var socket = connect()) { // reset in the middle of a body
            RawHttp.send(socket, PARTIAL_BODY);
            Thread.sleep(100);
            socket.setSoLinger(true, 0);
        }
        try (var socket = connect()) { // reset with answers still to send
            RawHttp.send(socket, RawHttp.get("/?Action=DescribeRegions").repeat(200));
            socket.setSoLinger(true, 0);
        }
        try (var socket = connect()) { // silent in the middle of a head: cut after the header timeout
            RawHttp.send(socket, "GET /?Action=DescribeRegions HTTP/1.1\r\nHo");
            assertThat(RawHttp.closedByServer(socket, HEADER_TIMEOUT.plusSeconds(3))).isTrue();
        }
        Thread.sleep(500); // what the server does once a connection is gone happens on its own threads
        assertThat(logged.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    @Test
    void aBodyThatStopsArrivingGetsTheDialectsTimeoutNotA500() throws Exception {
        try (var socket = connect()) {
            RawHttp.send(socket, PARTIAL_BODY);
            var answer = RawHttp.read(socket, IDLE_TIMEOUT.plusSeconds(5));
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.body()).contains("\"Code\":\"InvalidParameter\"");
        }
        try (var socket = connect()) { // an early end of the body is a malformed request
            RawHttp.send(socket, PARTIAL_BODY);
            socket.shutdownOutput();
            var answer = RawHttp.read(socket, Duration.ofSeconds(5));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("\"Code\":\"InvalidParameter\"");
        }
        assertThat(logged.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }
}
