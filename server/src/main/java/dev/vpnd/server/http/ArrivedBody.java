package dev.vpnd.server.http;

import org.eclipse.jetty.io.Content;

/**
 * Takes the part of a request body that has already arrived, without waiting: a small body usually
 * comes in the same packets as the head, so the I/O thread that parsed the head can have all of it
 * and answer a read in place ({@link ReadDispatch#IO_THREAD}). Whatever did not arrive yet is read
 * later on a virtual thread, after the bytes taken here.
 */
final class ArrivedBody {
    private ArrivedBody() {
    }

    /**
     * What {@link #take} found: the bytes copied into the body, and the failure that ended the
     * content early (as reading it through a stream would have thrown it), or null.
     */
    record Taken(int filled, Throwable failure) {
    }

    /**
     * Copies the chunks {@code request} has ready into {@code body}, from its start, until it is
     * full, a chunk is not there yet, a chunk is a failure, or the content ends.
     */
    static Taken take(Content.Source request, byte[] body) {
        int filled = 0;
        while (filled < body.length) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                break;
            }
            if (Content.Chunk.isFailure(chunk)) {
                return new Taken(filled, chunk.getFailure());
            }
            boolean last = chunk.isLast();
            int count = Math.min(chunk.remaining(), body.length - filled);
            chunk.get(body, filled, count);
            filled += count;
            boolean whole = !chunk.hasRemaining();
            chunk.release();
            if (last || !whole) {
                // Content past the declared length is the parser's to refuse, on the later read.
                break;
            }
        }
        return new Taken(filled, null);
    }
}
