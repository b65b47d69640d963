package dev.vpnd.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A listener holds at most its budget of request-body bytes: past it a request gets the dialect's
 * 503 at once, rather than a place in a queue, and the budget comes back as bodies are answered or
 * their clients go away. Bodies over the dialect's own size limit get its 413.
 */
class BodiesInFlightTest {
    private static final int MAX_BODY = 64 * 1024;
    private static final int IN_FLIGHT = 128 * 1024;
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
    private static final Duration HOLD_WAIT = Duration.ofSeconds(30);

    /** Answers 200 with the size of the body it was given. */
    private static final class SizeDialect implements Dialect {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public BodyLimits bodyLimits() {
            return new BodyLimits(MAX_BODY, IN_FLIGHT);
        }

        @Override
        public WireResponse handle(WireRequest request) {
            return WireResponse.text(200, "got " + request.body().length);
        }

        @Override
        public WireResponse protocolError(int status, String reason) {
            return WireResponse.text(status, "error " + status);
        }
    }

    private final List<Socket> sockets = new ArrayList<>();
    private HttpListener listener;

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        listener.close();
    }

    private String base() {
        return "http://127.0.0.1:" + listener.port();
    }

    private Socket connected() throws Exception {
        var socket = RawHttp.connect(base());
        sockets.add(socket);
        return socket;
    }

    private static String head(int contentLength) {
        return "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: " + contentLength
                + "\r\n\r\n";
    }

    private RawHttp.Answer smallPost() throws Exception {
        return RawHttp.exchange(connected(), head(10) + "0123456789", ANSWER_WAIT);
    }

    @Test
    void overTheBudgetARequestIsRefusedAtOnceAndTheBudgetComesBack() throws Exception {
        listener = new HttpListener(new SizeDialect(), "127.0.0.1", 0);
        listener.start();
        // Two clients each send all but one byte of the largest body and stop: the budget is full
        // once the listener has read what they sent.
        var holders = new ArrayList<Socket>();
        for (int i = 0; i < 2; i++) {
            var holder = connected();
            RawHttp.send(holder, head(MAX_BODY) + "x".repeat(MAX_BODY - 1));
            holders.add(holder);
        }
        long deadline = System.nanoTime() + HOLD_WAIT.toNanos();
        while (listener.bodyBytesHeld() < IN_FLIGHT && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(listener.bodyBytesHeld()).as("body bytes held by two unfinished bodies").isEqualTo(IN_FLIGHT);
        assertThat(smallPost().status()).as("a small body while the budget is full").isEqualTo(503);

        // One holder finishes its body and is answered; the other goes away. Both give their share back.
        RawHttp.send(holders.get(0), "x");
        assertThat(RawHttp.read(holders.get(0), ANSWER_WAIT).body()).isEqualTo("got " + MAX_BODY);
        holders.get(1).close();
        deadline = System.nanoTime() + HOLD_WAIT.toNanos();
        while (listener.bodyBytesHeld() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(listener.bodyBytesHeld()).as("body bytes held once both bodies are done").isZero();
        assertThat(smallPost().body()).isEqualTo("got 10");
        for (int i = 0; i < 2; i++) {
            assertThat(RawHttp.exchange(connected(), head(MAX_BODY) + "y".repeat(MAX_BODY), ANSWER_WAIT).body())
                    .isEqualTo("got " + MAX_BODY);
        }
    }

    @Test
    void aBodyOverTheDialectsLimitIsItsTooLargeError() throws Exception {
        listener = new HttpListener(new SizeDialect(), "127.0.0.1", 0);
        listener.start();
        assertThat(RawHttp.exchange(connected(), head(MAX_BODY + 1) + "z".repeat(MAX_BODY + 1), ANSWER_WAIT)
                .status()).isEqualTo(413);
        String chunk = Integer.toHexString(MAX_BODY + 1) + "\r\n" + "z".repeat(MAX_BODY + 1) + "\r\n0\r\n\r\n";
        assertThat(RawHttp.exchange(connected(), "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk, ANSWER_WAIT).status()).isEqualTo(413);
        // The refused bodies' share of the budget comes back once their exchanges are done, which
        // may be a moment after their answers were read.
        long deadline = System.nanoTime() + HOLD_WAIT.toNanos();
        while (listener.bodyBytesHeld() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        var answer = RawHttp.exchange(connected(), head(MAX_BODY) + "z".repeat(MAX_BODY), ANSWER_WAIT);
        assertThat(answer.body()).isEqualTo("got " + MAX_BODY);
    }
}
