package dev.vpnd.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which thread answers: reads without a body, or with a small one that came with the head, on the
 * I/O thread where allowed; everything else on a virtual one.
 */
class ReadDispatchTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Says "/read" only reads; answers with the kind of thread it ran on and the body it was given. */
    private static final class ThreadReportingDialect implements Dialect {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public boolean onlyReads(WireRequest request) {
            return request.path().equals("/read");
        }

        @Override
        public WireResponse handle(WireRequest request) {
            if (request.path().equals("/broken")) {
                throw new AssertionError("not an exception: the dialect's own catch does not see it");
            }
            String thread = Thread.currentThread().isVirtual() ? "virtual" : "platform";
            return WireResponse.text(200, thread + " " + new String(request.body(), StandardCharsets.UTF_8));
        }

        @Override
        public WireResponse protocolError(int status, String reason) {
            return WireResponse.text(status, "error " + status);
        }
    }

    private final List<HttpListener> listeners = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        client.close();
        for (HttpListener listener : listeners) {
            listener.close();
        }
    }

    private HttpListener started(ReadDispatch dispatch) throws Exception {
        var listener = new HttpListener(new ThreadReportingDialect(), "127.0.0.1", 0, dispatch);
        listeners.add(listener);
        listener.start();
        return listener;
    }

    private String answer(HttpListener listener, String path, String body) throws Exception {
        var uri = URI.create("http://127.0.0.1:" + listener.port() + path);
        var request = body == null ? HttpRequest.newBuilder(uri).GET().build()
                : HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aReadWithoutBodyIsAnsweredOnTheIoThreadWhereReadsStayLocal() throws Exception {
        var listener = started(ReadDispatch.IO_THREAD);
        assertThat(answer(listener, "/read", null)).isEqualTo("platform ");
        assertThat(answer(listener, "/write", null)).isEqualTo("virtual ");
    }

    /** A POST whose head and body leave in one write, so they arrive together. */
    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Test
    void aReadWhoseSmallBodyArrivedWithItsHeadIsAnsweredOnTheIoThread() throws Exception {
        var listener = started(ReadDispatch.IO_THREAD);
        try (Socket socket = RawHttp.connect("http://127.0.0.1:" + listener.port())) {
            assertThat(RawHttp.exchange(socket, post("/read", "a=1&b=2"), WAIT).body())
                    .isEqualTo("platform a=1&b=2");
            assertThat(RawHttp.exchange(socket, post("/write", "c=3"), WAIT).body()).isEqualTo("virtual c=3");
        }
    }

    @Test
    void aBodyStillArrivingIsReadOnAVirtualThreadAfterWhatCameWithTheHead() throws Exception {
        var listener = started(ReadDispatch.IO_THREAD);
        String request = post("/read", "first=1&second=2");
        try (Socket socket = RawHttp.connect("http://127.0.0.1:" + listener.port())) {
            int split = request.length() - "second=2".length();
            RawHttp.send(socket, request.substring(0, split));
            Thread.sleep(300);
            assertThat(RawHttp.exchange(socket, request.substring(split), WAIT).body())
                    .isEqualTo("virtual first=1&second=2");
            // The connection goes on serving: the next read arrives whole.
            assertThat(RawHttp.exchange(socket, post("/read", "x=1"), WAIT).body()).isEqualTo("platform x=1");
        }
    }

    @Test
    void aBodyLargerThanAFewKilobytesIsReadOnAVirtualThread() throws Exception {
        var listener = started(ReadDispatch.IO_THREAD);
        String body = "a=" + "x".repeat(20_000);
        assertThat(answer(listener, "/read", body)).isEqualTo("virtual " + body);
    }

    @Test
    void whatEscapesAHandedOffRequestIsAnsweredNotLeftHanging() throws Exception {
        var listener = started(ReadDispatch.IO_THREAD);
        var uri = URI.create("http://127.0.0.1:" + listener.port() + "/broken");
        var response = client.send(HttpRequest.newBuilder(uri).timeout(java.time.Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("error 500");
    }

    @Test
    void everythingRunsOnVirtualThreadsOtherwise() throws Exception {
        var listener = started(ReadDispatch.VIRTUAL_THREAD);
        assertThat(answer(listener, "/read", null)).isEqualTo("virtual ");
        assertThat(answer(listener, "/write", null)).isEqualTo("virtual ");
    }
}
