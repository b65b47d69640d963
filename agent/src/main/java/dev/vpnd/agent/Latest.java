package dev.vpnd.agent;

/**
 * A slot holding the newest of a series of values until a consumer takes it: a value put while an
 * older one waits replaces it, since only the newest matters (a report, say, supersedes the ones
 * before it). Thread-safe.
 */
final class Latest<T> {
    private T value;

    synchronized void put(T newer) {
        value = newer;
        notifyAll();
    }

    /** Waits for a value, and empties the slot. */
    synchronized T take() throws InterruptedException {
        while (value == null) {
            wait();
        }
        T taken = value;
        value = null;
        return taken;
    }

    /** Puts back a value that could not be used, unless a newer one came meanwhile. */
    synchronized void restore(T taken) {
        if (value == null) {
            value = taken;
            notifyAll();
        }
    }
}
