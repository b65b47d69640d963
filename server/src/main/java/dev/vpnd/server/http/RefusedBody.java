package dev.vpnd.server.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * What is left of a body vpnd refused as too large. A client that writes its whole body before it
 * reads (most HTTP clients do) would see a reset instead of the answer if the connection closed
 * under it, so after answering vpnd reads and drops the rest: at most {@link #MOST_BYTES} within
 * {@link #MOST_NANOS}, after which the connection closes anyway. A client that asked to be told
 * first ({@code Expect: 100-continue}) has sent nothing and needs no drain.
 */
final class RefusedBody {
    /** Enough for a client that overshot the largest body a dialect takes by a few times. */
    static final long MOST_BYTES = 32L * 1024 * 1024;
    static final long MOST_NANOS = TimeUnit.SECONDS.toNanos(5);

    private RefusedBody() {
    }

    /** Whether the client waits for a go-ahead before it sends the body. */
    static boolean unsent(Request request) {
        return request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
    }

    /**
     * Reads and drops the rest of the body within the bounds; returns whether all of it was read
     * (the connection may then serve another request).
     */
    static boolean drain(Request request) throws InterruptedException {
        long deadline = System.nanoTime() + MOST_NANOS;
        long dropped = 0;
        while (dropped <= MOST_BYTES) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !arrives(request, left)) {
                    return false;
                }
                continue;
            }
            if (Content.Chunk.isFailure(chunk)) {
                return false;
            }
            dropped += chunk.remaining();
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                return true;
            }
        }
        return false;
    }

    private static boolean arrives(Request request, long nanos) throws InterruptedException {
        var ready = new CompletableFuture<Void>();
        request.demand(() -> ready.complete(null));
        try {
            ready.get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
