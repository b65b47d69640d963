package dev.vpnd.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The bytes of a response: an array the dialect built, or a {@link Writer} that the listener runs
 * when it sends the answer, writing straight into buffers lent by the HTTP library's pool and given
 * back once the bytes are on the socket. The hottest answers (a page of connections, some 13 KB) then
 * leave no garbage behind and are not copied into an array, then again into a direct buffer.
 */
public sealed interface ResponseBody {

    /** Writes a body into the stream it is given; the stream's bytes are the body. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    static ResponseBody of(byte[] bytes) {
        return new Bytes(bytes);
    }

    /**
     * The bytes {@code writer} writes when the answer is sent. It must depend only on values that no
     * longer change; should it fail, the listener answers with the dialect's 500 instead.
     */
    static ResponseBody written(Writer writer) {
        return new Written(writer);
    }

    /** The bytes as an array (written anew for a written body): for tests and logs, not for sending. */
    byte[] toByteArray();

    // The array is handed over, not copied: a body is sent once and never compared or hashed.
    @SuppressWarnings("ArrayRecordComponent")
    record Bytes(byte[] bytes) implements ResponseBody {
        @Override
        public byte[] toByteArray() {
            return bytes;
        }
    }

    record Written(Writer writer) implements ResponseBody {
        @Override
        public byte[] toByteArray() {
            var out = new ByteArrayOutputStream();
            try {
                writer.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
