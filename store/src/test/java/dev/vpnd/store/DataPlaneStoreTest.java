package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.NOW;
import static dev.vpnd.store.Fixtures.OTHER_ACCOUNT;
import static dev.vpnd.store.Fixtures.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.dataplane.AgentPresence;
import dev.vpnd.core.dataplane.AgentToken;
import dev.vpnd.core.dataplane.ConnectionRef;
import dev.vpnd.core.dataplane.GatewayRef;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.StatusTransition;
import dev.vpnd.core.dataplane.TunnelObservation;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.SiteConnectionAttributes;
import dev.vpnd.core.model.Tunnel;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnServiceAttributes;
import dev.vpnd.core.port.DataPlaneStore;
import dev.vpnd.core.port.Stores;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The data plane's tables on the test's database (SQLite, or PostgreSQL: see {@link TestDatabase}). */
class DataPlaneStoreTest extends StoreTestBase {

    private <T> T write(Function<DataPlaneStore, T> work) {
        return storage.write((Stores s) -> work.apply(s.dataPlane()));
    }

    private <T> T read(Function<DataPlaneStore, T> work) {
        return storage.read((Stores s) -> work.apply(s.dataPlane()));
    }

    private VpnGateway gateway(dev.vpnd.core.model.Scope scope) {
        var vpc = Fixtures.vpc(scope, "vpc");
        var gateway = Fixtures.gateway(scope, vpc.id());
        storage.write(s -> {
            s.vpcs().insert(vpc, "");
            s.gateways().insert(gateway, "");
            return null;
        });
        return gateway;
    }

    private VpnConnection connection(VpnConnection c) {
        storage.write(s -> {
            s.customerGateways().insert(Fixtures.customerGateway(SCOPE, "198.51.100." + Fixtures.serial() % 250), "");
            s.connections().insert(c, "");
            return null;
        });
        return c;
    }

    private static TunnelObservation observation(String connectionId, int index, String gatewayId, SaState child) {
        return new TunnelObservation(connectionId, index, gatewayId, SaState.ESTABLISHED, child, 10, 20, 1, 2,
                index == 2 ? "refused: no such proposal" : null,
                index == 0 ? null : index == 1 ? Health.UP : Health.DOWN, 7, NOW);
    }

    @Test
    void tokensKeepTheirDigestAndGatewaysInOrderAndGoWhole() {
        var a = gateway(SCOPE);
        var b = gateway(OTHER_ACCOUNT);
        var first = new AgentToken("vat-0000000000000001", "ab".repeat(32),
                List.of(new GatewayRef(OTHER_ACCOUNT, b.id()), new GatewayRef(SCOPE, a.id())), NOW);
        var second = new AgentToken("vat-0000000000000002", "cd".repeat(32), List.of(new GatewayRef(SCOPE, a.id())),
                NOW.plusSeconds(1));
        write(d -> {
            d.insertToken(second);
            d.insertToken(first);
            return null;
        });
        assertThat(read((DataPlaneStore d) -> d.findToken(first.id()))).contains(first);
        assertThat(read((DataPlaneStore d) -> d.findToken("vat-ffffffffffffffff"))).isEmpty();
        assertThat(read(DataPlaneStore::tokens)).containsExactly(first, second);
        assertThat((boolean) write((DataPlaneStore d) -> d.deleteToken(first.id()))).isTrue();
        assertThat((boolean) write((DataPlaneStore d) -> d.deleteToken(first.id()))).isFalse();
        assertThat(read(DataPlaneStore::tokens)).containsExactly(second);
        write(d -> {
            d.insertToken(first);
            return null;
        });
        assertThat(read((DataPlaneStore d) -> d.findToken(first.id()))).as("its old gateways went with it")
                .contains(first);
    }

    @Test
    void gatewaysAreFoundInWhicheverScopeTheyLive() {
        var a = gateway(OTHER_ACCOUNT);
        assertThat(read((DataPlaneStore d) -> d.locateGateway(a.id()))).contains(new GatewayRef(OTHER_ACCOUNT, a.id()));
        assertThat(read((DataPlaneStore d) -> d.locateGatewayBySerial(a.serial())))
                .contains(new GatewayRef(OTHER_ACCOUNT, a.id()));
        assertThat(read((DataPlaneStore d) -> d.locateGateway("nothing"))).isEmpty();
        assertThat(read((DataPlaneStore d) -> d.locateGatewayBySerial(-1))).isEmpty();
    }

    @Test
    void connectionsAreFoundInWhicheverScopeTheyLive() {
        var a = gateway(OTHER_ACCOUNT);
        var c = Fixtures.connection(OTHER_ACCOUNT, a.id(), "cgw");
        storage.write(s -> {
            s.connections().insert(c, "");
            return null;
        });
        assertThat(read((DataPlaneStore d) -> d.locateConnection(c.id())))
                .contains(new ConnectionRef(OTHER_ACCOUNT, c.id()));
        assertThat(read((DataPlaneStore d) -> d.locateConnectionBySerial(c.serial())))
                .contains(new ConnectionRef(OTHER_ACCOUNT, c.id()));
        assertThat(read((DataPlaneStore d) -> d.locateConnection(a.id()))).isEmpty();
        assertThat(read((DataPlaneStore d) -> d.locateConnectionBySerial(-1))).isEmpty();
    }

    @Test
    void planRevisionsComeFromOneCounterAndOnlyGrow() {
        assertThat((long) read(DataPlaneStore::latestPlanRevision)).isEqualTo(1);
        long first = write(d -> {
            long r = d.nextPlanRevision();
            d.setPlanRevision("gw-1", r);
            d.setConnectionRevision("c-1", r);
            return r;
        });
        long second = write(d -> {
            long r = d.nextPlanRevision();
            d.setPlanRevision("gw-2", r);
            d.setPlanRevision("gw-1", first - 1);
            d.setConnectionRevision("c-1", r);
            return r;
        });
        assertThat(first).isEqualTo(2);
        assertThat(second).isEqualTo(3);
        assertThat(read((DataPlaneStore d) -> d.planRevisions(List.of("gw-1", "gw-2", "gw-3"))))
                .isEqualTo(Map.of("gw-1", first, "gw-2", second));
        assertThat(read((DataPlaneStore d) -> d.connectionRevisions(List.of("c-1")))).isEqualTo(Map.of("c-1", second));
        assertThat(read((DataPlaneStore d) -> d.planRevisions(List.of()))).isEmpty();
        assertThat((long) read(DataPlaneStore::latestPlanRevision)).isEqualTo(second);
    }

    /**
     * A revision drawn later is never visible before one drawn earlier: the second drawer waits for
     * the first to commit, so an agent that saw revision n never misses a smaller one committed later.
     */
    @Test
    void aRevisionIsDrawnOnlyOnceTheOneBeforeItHasCommitted() throws Exception {
        var drawn = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var firstTx = CompletableFuture.supplyAsync(() -> write(d -> {
            long r = d.nextPlanRevision();
            drawn.countDown();
            await(release);
            return r;
        }));
        assertThat(drawn.await(10, TimeUnit.SECONDS)).isTrue();
        var secondTx = CompletableFuture.supplyAsync(() -> write(DataPlaneStore::nextPlanRevision));
        Thread.sleep(300);
        assertThat(secondTx).as("waits for the first drawer").isNotDone();
        release.countDown();
        assertThat(firstTx.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(secondTx.get(10, TimeUnit.SECONDS)).isEqualTo(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void presencesFallSilentOnceAndOnlyWhenNotHeardFrom() {
        var heard = new AgentPresence("gw-1", "vpnd-agent 0.1.0", "charon 5.9.8", NOW, null, 0, false);
        var reported = new AgentPresence("gw-2", "a", "d", NOW, NOW.plusSeconds(20), 5, false);
        write(d -> {
            d.putPresence(heard);
            d.putPresence(reported);
            return null;
        });
        assertThat(read((DataPlaneStore d) -> d.presence("gw-1"))).contains(heard);
        assertThat(read((DataPlaneStore d) -> d.presence("gw-3"))).isEmpty();
        assertThat(read((DataPlaneStore d) -> d.presences(List.of("gw-1", "gw-2", "gw-3"))))
                .isEqualTo(Map.of("gw-1", heard, "gw-2", reported));
        assertThat(read((DataPlaneStore d) -> d.presences(List.of()))).isEmpty();
        var cutoff = NOW.plusSeconds(10);
        assertThat(read((DataPlaneStore d) -> d.quietGateways(cutoff))).containsExactly("gw-1");
        assertThat((boolean) write((DataPlaneStore d) -> d.markSilent("gw-2", cutoff))).as("heard from since")
                .isFalse();
        assertThat((boolean) write((DataPlaneStore d) -> d.markSilent("gw-1", cutoff))).isTrue();
        assertThat((boolean) write((DataPlaneStore d) -> d.markSilent("gw-1", cutoff))).as("already marked").isFalse();
        assertThat(read((DataPlaneStore d) -> d.presence("gw-1")).orElseThrow().silent()).isTrue();
        assertThat(read((DataPlaneStore d) -> d.quietGateways(NOW.plusSeconds(60)))).containsExactly("gw-2");
        write(d -> {
            d.putPresence(new AgentPresence("gw-1", "a", "d", NOW, NOW.plusSeconds(90), 6, false));
            return null;
        });
        assertThat(read((DataPlaneStore d) -> d.presence("gw-1")).orElseThrow().silent()).isFalse();
        assertThat(read((DataPlaneStore d) -> d.quietGateways(NOW.plusSeconds(60)))).containsExactly("gw-2");
    }

    @Test
    void observationsAreReplacedAndListedWithTheirAgentsSilence() {
        var a = gateway(SCOPE);
        var single = connection(Fixtures.connection(SCOPE, a.id(), "cgw"));
        var dual = connection(Fixtures.dualTunnel(SCOPE, a.id(), "cgw-1", "cgw-2"));
        write(d -> {
            d.putObservation(observation(single.id(), 0, a.id(), SaState.CONNECTING));
            d.putObservation(observation(single.id(), 0, a.id(), SaState.ESTABLISHED));
            d.putObservation(observation(dual.id(), 1, a.id(), SaState.ESTABLISHED));
            d.putObservation(observation(dual.id(), 2, a.id(), SaState.ABSENT));
            d.putPresence(new AgentPresence(a.id(), "a", "d", NOW, NOW, 7, true));
            return null;
        });
        assertThat(read((DataPlaneStore d) -> d.observationsOf(single.id())))
                .containsExactly(observation(single.id(), 0, a.id(), SaState.ESTABLISHED));
        assertThat(read((DataPlaneStore d) -> d.observationsOf(dual.id()))).extracting(TunnelObservation::configError)
                .containsExactly(null, "refused: no such proposal");
        assertThat(read((DataPlaneStore d) -> d.observationsOf(dual.id()))).extracting(TunnelObservation::health)
                .as("the health check's verdict (V21)").containsExactly(Health.UP, Health.DOWN);
        assertThat(read((DataPlaneStore d) -> d.observationsOnGateway(a.id()))).hasSize(3);
        assertThat(read((DataPlaneStore d) -> d.observationsOf(List.of(single.id(), dual.id(), "gone"))))
                .extracting(TunnelObservation::tunnelIndex).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(read((DataPlaneStore d) -> d.observationsOf(List.<String>of()))).isEmpty();
        assertThat(read(DataPlaneStore::allObservations)).hasSize(3).allMatch(DataPlaneStore.Observed::silent);
    }

    @Test
    void aStatusChangeMovesTheConnectionsRevisionAndReachesItsTunnels() {
        var a = gateway(SCOPE);
        var dual = connection(Fixtures.dualTunnel(SCOPE, a.id(), "cgw-1", "cgw-2"));
        boolean set = write((DataPlaneStore d) -> d.setStatus(SCOPE, dual.id(), NegotiationStatus.IPSEC_SA_ESTABLISHED,
                Map.of(2, NegotiationStatus.IPSEC_SA_ESTABLISHED, 7, NegotiationStatus.IKE_SA_ESTABLISHED)));
        assertThat(set).isTrue();
        var stored = storage.read((Stores s) -> s.connections().find(SCOPE, dual.id())).orElseThrow();
        assertThat(stored.revision()).isEqualTo(dual.revision() + 1);
        assertThat(stored.status()).isEqualTo(NegotiationStatus.IPSEC_SA_ESTABLISHED);
        assertThat(stored.tunnels()).extracting(Tunnel::status).containsExactly(
                NegotiationStatus.IKE_SA_NOT_ESTABLISHED, NegotiationStatus.IPSEC_SA_ESTABLISHED);
        assertThat(stored.tunnels().get(1).ike().psk()).isEqualTo(dual.tunnels().get(1).ike().psk());
        assertThat((boolean) write((DataPlaneStore d) -> d.setStatus(OTHER_ACCOUNT, dual.id(),
                NegotiationStatus.IKE_SA_ESTABLISHED,
                Map.of()))).as("another account's").isFalse();
    }

    @Test
    void eachTunnelKeepsItsLatestTransitionsNewestFirst() {
        int recorded = DataPlaneStore.KEPT_TRANSITIONS + 10;
        write(d -> {
            for (int i = 0; i < recorded; i++) {
                var status = i % 2 == 0 ? NegotiationStatus.IPSEC_SA_ESTABLISHED
                        : NegotiationStatus.IKE_SA_NOT_ESTABLISHED;
                d.recordTransition(new StatusTransition("c-1", 0, status, NOW.plusSeconds(i)));
            }
            d.recordTransition(new StatusTransition("c-1", 1, NegotiationStatus.IKE_SA_ESTABLISHED, NOW));
            return null;
        });
        var kept = read((DataPlaneStore d) -> d.transitionsOf("c-1"));
        assertThat(kept).hasSize(DataPlaneStore.KEPT_TRANSITIONS + 1);
        assertThat(kept.getFirst()).isEqualTo(new StatusTransition("c-1", 0, NegotiationStatus.IKE_SA_NOT_ESTABLISHED,
                NOW.plusSeconds(recorded - 1)));
        assertThat(kept).filteredOn(t -> t.tunnelIndex() == 0).last()
                .isEqualTo(new StatusTransition("c-1", 0, NegotiationStatus.IPSEC_SA_ESTABLISHED, NOW.plusSeconds(10)));
    }

    @Test
    void deletingAConnectionTakesWhatTheDataPlaneKeptOfIt() {
        var a = gateway(SCOPE);
        var c = connection(Fixtures.connection(SCOPE, a.id(), "cgw"));
        write(d -> {
            d.putObservation(observation(c.id(), 0, a.id(), SaState.ESTABLISHED));
            d.recordTransition(new StatusTransition(c.id(), 0, NegotiationStatus.IPSEC_SA_ESTABLISHED, NOW));
            d.setConnectionRevision(c.id(), 5);
            return null;
        });
        storage.write(s -> s.connections().delete(SCOPE, c.id()));
        assertThat(read((DataPlaneStore d) -> d.observationsOf(c.id()))).isEmpty();
        assertThat(read((DataPlaneStore d) -> d.transitionsOf(c.id()))).isEmpty();
        assertThat(read((DataPlaneStore d) -> d.connectionRevisions(List.of(c.id())))).isEmpty();
    }

    @Test
    void siteSettingsAreThoseOfConnectionsMadeThroughOpenStack() {
        var a = gateway(SCOPE);
        var plain = connection(Fixtures.connection(SCOPE, a.id(), "cgw"));
        var site = connection(Fixtures.connection(SCOPE, a.id(), "cgw"));
        storage.write(s -> {
            s.accounts().insert(new Account(SCOPE.accountId(), "acme", NOW));
            s.openStack().putSiteConnectionAttributes(new SiteConnectionAttributes(site.id(), "", "198.51.100.9",
                    "198.51.100.9", 1400, 15, null, null, null, null, false));
            return null;
        });
        assertThat(read((DataPlaneStore d) -> d.siteSettings(List.of(plain.id(), site.id()))))
                .isEqualTo(Map.of(site.id(), new DataPlaneStore.SiteSettings(15, false)));
        assertThat(read((DataPlaneStore d) -> d.siteSettings(List.of()))).isEmpty();
    }

    @Test
    void aGatewayIsAdministrativelyUpUnlessItsVpnServiceIsSwitchedOff() {
        var a = gateway(SCOPE);
        var b = gateway(SCOPE);
        assertThat((boolean) read((DataPlaneStore d) -> d.gatewayAdminStateUp(a.id()))).as("no service row").isTrue();
        storage.write(s -> {
            s.accounts().insert(new Account(SCOPE.accountId(), "acme", NOW));
            s.openStack().putVpnServiceAttributes(new VpnServiceAttributes(a.id(), null, null, null, false));
            s.openStack().putVpnServiceAttributes(new VpnServiceAttributes(b.id(), null, null, null, true));
            return null;
        });
        assertThat((boolean) read((DataPlaneStore d) -> d.gatewayAdminStateUp(a.id()))).isFalse();
        assertThat((boolean) read((DataPlaneStore d) -> d.gatewayAdminStateUp(b.id()))).isTrue();
    }
}
