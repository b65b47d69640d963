package dev.vpnd.server.agent;

import dev.vpnd.core.port.Storage;
import dev.vpnd.core.port.Stores;
import java.util.function.Function;

/**
 * Tells a listener after every write transaction this process commits, so plan waits on this node
 * look at once whether a plan moved on instead of at their next periodic look. Writes that failed
 * tell nothing; reads never do.
 */
public final class SignallingStorage implements Storage {
    private final Storage storage;
    private volatile Runnable onCommit = () -> { };

    public SignallingStorage(Storage storage) {
        this.storage = storage;
    }

    /** Runs {@code listener} after each committed write from now on; it must be quick and never throw. */
    public void onCommit(Runnable listener) {
        this.onCommit = listener;
    }

    @Override
    public <T> T write(Function<Stores, T> work) {
        T result = storage.write(work);
        onCommit.run();
        return result;
    }

    @Override
    public <T> T writeWithoutTransaction(Function<Stores, T> work) {
        T result = storage.writeWithoutTransaction(work);
        onCommit.run();
        return result;
    }

    @Override
    public <T> T read(Function<Stores, T> work) {
        return storage.read(work);
    }

    @Override
    public void close() {
        storage.close();
    }
}
