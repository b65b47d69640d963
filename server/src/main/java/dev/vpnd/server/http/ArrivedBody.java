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
     * Copies the chunks {@code request} has ready into {@code body}, from its start, until it is full,
     * a chunk is not there yet, a failure (which the later read meets again: the source keeps it) or
     * the end of the content; returns the number of bytes copied.
     */
    static int take(Content.Source request, byte[] body) {
        int filled = 0;
        while (filled < body.length) {
            Content.Chunk chunk = request.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                break;
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
        return filled;
    }
}
