package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.OTHER_ACCOUNT;
import static dev.vpnd.store.Fixtures.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.port.Stores;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Serials are what Tencent's ids and legacy numbers show: drawn at random, unique in the table, so
 * that one tenant's numbers say nothing of how many resources the others made; lists keep the
 * insertion order all the same.
 */
class SerialTest extends StoreTestBase {

    private Vpc createVpc(dev.vpnd.core.model.Scope scope, String name) {
        return storage.write((Stores s) -> {
            var template = Fixtures.vpc(scope, name);
            var vpc = new Vpc(template.id(), s.vpcs().nextSerial(), scope, name, template.description(),
                    template.cidrBlock(), template.enableMulticast(), template.dnsServers(), template.domainName(),
                    template.lifecycle(), template.createdAt(), template.tags(), template.revision());
            s.vpcs().insert(vpc, "");
            return vpc;
        });
    }

    @Test
    void serialsAreRandomUniqueAndFoundInTheirScopeOnly() {
        var mine = new ArrayList<Vpc>();
        for (int i = 0; i < 10; i++) {
            mine.add(createVpc(SCOPE, "mine-" + i));
            createVpc(OTHER_ACCOUNT, "theirs-" + i);
        }
        List<Long> serials = mine.stream().map(Vpc::serial).toList();
        assertThat(new HashSet<>(serials)).hasSize(serials.size());
        assertThat(serials).allSatisfy(serial -> assertThat(serial).isBetween(1L, ResourceTable.SERIAL_BOUND - 1));
        int consecutive = 0;
        for (int i = 1; i < serials.size(); i++) {
            if (Math.abs(serials.get(i) - serials.get(i - 1)) <= 2) {
                consecutive++;
            }
        }
        assertThat(consecutive).as("neighbouring creations get unrelated serials: %s", serials).isZero();

        Vpc first = mine.get(0);
        assertThat(storage.read((Stores s) -> s.vpcs().findBySerial(SCOPE, first.serial()))).contains(first);
        assertThat(storage.read((Stores s) -> s.vpcs().findBySerial(OTHER_ACCOUNT, first.serial()))).isEmpty();
    }

    @Test
    void listsKeepInsertionOrderWhateverTheSerials() {
        var scope = new dev.vpnd.core.model.Scope(Fixtures.id(), SCOPE.region());
        var names = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            names.add(createVpc(scope, "order-" + i).name());
        }
        var listed = storage.read((Stores s) -> s.vpcs().list(scope, dev.vpnd.core.port.VpcStore.Filter.any(),
                new dev.vpnd.core.port.PageRequest(0, 50))).items().stream().map(Vpc::name).toList();
        assertThat(listed).containsExactlyElementsOf(names.reversed());
    }

    @Test
    void aSerialGivenOnInsertIsKept() {
        var vpc = Fixtures.vpc(SCOPE, "kept");
        storage.write((Stores s) -> {
            s.vpcs().insert(vpc, "");
            return null;
        });
        assertThat(storage.read((Stores s) -> s.vpcs().findBySerial(SCOPE, vpc.serial()))).contains(vpc);
    }
}
