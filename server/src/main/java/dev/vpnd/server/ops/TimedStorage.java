package dev.vpnd.server.ops;

import dev.vpnd.core.port.Storage;
import dev.vpnd.core.port.Stores;
import java.time.Duration;
import java.util.function.Function;

/** Times every transaction of the storage it wraps; the store itself knows nothing of metrics. */
public final class TimedStorage implements Storage {
    private final Storage storage;
    private final Metrics metrics;

    public TimedStorage(Storage storage, Metrics metrics) {
        this.storage = storage;
        this.metrics = metrics;
    }

    @Override
    public <T> T write(Function<Stores, T> work) {
        return timed("write", () -> storage.write(work));
    }

    @Override
    public <T> T writeWithoutTransaction(Function<Stores, T> work) {
        return timed("write", () -> storage.writeWithoutTransaction(work));
    }

    @Override
    public <T> T read(Function<Stores, T> work) {
        return timed("read", () -> storage.read(work));
    }

    private <T> T timed(String kind, java.util.function.Supplier<T> transaction) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = transaction.get();
            outcome = "ok";
            return result;
        } finally {
            metrics.storeTransaction(kind, outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public void close() {
        storage.close();
    }
}
