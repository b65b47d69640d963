package dev.vpnd.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.Semaphore;

/**
 * The bytes of request bodies one listener holds ({@link BodyLimits#maxBytesInFlight}). A body takes
 * its share as its buffer grows, so a client that declares a large body and sends little holds
 * little, and gives it back once its request is answered.
 */
final class BodyBudget {
    private static final int FIRST_BUFFER_BYTES = 16 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final int maxBytesInFlight;
    private final Semaphore bytes;

    BodyBudget(int maxBytesInFlight) {
        this.maxBytesInFlight = maxBytesInFlight;
        this.bytes = new Semaphore(maxBytesInFlight);
    }

    /** The bytes bodies hold now. */
    int held() {
        return maxBytesInFlight - bytes.availablePermits();
    }

    /** What reading a body came to. */
    sealed interface Outcome {
        // The body is handed over, not copied: an outcome is matched once and never compared.
        @SuppressWarnings("ArrayRecordComponent")
        record Read(byte[] body) implements Outcome {
        }

        record TooLarge() implements Outcome {
        }

        record OverBudget() implements Outcome {
        }
    }

    /** One request's share, given back on {@link #close}. */
    final class Share implements AutoCloseable {
        private int held;

        /**
         * Reads the body from {@code in}: {@code declaredLength} bytes, or to its end when it is
         * chunked ({@code declaredLength} negative), at most {@code maxBodyBytes}.
         */
        Outcome read(InputStream in, long declaredLength, int maxBodyBytes) throws IOException {
            return read(in, declaredLength, maxBodyBytes, EMPTY, 0);
        }

        /**
         * Reserves a whole body of {@code length} bytes at once, for {@link #readRest}; false when the
         * listener holds too many bytes of bodies for it.
         */
        boolean reserve(int length) {
            return take(length);
        }

        /**
         * Reads the rest of a body of {@code body.length} declared bytes ({@link #reserve}d), whose
         * first {@code filled} bytes are in {@code body} already.
         */
        Outcome readRest(InputStream in, byte[] body, int filled, int maxBodyBytes) throws IOException {
            return read(in, body.length, maxBodyBytes, body, filled);
        }

        private Outcome read(InputStream in, long declaredLength, int maxBodyBytes, byte[] start, int filled)
                throws IOException {
            long most = declaredLength >= 0 ? declaredLength : maxBodyBytes + 1L;
            byte[] buffer = start;
            int n = filled;
            while (n < most) {
                if (n == buffer.length) {
                    int size = (int) Math.min(most, Math.max(FIRST_BUFFER_BYTES, 2L * buffer.length));
                    if (!take(size - buffer.length)) {
                        return new Outcome.OverBudget();
                    }
                    buffer = Arrays.copyOf(buffer, size);
                }
                int got = in.read(buffer, n, buffer.length - n);
                if (got < 0) {
                    break;
                }
                n += got;
            }
            if (n > maxBodyBytes) {
                return new Outcome.TooLarge();
            }
            return new Outcome.Read(n == buffer.length ? buffer : Arrays.copyOf(buffer, n));
        }

        private boolean take(int count) {
            if (!bytes.tryAcquire(count)) {
                return false;
            }
            held += count;
            return true;
        }

        @Override
        public void close() {
            bytes.release(held);
            held = 0;
        }
    }

    Share share() {
        return new Share();
    }
}
