package dev.vpnd.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock around sections of a microsecond or two that spins briefly before it parks: the bag lock
 * of the Hikari pools ({@link PooledConnections}). A virtual thread that parks goes to the back of
 * the scheduler's queue: under load it runs again only after every request queued meanwhile,
 * milliseconds later, while the holder let go within microseconds; and it holds its turn all the
 * while, so enough of them parked use up the turns (see {@link SqliteReadConnections}). Spinning
 * stays bounded, because a holder may itself park (a pool opening a replacement connection).
 */
final class BriefLock {
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private final ReentrantLock lock = new ReentrantLock();

    void lock() {
        if (lock.tryLock()) {
            return;
        }
        long start = System.nanoTime();
        do {
            Thread.onSpinWait();
            if (lock.tryLock()) {
                return;
            }
        } while (System.nanoTime() - start < SPIN_NANOS);
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }
}
