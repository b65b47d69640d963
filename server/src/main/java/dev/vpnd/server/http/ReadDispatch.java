package dev.vpnd.server.http;

/**
 * Where a listener runs the requests its dialect says only read ({@link Dialect#onlyReads}) and
 * that carry no body; every other request runs on a virtual thread of its own.
 */
public enum ReadDispatch {
    /**
     * On the I/O thread that parsed the request, one per processor: no hand-off to another thread, no
     * wake-up of the selector to watch the connection again. Only where reads wait on nothing
     * outside the process (SQLite's files and caches): a read that waited on a network would hold up
     * every connection of its I/O thread meanwhile.
     */
    IO_THREAD,
    /** On a virtual thread of their own, as every other request (PostgreSQL). */
    VIRTUAL_THREAD
}
