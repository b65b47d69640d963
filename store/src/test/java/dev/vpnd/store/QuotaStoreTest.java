package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.NOW;
import static dev.vpnd.store.Fixtures.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.port.VpcStore;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuotaStoreTest extends StoreTestBase {
    /** A thread per writer: the common pool may have a single one, which would run them in turn. */
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @BeforeEach
    void accounts() {
        storage.write((Stores s) -> {
            s.accounts().insert(new Account(SCOPE.accountId(), "one", NOW));
            s.accounts().insert(new Account("acct-2", "two", NOW));
            return null;
        });
    }

    @Test
    void limitsAreSetPerAccountAndKind() {
        assertThat(storage.read((Stores s) -> s.quotas().find(SCOPE.accountId(), QuotaKind.VPC))).isEmpty();
        storage.write((Stores s) -> {
            s.quotas().put(SCOPE.accountId(), QuotaKind.VPC, 3);
            s.quotas().put(SCOPE.accountId(), QuotaKind.VPN_CONNECTION, 0);
            s.quotas().put("acct-2", QuotaKind.VPC, 7);
            return null;
        });
        storage.write((Stores s) -> {
            s.quotas().put(SCOPE.accountId(), QuotaKind.VPC, 4);
            return null;
        });
        assertThat(storage.read((Stores s) -> s.quotas().find(SCOPE.accountId(), QuotaKind.VPC)))
                .isEqualTo(OptionalLong.of(4));
        assertThat(storage.read((Stores s) -> s.quotas().find(SCOPE.accountId(), QuotaKind.VPN_GATEWAY))).isEmpty();
        assertThat(storage.read((Stores s) -> s.quotas().findAll(SCOPE.accountId())))
                .isEqualTo(Map.of(QuotaKind.VPC, 4L, QuotaKind.VPN_CONNECTION, 0L));
        assertThat(storage.read((Stores s) -> s.quotas().findAll("acct-2"))).isEqualTo(Map.of(QuotaKind.VPC, 7L));
    }

    /**
     * Two writers lock the same counted scope: the second counts only once the first has committed,
     * so it sees the first's insert. (On PostgreSQL, READ COMMITTED, without the lock it would count
     * while the first is still uncommitted and miss it.)
     */
    @Test
    void aCountTakenUnderTheLockHoldsUntilCommit() throws Exception {
        var firstCounted = new CountDownLatch(1);
        var secondStarted = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> storage.write((Stores s) -> {
            s.quotas().lock(SCOPE.accountId(), QuotaKind.VPC, SCOPE.region());
            long before = vpcs(s);
            firstCounted.countDown();
            await(secondStarted);
            sleep();
            s.vpcs().insert(Fixtures.vpc(SCOPE, "first"), "");
            return before;
        }), writers);
        assertThat(firstCounted.await(10, TimeUnit.SECONDS)).isTrue();
        var second = CompletableFuture.supplyAsync(() -> {
            secondStarted.countDown();
            return storage.write((Stores s) -> {
                s.quotas().lock(SCOPE.accountId(), QuotaKind.VPC, SCOPE.region());
                return vpcs(s);
            });
        }, writers);
        assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    }

    /** Other scopes take no turns: a lock of one region does not hold a writer of another back. */
    @Test
    void locksOfOtherScopesDoNotWait() throws Exception {
        var firstLocked = new CountDownLatch(1);
        var secondDone = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> storage.write((Stores s) -> {
            s.quotas().lock(SCOPE.accountId(), QuotaKind.VPC, "cn-hangzhou");
            firstLocked.countDown();
            return waited(secondDone);
        }), writers);
        assertThat(firstLocked.await(10, TimeUnit.SECONDS)).isTrue();
        if (TestDatabase.postgres()) {
            // SQLite's one writer runs write transactions one at a time whatever they lock.
            storage.write((Stores s) -> {
                s.quotas().lock(SCOPE.accountId(), QuotaKind.VPC, "cn-shanghai");
                s.quotas().lock("acct-2", QuotaKind.VPC, "cn-hangzhou");
                s.quotas().lock(SCOPE.accountId(), QuotaKind.VPN_GATEWAY, "cn-hangzhou");
                return null;
            });
        }
        secondDone.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    }

    private static long vpcs(Stores s) {
        return s.vpcs().list(SCOPE, VpcStore.Filter.any(), new PageRequest(0, 0)).total();
    }

    private static void await(CountDownLatch latch) {
        if (!waited(latch)) {
            throw new IllegalStateException("the other writer never started");
        }
    }

    private static boolean waited(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Long enough for the second writer to have counted, had nothing held it back. */
    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
