package dev.vpnd.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which thread answers: reads without a body on the I/O thread where allowed, everything else on a virtual one. */
class ReadDispatchTest {
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

    @Test
    void aRequestWithABodyIsReadOnAVirtualThreadEvenWhenItOnlyReads() throws Exception {
        var listener = started(ReadDispatch.IO_THREAD);
        assertThat(answer(listener, "/read", "a=1&b=2")).isEqualTo("virtual a=1&b=2");
        assertThat(answer(listener, "/write", "c=3")).isEqualTo("virtual c=3");
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
