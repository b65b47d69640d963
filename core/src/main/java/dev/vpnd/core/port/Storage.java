package dev.vpnd.core.port;

import java.util.function.Function;

/**
 * Durable storage. {@link #write} runs its work in one transaction that is committed before it
 * returns, so a success answer built from its result is never lost; a {@code RuntimeException} out
 * of the work rolls the whole transaction back, so no request leaves a half-written record.
 */
public interface Storage extends AutoCloseable {

    <T> T write(Function<Stores, T> work);

    /** Runs read-only work on one consistent snapshot, so a page and its total count agree. */
    <T> T read(Function<Stores, T> work);

    @Override
    void close();
}
