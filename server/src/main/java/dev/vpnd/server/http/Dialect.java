package dev.vpnd.server.http;

/**
 * One cloud's wire API on its own listener. A dialect turns every request, good or bad, into a
 * response in its own format; the HTTP adapter never answers on its own.
 */
public interface Dialect {

    /** The name used in start-up lines and {@code endpoints.json}, such as {@code aliyun}. */
    String name();

    WireResponse handle(WireRequest request);

    /**
     * Whether answering the request only reads stored state: no write, no wait on anything but the
     * store. It decides where the request runs (see {@link ReadDispatch}): a write judged a read
     * would hold up the other connections of an I/O thread while it waits for the writer and a disk
     * flush, so a dialect finds the action exactly where handling it does. A request it cannot
     * judge cheaply is not one.
     */
    default boolean onlyReads(WireRequest request) {
        return false;
    }

    /** How large a body the dialect takes, and how many bytes of bodies its listener holds at once. */
    default BodyLimits bodyLimits() {
        return BodyLimits.DEFAULT;
    }

    /**
     * Answers a request the HTTP layer rejected before the dialect could see it (a malformed
     * request line, a body too large), in the dialect's error format.
     */
    WireResponse protocolError(int status, String reason);
}
