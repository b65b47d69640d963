package dev.vpnd.bench;

import dev.vpnd.agent.vici.ViciEntry;
import dev.vpnd.agent.vici.ViciEventListener;
import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.agent.vici.ViciSession;
import dev.vpnd.agent.vici.ViciSubscription;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's charon as the data-plane benchmark sees it, beside the agent and independent of it,
 * each observation stamped with {@link System#nanoTime} when this process read it: when each
 * connection first shows in {@code get-conns} (polled every {@code poll}), and each up/down event of an
 * SA ({@code ike-updown}, {@code child-updown}, on a subscription of its own).
 */
final class CharonWatch implements AutoCloseable {
    private static final Duration VICI_TIMEOUT = Duration.ofSeconds(10);

    /** An SA of connection {@code tunnel} came up or went down at {@code at}. */
    record Event(String kind, String tunnel, boolean up, long at) {
    }

    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final ViciSession session;
    private final ViciSubscription subscription;
    private final Thread poller;
    private final Duration poll;
    private volatile String failure;

    private CharonWatch(Path vici, Duration poll) throws IOException {
        this.poll = poll;
        this.session = ViciSession.open(vici, VICI_TIMEOUT);
        this.subscription = ViciSubscription.open(vici, List.of("ike-updown", "child-updown"),
                new ViciEventListener() {
                    @Override
                    public void onEvent(String event, ViciMessage message) {
                        long at = System.nanoTime();
                        boolean up = message.string("up").map("yes"::equals).orElse(false);
                        for (ViciEntry.Section sa : message.sections()) {
                            events.add(new Event(event, sa.name(), up, at));
                        }
                    }

                    @Override
                    public void onFailure(IOException cause) {
                        failure = "charon's events: " + cause.getMessage();
                    }
                }, VICI_TIMEOUT);
        this.poller = Thread.ofPlatform().daemon().name("bench-get-conns").start(this::pollConnections);
    }

    /** Watches the charon at {@code vici}, listing its connections every {@code poll}. */
    static CharonWatch open(Path vici, Duration poll) throws IOException {
        return new CharonWatch(vici, poll);
    }

    private void pollConnections() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<String> conns = session.command("get-conns", ViciMessage.EMPTY).strings("conns");
                long at = System.nanoTime();
                for (String conn : conns) {
                    firstSeen.putIfAbsent(conn, at);
                }
                Thread.sleep(poll);
            }
        } catch (IOException e) {
            failure = "get-conns: " + e.getMessage();
        } catch (InterruptedException e) {
            // closing
        }
    }

    /** When {@code tunnel} was first listed, if it was. */
    Optional<Long> firstSeen(String tunnel) {
        return Optional.ofNullable(firstSeen.get(tunnel));
    }

    /** Forgets the events so far: the next {@link #await} sees only newer ones. */
    void clearEvents() {
        events.clear();
    }

    /**
     * The first event from now on of {@code kind} ({@code null}: either) that says {@code tunnel}'s SA
     * is {@code up} (or down); others are dropped. Empty after {@code within}.
     */
    Optional<Event> await(String tunnel, String kind, boolean up, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                return Optional.empty();
            }
            if (event.tunnel().equals(tunnel) && event.up() == up && (kind == null || kind.equals(event.kind()))) {
                return Optional.of(event);
            }
        }
    }

    /** What failed, if watching did. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        poller.interrupt();
        try {
            poller.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscription.close();
        session.close();
    }
}
