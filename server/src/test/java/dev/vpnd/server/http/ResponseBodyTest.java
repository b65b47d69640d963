package dev.vpnd.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Written bodies go through the listener's pooled buffers whole, or not at all. */
class ResponseBodyTest {
    private static final byte[] LARGE = new byte[100_000];

    static {
        new Random(7).nextBytes(LARGE);
    }

    /** Answers "/large" with a body written in pieces over several buffers, "/failing" with a writer that fails. */
    private static final class WritingDialect implements Dialect {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public WireResponse handle(WireRequest request) {
            if (request.path().equals("/failing")) {
                return WireResponse.of(200, "application/octet-stream", ResponseBody.written(out -> {
                    out.write(new byte[20_000]);
                    throw new IOException("the generator failed half way");
                }));
            }
            return WireResponse.of(200, "application/octet-stream", ResponseBody.written(out -> {
                out.write(LARGE[0]);
                out.write(LARGE, 1, 40_000);
                out.write(LARGE, 40_001, LARGE.length - 40_001);
            }));
        }

        @Override
        public WireResponse protocolError(int status, String reason) {
            return WireResponse.of(status, "text/plain", ResponseBody.written(
                    out -> out.write(("error " + status).getBytes(StandardCharsets.UTF_8))));
        }
    }

    private final HttpListener listener = new HttpListener(new WritingDialect(), "127.0.0.1", 0);
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        client.close();
        listener.close();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aBodyWrittenOverSeveralBuffersArrivesWholeWithItsLength() throws Exception {
        listener.start();
        for (int i = 0; i < 3; i++) {
            var response = get("/large");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-length")).hasValue(String.valueOf(LARGE.length));
            assertThat(response.body()).isEqualTo(LARGE);
        }
    }

    @Test
    void aWriterThatFailsGetsTheDialectsInternalErrorNotHalfABody() throws Exception {
        listener.start();
        var response = get("/failing");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("error 500");
        assertThat(get("/large").body()).isEqualTo(LARGE);
    }

    @Test
    void aWrittenBodyCanBeReadAsAnArray() {
        var body = ResponseBody.written(out -> out.write(new byte[] {1, 2, 3}));
        assertThat(body.toByteArray()).containsExactly(1, 2, 3);
        assertThat(ResponseBody.of(new byte[] {4}).toByteArray()).containsExactly(4);
    }
}
