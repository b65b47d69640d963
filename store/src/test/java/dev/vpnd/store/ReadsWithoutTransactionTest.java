package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.SCOPE;
import static dev.vpnd.store.Fixtures.tag;
import static dev.vpnd.store.Fixtures.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a read first runs without a transaction ({@link JdbcStorage#read}): work of one
 * statement (and checked ones) runs once, work of more statements runs again in one transaction
 * and still sees one snapshot; on SQLite every read is one transaction and runs once.
 */
class ReadsWithoutTransactionTest extends StoreTestBase {
    private static final VpcStore.Filter ALL = VpcStore.Filter.any();

    private <T> int runs(Function<Stores, T> work, List<T> results) {
        var runs = new AtomicInteger();
        results.add(storage.read(s -> {
            runs.incrementAndGet();
            return work.apply(s);
        }));
        return runs.get();
    }

    private Vpc stored(String name) {
        Vpc vpc = vpc(SCOPE, name, tag("env", name));
        storage.write(s -> {
            s.vpcs().insert(vpc, "");
            s.tags().put(SCOPE, ResourceType.VPC, vpc.id(), vpc.tags());
            return null;
        });
        return vpc;
    }

    @Test
    void aLookupByIdIsOneStatementWithItsTags() {
        Vpc vpc = stored("one");
        var results = new ArrayList<Optional<Vpc>>();
        assertThat(runs(s -> s.vpcs().find(SCOPE, vpc.id()), results)).isEqualTo(1);
        assertThat(results.getFirst()).get().extracting(Vpc::tags).isEqualTo(List.of(tag("env", "one")));
    }

    @Test
    void aPageIsReadOnceWhetherItsRecordsAreKeptOrNot() {
        stored("a");
        stored("b");
        var results = new ArrayList<List<Vpc>>();
        for (int round = 0; round < 2; round++) {
            assertThat(runs(s -> s.vpcs().list(SCOPE, ALL, new PageRequest(0, 10)).items(), results))
                    .as("round %d", round).isEqualTo(1);
        }
        assertThat(results).allSatisfy(page -> assertThat(page).extracting(Vpc::name).containsExactly("b", "a"));
        assertThat(results.getFirst().getFirst().tags()).containsExactly(tag("env", "b"));
    }

    @Test
    void workOfSeveralStatementsRunsAgainInOneTransaction() {
        Vpc a = stored("a");
        Vpc b = stored("b");
        var results = new ArrayList<List<String>>();
        int runs = runs(s -> List.of(s.vpcs().find(SCOPE, a.id()).orElseThrow().name(),
                s.vpcs().find(SCOPE, b.id()).orElseThrow().name()), results);
        assertThat(results.getFirst()).containsExactly("a", "b");
        assertThat(runs).isEqualTo(TestDatabase.postgres() ? 2 : 1);
    }

    @Test
    void aReadCannotWriteEvenWithItsFirstStatement() {
        Vpc vpc = stored("kept");
        assertThatThrownBy(() -> storage.read(s -> {
            s.tags().put(SCOPE, ResourceType.VPC, vpc.id(), List.of(tag("written", "by a read")));
            return null;
        })).isInstanceOf(StorageException.class);
        Optional<Vpc> found = storage.read(s -> s.vpcs().find(SCOPE, vpc.id()));
        assertThat(found).get().extracting(Vpc::tags).isEqualTo(List.of(tag("env", "kept")));
    }

    @Test
    void aWriteWithoutTransactionIsCommittedWhenItReturns() {
        Vpc vpc = vpc(SCOPE, "alone");
        storage.writeWithoutTransaction(s -> {
            s.vpcs().insert(vpc, "");
            return null;
        });
        Optional<Vpc> found = storage.read(s -> s.vpcs().find(SCOPE, vpc.id()));
        assertThat(found).get().extracting(Vpc::name).isEqualTo("alone");
    }
}
