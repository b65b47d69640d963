package dev.vpnd.server.http;

/**
 * Where a listener runs the requests its dialect says only read ({@link Dialect#onlyReads}) and
 * that carry no body, or a small one that arrived whole with the head (a signed RPC read sent as a
 * POST); every other request runs on a virtual thread of its own.
 */
public enum ReadDispatch {
    /**
     * On the I/O thread that parsed the request, one per processor: no hand-off to another thread, no
     * wake-up of the selector to watch the connection again. Only where a read waits on no network
     * and no other server (SQLite: file reads, mostly from the page cache, and in-process caches): a
     * read that waited on a network would hold up the other connections of its I/O thread meanwhile.
     */
    IO_THREAD,
    /** On a virtual thread of their own, as every other request (PostgreSQL). */
    VIRTUAL_THREAD
}
