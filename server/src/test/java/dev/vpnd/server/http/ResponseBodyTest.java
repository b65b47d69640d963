package dev.vpnd.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class ResponseBodyTest {

    /** Collects what a body sends, as the response would. */
    private static final class CapturingSink implements Content.Sink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean last;

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            var chunk = new byte[content.remaining()];
            content.get(chunk);
            bytes.writeBytes(chunk);
            this.last |= last;
            callback.succeeded();
        }
    }

    @Test
    void aWrittenBodySpanningSeveralPooledBuffersSendsEveryByteInOrder() throws IOException {
        var expected = new byte[100_000];
        new Random(7).nextBytes(expected);
        ResponseBody body = ResponseBody.written(out -> {
            out.write(expected[0]);
            out.write(expected, 1, 40_000);
            out.write(expected, 40_001, expected.length - 40_001);
        });

        assertThat(body.length()).isEqualTo(expected.length);
        assertThat(body.toByteArray()).isEqualTo(expected);
        var sink = new CapturingSink();
        var sent = new AtomicBoolean();
        body.send(sink, Callback.from(() -> sent.set(true)));
        assertThat(sink.bytes.toByteArray()).isEqualTo(expected);
        assertThat(sink.last).isTrue();
        assertThat(sent).isTrue();
    }

    @Test
    void aWriterThatFailsLeavesNoBodyAndItsErrorReachesTheCaller() {
        assertThatThrownBy(() -> ResponseBody.written(out -> {
            out.write(new byte[20_000]);
            throw new IOException("generator failed");
        })).isInstanceOf(IOException.class).hasMessage("generator failed");
    }

    @Test
    void anArrayBodyIsSentAsItIs() {
        var body = ResponseBody.of(new byte[] {1, 2, 3});
        var sink = new CapturingSink();
        body.send(sink, Callback.NOOP);
        assertThat(body.length()).isEqualTo(3);
        assertThat(sink.bytes.toByteArray()).containsExactly(1, 2, 3);
        assertThat(sink.last).isTrue();
    }
}
