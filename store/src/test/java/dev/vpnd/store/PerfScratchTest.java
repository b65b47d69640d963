package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.SCOPE;

import dev.vpnd.core.port.ConnectionStore;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.model.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerfScratchTest extends StoreTestBase {
    @Test
    void hundredThousand() {
        long t0 = System.nanoTime();
        for (int batch = 0; batch < 10; batch++) {
            int b = batch;
            storage.write((Stores s) -> {
                for (int i = 0; i < 10_000; i++) {
                    int n = b * 10_000 + i;
                    var c = n % 10 == 0 ? Fixtures.dualTunnel(SCOPE, "gw-" + (n % 1000), "cgw-" + (n % 1000), "cgw-x" + (n % 7))
                            : Fixtures.connection(SCOPE, "gw-" + (n % 1000), "cgw-" + (n % 1000));
                    s.connections().insert(c, "");
                    if (n % 100 == 0) s.tags().put(SCOPE, ResourceType.VPN_CONNECTION, c.id(), List.of(new Tag("env", "p" + (n % 3))));
                }
                return null;
            });
        }
        System.out.printf("insert %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        time("list gw page", () -> storage.read((Stores s) -> s.connections().list(SCOPE, new ConnectionStore.Filter("gw-7", null, null, List.of()), new PageRequest(0, 20))).total());
        time("list all page", () -> storage.read((Stores s) -> s.connections().list(SCOPE, new ConnectionStore.Filter(null, null, null, List.of()), new PageRequest(0, 50))).total());
        time("list all deep", () -> storage.read((Stores s) -> s.connections().list(SCOPE, new ConnectionStore.Filter(null, null, null, List.of()), new PageRequest(90_000, 50))).items().size());
        time("list tag", () -> storage.read((Stores s) -> s.connections().list(SCOPE, new ConnectionStore.Filter(null, null, null, List.of(new TagFilter("env", "p1"))), new PageRequest(0, 50))).total());
        time("list gw+cgw", () -> storage.read((Stores s) -> s.connections().list(SCOPE, new ConnectionStore.Filter("gw-7", "cgw-7", null, List.of()), new PageRequest(0, 0))).total());
        time("countOnGateway", () -> storage.read((Stores s) -> s.connections().countOnGateway(SCOPE, "gw-7")));
        time("countOnCgw", () -> storage.read((Stores s) -> s.connections().countOnCustomerGateway(SCOPE, "cgw-7")));
        time("countOnCgw tunnel", () -> storage.read((Stores s) -> s.connections().countOnCustomerGateway(SCOPE, "cgw-x3")));
        time("tag list", () -> storage.read((Stores s) -> s.tags().list(SCOPE, ResourceType.VPN_CONNECTION, List.of(), List.of(new TagFilter("env", "p1")), 0, 50)).size());
    }

    private static void time(String what, java.util.function.Supplier<Object> run) {
        run.get();
        long t0 = System.nanoTime();
        Object r = null;
        for (int i = 0; i < 10; i++) r = run.get();
        System.out.printf("%-20s %8.2f ms  -> %s%n", what, (System.nanoTime() - t0) / 1e7, r);
    }
}
