package dev.vpnd.agent.charon;

import dev.vpnd.agent.lab.LabLayout;
import dev.vpnd.agent.lab.LabNetwork;
import dev.vpnd.agent.vici.ViciSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Two real charons for the tests: a {@link LabNetwork} of the test run's own, the gateway side
 * ({@value Plans#GATEWAY}) and the peer, the lab's customer side ({@value Plans#PEER}).
 *
 * <p>Namespaces and state directories carry the JVM's pid, so concurrent test runs do not collide, and
 * a run that was killed leaves nothing that the next one does not remove: {@link #start} first takes
 * down every pair whose JVM is gone. The pair is taken down after the class, also on failure and from
 * a shutdown hook.
 */
public final class CharonPair implements AutoCloseable {
    private static final String PREFIX = "vpnd-swan-";
    private static final Pattern OURS = Pattern.compile(PREFIX + "(\\d+)-(\\d+)(?:-(gw|peer))?");
    private static final Path STATE = Path.of(System.getProperty("java.io.tmpdir"), "vpnd-swan");
    private static final AtomicInteger PAIRS = new AtomicInteger();
    private static final long PID = ProcessHandle.current().pid();

    private final LabNetwork network;
    private final Thread shutdownHook;

    private CharonPair(String id) {
        this.network = LabNetwork.of(layout(id));
        this.shutdownHook = new Thread(this::close, "charon-pair-teardown " + id);
    }

    /** The layout of the pair {@code id} ({@code <jvm pid>-<n>}). */
    private static LabLayout layout(String id) {
        return new LabLayout(PREFIX + id + "-gw", PREFIX + id + "-peer", STATE.resolve(id));
    }

    /** Installs strongSwan if need be (or skips), removes leftovers of killed runs, and starts both charons. */
    public static CharonPair start() {
        StrongSwan.require();
        removeLeftovers();
        var pair = new CharonPair(PID + "-" + PAIRS.incrementAndGet());
        Runtime.getRuntime().addShutdownHook(pair.shutdownHook);
        try {
            pair.network.up();
            return pair;
        } catch (RuntimeException | IOException e) {
            String logs = pair.logs();
            pair.close();
            StrongSwan.unavailable("could not start two charons in network namespaces: " + e.getMessage() + "\n"
                    + logs);
            throw new AssertionError("unreachable");
        }
    }

    /**
     * A layout of the test run's own for a lab that a test builds itself, taken down with the leftovers of
     * killed runs like a pair's; after {@link StrongSwan#require}.
     */
    public static LabLayout freshLayout() {
        StrongSwan.require();
        removeLeftovers();
        return layout(PID + "-" + PAIRS.incrementAndGet());
    }

    public LabNetwork network() {
        return network;
    }

    public LabNetwork.Side gateway() {
        return network.gateway();
    }

    public LabNetwork.Side peer() {
        return network.customer();
    }

    /** Stops {@code side}'s charon and starts it again, with nothing loaded: charon keeps VICI's config in memory. */
    public LabNetwork.Side restart(LabNetwork.Side side) throws IOException {
        network.restartCharon(side, false);
        return side;
    }

    /** Kills {@code side}'s charon (SIGKILL: no goodbye to its peer) and starts it again, empty. */
    public LabNetwork.Side killAndRestart(LabNetwork.Side side) throws IOException {
        network.restartCharon(side, true);
        return side;
    }

    /** A command session on {@code side}'s charon. */
    public ViciSession session(LabNetwork.Side side) throws IOException {
        return ViciSession.open(side.vici(), Duration.ofSeconds(20));
    }

    /** Whether {@code from} reaches {@code to} with {@code count} pings from its inner address. */
    public boolean ping(LabNetwork.Side from, String to, int count) {
        return network.ping(from, to, count);
    }

    /** The last lines of both charons' logs, for a failure message. */
    public String logs() {
        return network.logs();
    }

    /** Stops both charons and removes the namespaces (with the veth pair and TUN devices) and state. */
    @Override
    public synchronized void close() {
        network.down();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
    }

    /** Takes down every pair whose JVM is no longer running. */
    private static void removeLeftovers() {
        var ids = new TreeSet<String>();
        for (String namespace : LabNetwork.namespaces()) {
            Matcher matcher = OURS.matcher(namespace);
            if (matcher.matches()) {
                ids.add(matcher.group(1) + "-" + matcher.group(2));
            }
        }
        if (Files.isDirectory(STATE)) {
            try (Stream<Path> dirs = Files.list(STATE)) {
                dirs.map(path -> path.getFileName().toString()).filter(name -> name.matches("\\d+-\\d+"))
                        .forEach(ids::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String pairId : ids) {
            long pid = Long.parseLong(pairId.substring(0, pairId.indexOf('-')));
            if (!alive(pid)) {
                System.err.println("charon pair " + pairId + " was left behind by a run that is gone: removing it");
                LabNetwork.of(layout(pairId)).down();
            }
        }
    }

    /** Whether {@code pid} is a running JVM (this one or a concurrent test run). */
    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(process -> process.info().command())
                .map(command -> command.endsWith("/java")).orElse(false);
    }
}
