package dev.vpnd.core.port;

import java.util.function.Function;

/**
 * Durable storage. {@link #write} runs its work in one transaction that is committed before it
 * returns, so a success answer built from its result is never lost; a {@code RuntimeException} out
 * of the work rolls the whole transaction back, so no request leaves a half-written record.
 */
public interface Storage extends AutoCloseable {

    <T> T write(Function<Stores, T> work);

    /**
     * Runs write work whose statements each commit as they run, with no transaction around them:
     * for one self-contained statement (remembering a signature nonce), where a transaction's
     * begin and commit would cost more than the statement. Once it returns what it wrote is
     * committed; nothing of it is atomic beyond a single statement. By default, {@link #write}.
     */
    default <T> T writeWithoutTransaction(Function<Stores, T> work) {
        return write(work);
    }

    /** Runs read-only work on one consistent snapshot, so a page and its total count agree. */
    <T> T read(Function<Stores, T> work);

    @Override
    void close();
}
