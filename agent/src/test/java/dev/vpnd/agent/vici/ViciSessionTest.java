package dev.vpnd.agent.vici;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session and the subscription against {@link FakeViciDaemon} on a temporary unix socket. */
class ViciSessionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private FakeViciDaemon daemon;
    private ViciSession session;

    @BeforeEach
    void start() throws IOException {
        daemon = new FakeViciDaemon();
        session = ViciSession.open(URI.create("unix://" + daemon.socket), TIMEOUT);
    }

    @AfterEach
    void stop() throws IOException {
        session.close();
        daemon.close();
    }

    private static ViciMessage sa(String name) {
        return ViciMessage.builder().section(name, s -> s.put("state", "ESTABLISHED")).build();
    }

    @Test
    void aPlainCommand() throws IOException {
        assertThat(session.command("version", ViciMessage.EMPTY).string("daemon")).contains("fake");
    }

    @Test
    void anUnknownCommandIsItsOwnExceptionAndTheSessionGoesOn() throws IOException {
        assertThatThrownBy(() -> session.command("no-such-command", ViciMessage.EMPTY))
                .isInstanceOf(ViciUnknownCommandException.class).hasMessageContaining("no-such-command");
        assertThat(session.isOpen()).isTrue();
        assertThat(session.command("version", ViciMessage.EMPTY).string("daemon")).contains("fake");
        assertThatThrownBy(() -> session.streamed("no-such-command", ViciMessage.EMPTY, "list-sa"))
                .isInstanceOf(ViciUnknownCommandException.class);
        assertThat(daemon.registered("list-sa")).as("unregistered after the unknown command").isZero();
        assertThat(session.command("version", ViciMessage.EMPTY).string("daemon")).contains("fake");
    }

    @Test
    void aStreamedCommandCollectsItsOwnEventsOnly() throws IOException {
        daemon.listSas.addAll(List.of(sa("a"), sa("b"), sa("c")));
        ViciSession.Streamed result = session.streamed("list-sas", ViciMessage.EMPTY, "list-sa");
        assertThat(result.response()).isEqualTo(ViciMessage.EMPTY);
        assertThat(result.events()).containsExactly(sa("a"), sa("b"), sa("c"));
        assertThat(daemon.registered("list-sa")).isZero();
        // the straggler after the response was dropped, so the next command gets its own answer
        assertThat(session.command("version", ViciMessage.EMPTY).string("daemon")).contains("fake");
        var seen = new CopyOnWriteArrayList<ViciMessage>();
        session.streamed("list-sas", ViciMessage.EMPTY, "list-sa", TIMEOUT, seen::add);
        assertThat(seen).containsExactly(sa("a"), sa("b"), sa("c"));
    }

    @Test
    void withoutRegistrationAStreamedCommandAnswersNothing() throws IOException {
        daemon.listSas.add(sa("a"));
        assertThat(session.command("list-sas", ViciMessage.EMPTY)).isEqualTo(ViciMessage.EMPTY);
    }

    @Test
    void anUnknownEventIsItsOwnException() throws IOException {
        assertThatThrownBy(() -> session.streamed("list-sas", ViciMessage.EMPTY, "no-such-event"))
                .isInstanceOf(ViciUnknownEventException.class).hasMessageContaining("no-such-event");
        assertThat(session.isOpen()).isTrue();
        assertThatThrownBy(() -> ViciSubscription.open(daemon.socket, List.of("ike-updown", "no-such-event"),
                (event, message) -> { }, TIMEOUT)).isInstanceOf(ViciUnknownEventException.class);
    }

    @Test
    void eventsComeOnTheSubscriptionWhileCommandsRunOnTheirOwnConnection() throws Exception {
        var received = new CopyOnWriteArrayList<String>();
        var allThere = new CountDownLatch(20);
        try (var subscription = ViciSubscription.open(daemon.socket, List.of("ike-updown", "child-updown"),
                (event, message) -> {
                    received.add(event + " " + message.string("n").orElseThrow());
                    allThere.countDown();
                }, TIMEOUT)) {
            assertThat(session.command("fire", ViciMessage.builder().put("count", "10").build()).string("fired"))
                    .contains("10");
            daemon.listSas.add(sa("a"));
            assertThat(session.streamed("list-sas", ViciMessage.EMPTY, "list-sa").events()).containsExactly(sa("a"));
            session.command("fire", ViciMessage.builder().put("count", "10").build());
            assertThat(allThere.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(subscription.isOpen()).isTrue();
        }
        assertThat(received).hasSize(20);
        assertThat(received.subList(0, 10)).containsExactly("ike-updown 0", "ike-updown 1", "ike-updown 2",
                "ike-updown 3", "ike-updown 4", "ike-updown 5", "ike-updown 6", "ike-updown 7", "ike-updown 8",
                "ike-updown 9");
        assertThat(daemon.awaitRegistered("ike-updown", 0, TIMEOUT)).as("closing the subscription closed its "
                + "connection; still registered: %s", daemon.registered("ike-updown")).isTrue();
    }

    @Test
    void aListenerThatThrowsMissesNoLaterEvent() throws Exception {
        var received = new CountDownLatch(3);
        try (var subscription = ViciSubscription.open(daemon.socket, List.of("ike-updown"), (event, message) -> {
            received.countDown();
            throw new IllegalStateException("listener bug");
        }, TIMEOUT)) {
            session.command("fire", ViciMessage.builder().put("count", "3").build());
            assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(subscription.isOpen()).isTrue();
        }
    }

    @Test
    void aSubscriptionReportsItsDaemonGoingAway() throws Exception {
        var failure = new CompletableFuture<IOException>();
        var subscription = ViciSubscription.open(daemon.socket, List.of("ike-updown"), new ViciEventListener() {
            @Override
            public void onEvent(String event, ViciMessage message) {
            }

            @Override
            public void onFailure(IOException cause) {
                failure.complete(cause);
            }
        }, TIMEOUT);
        daemon.close();
        assertThat(failure.get(5, TimeUnit.SECONDS)).hasMessageContaining("closed");
        assertThat(subscription.isOpen()).isFalse();
        subscription.close();
    }

    @Test
    void aReadTimesOutAndTheSessionCloses() {
        assertThatThrownBy(() -> session.command("sleep", ViciMessage.builder().put("ms", "2000").build(),
                Duration.ofMillis(200))).isInstanceOf(ViciTimeoutException.class).hasMessageContaining("timed out");
        assertThat(session.isOpen()).isFalse();
        assertThatThrownBy(() -> session.command("version", ViciMessage.EMPTY)).isInstanceOf(ViciException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void anOversizedPacketIsAFormatExceptionAndTheSessionCloses() {
        assertThatThrownBy(() -> session.command("garbage", ViciMessage.EMPTY))
                .isInstanceOf(ViciFormatException.class).hasMessageContaining("4294967295 is not 1 to 524288");
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void aHangupIsAViciException() {
        assertThatThrownBy(() -> session.command("hangup", ViciMessage.EMPTY)).isInstanceOf(ViciException.class)
                .hasMessageContaining("closed the VICI connection");
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void closingFromAnotherThreadEndsABlockedCommand() throws Exception {
        var blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return session.command("sleep", ViciMessage.builder().put("ms", "3000").build());
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(200);
        long start = System.nanoTime();
        session.close();
        assertThat(blocked.get(2, TimeUnit.SECONDS)).isInstanceOf(ViciException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aMissingSocketIsAViciException() {
        assertThatThrownBy(() -> ViciSession.open(Path.of("/nonexistent/charon.vici"), TIMEOUT))
                .isInstanceOf(ViciException.class).hasMessageContaining("/nonexistent/charon.vici");
    }

    @Test
    void socketUris() {
        assertThat(ViciSocket.path(URI.create("unix:///run/charon.vici"))).isEqualTo(Path.of("/run/charon.vici"));
        for (String bad : List.of("tcp://127.0.0.1:4502", "unix://host/run/charon.vici", "unix:charon.vici",
                "unix:///run/charon.vici?x=1", "/run/charon.vici")) {
            assertThatThrownBy(() -> ViciSocket.path(URI.create(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
