package dev.vpnd.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.Callback;

/**
 * The bytes of a response. Either an array the dialect built, or bytes a dialect wrote into buffers
 * lent from a pool ({@link #written}): those go to the socket as they are and return to the pool once
 * sent, so the hottest answers (a page of connections, some 13 KB) leave no garbage behind and are
 * not copied into an array, then into the kernel's buffer through a direct one.
 */
public sealed interface ResponseBody {

    /** Writes a body into the stream it is given; the stream's bytes are the body. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    int length();

    /** The bytes as an array (a copy for a pooled body): for tests and logs, not for sending. */
    byte[] toByteArray();

    /** Sends the body as the whole content of {@code sink}, then completes {@code callback}. */
    void send(Content.Sink sink, Callback callback);

    static ResponseBody of(byte[] bytes) {
        return new Bytes(bytes);
    }

    /**
     * The bytes {@code writer} writes, in pooled buffers. A body that is never sent (a test that only
     * reads it) is left to the collector, which the pool tolerates.
     */
    static ResponseBody written(Writer writer) throws IOException {
        var buffer = new RetainableByteBuffer.DynamicCapacity(Pooled.POOL, true, Pooled.MAX_BYTES,
                Pooled.AGGREGATION_BYTES);
        try {
            writer.writeTo(new Pooled.Appender(buffer));
            return new Pooled(buffer);
        } catch (IOException | RuntimeException | Error e) {
            buffer.release();
            throw e;
        }
    }

    record Bytes(byte[] bytes) implements ResponseBody {
        @Override
        public int length() {
            return bytes.length;
        }

        @Override
        public byte[] toByteArray() {
            return bytes;
        }

        @Override
        public void send(Content.Sink sink, Callback callback) {
            sink.write(true, ByteBuffer.wrap(bytes), callback);
        }
    }

    final class Pooled implements ResponseBody {
        /** One pool for every listener: bodies are written before the dialect knows its listener. */
        private static final ByteBufferPool POOL = new ArrayByteBufferPool();
        /** A page of ten connections fits one buffer; larger bodies take several. */
        private static final int AGGREGATION_BYTES = 16 * 1024;
        private static final long MAX_BYTES = 64L * 1024 * 1024;

        private final RetainableByteBuffer buffer;

        private Pooled(RetainableByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public int length() {
            return buffer.remaining();
        }

        @Override
        public byte[] toByteArray() {
            var bytes = new byte[buffer.remaining()];
            buffer.copy().get(bytes, 0, bytes.length);
            return bytes;
        }

        @Override
        public void send(Content.Sink sink, Callback callback) {
            buffer.writeTo(sink, true, Callback.from(() -> {
                buffer.release();
                callback.succeeded();
            }, failure -> {
                buffer.release();
                callback.failed(failure);
            }));
        }

        private static final class Appender extends OutputStream {
            private final RetainableByteBuffer.Mutable buffer;

            Appender(RetainableByteBuffer.Mutable buffer) {
                this.buffer = buffer;
            }

            @Override
            public void write(int b) {
                buffer.put((byte) b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                buffer.put(bytes, offset, length);
            }
        }
    }
}
