package dev.vpnd.core.memory;

import dev.vpnd.core.port.Storage;
import dev.vpnd.core.port.Stores;
import java.util.function.Function;

/**
 * Core's storage ports in memory, for testing the services without a database. A write works on a
 * copy of the committed state and commits by putting the copy in its place, so work that throws
 * leaves nothing behind, as a rolled-back transaction does; writes run one at a time. A read sees
 * the last committed state, which nothing changes any more, and may not write.
 */
public final class MemoryStorage implements Storage {
    private volatile MemoryState committed = new MemoryState().committed();
    private volatile boolean closed;

    @Override
    public synchronized <T> T write(Function<Stores, T> work) {
        checkOpen();
        var draft = committed.copy();
        T result = work.apply(new MemoryStores(draft));
        committed = draft.committed();
        return result;
    }

    @Override
    public <T> T read(Function<Stores, T> work) {
        checkOpen();
        return work.apply(new MemoryStores(committed));
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("storage closed");
        }
    }
}
