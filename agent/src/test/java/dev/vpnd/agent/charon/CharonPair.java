package dev.vpnd.agent.charon;

import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.agent.vici.ViciSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Two real charons, each in a network namespace of its own, joined by a veth pair: the gateway
 * ({@value Plans#GATEWAY}, subnet {@value Plans#GATEWAY_SUBNET}) and the peer ({@value Plans#PEER},
 * subnet {@value Plans#PEER_SUBNET}); the subnets are addresses on each namespace's loopback. Nothing
 * is added to the host's own namespace.
 *
 * <p>Each charon is {@code charon-systemd} with a strongswan.conf of its own ({@code STRONGSWAN_CONF}),
 * its VICI socket and log in the pair's state directory. The kernel of the machines this runs on has no
 * XFRM ESP, so ESP runs in charon's userspace ({@code kernel-libipsec}, a TUN device and ESP in UDP
 * 4500); it must be loaded before {@code kernel-netlink}, which then only handles addresses and
 * routes. Aggressive-mode PSK is allowed, and the half-open-SA limits are raised because every IKE SA
 * comes from one address (docs/vici.md, "Testing against a real charon").
 *
 * <p>Namespaces and state directories carry the JVM's pid, so concurrent test runs do not collide, and
 * a run that was killed leaves nothing that the next one does not remove: {@link #start} first
 * deletes every pair whose JVM is gone, stopping the charons still running in its namespaces.
 */
public final class CharonPair implements AutoCloseable {
    private static final String CHARON = "/usr/sbin/charon-systemd";
    private static final String PREFIX = "vpnd-swan-";
    private static final Pattern OURS = Pattern.compile(PREFIX + "(\\d+)-(\\d+)(?:-(gw|peer))?");
    private static final Path STATE = Path.of(System.getProperty("java.io.tmpdir"), "vpnd-swan");
    private static final AtomicInteger PAIRS = new AtomicInteger();
    private static final long PID = ProcessHandle.current().pid();
    private static final String PLUGINS = "random nonce drbg openssl pem pkcs1 pkcs8 x509 revocation constraints "
            + "pubkey kdf aes sha1 sha2 md5 hmac gmp gcm kernel-libipsec kernel-netlink socket-default vici updown "
            + "counters";

    /** One side: its namespace, outer and inner address, state directory and charon. */
    public record Side(String role, String namespace, String outer, String inner, Path dir, Process charon) {
        public Path vici() {
            return dir.resolve("charon.vici");
        }

        public Path log() {
            return dir.resolve("charon.log");
        }
    }

    private final String id;
    private final Path dir;
    private final List<Side> sides = new ArrayList<>();
    private final Thread shutdownHook;

    private CharonPair(String id) {
        this.id = id;
        this.dir = STATE.resolve(id);
        this.shutdownHook = new Thread(this::close, "charon-pair-teardown " + id);
    }

    /** Installs strongSwan if need be (or skips), removes leftovers of killed runs, and starts both charons. */
    public static CharonPair start() {
        StrongSwan.require();
        removeLeftovers();
        var pair = new CharonPair(PID + "-" + PAIRS.incrementAndGet());
        Runtime.getRuntime().addShutdownHook(pair.shutdownHook);
        try {
            pair.build();
            return pair;
        } catch (RuntimeException | IOException e) {
            String logs = pair.logs();
            pair.close();
            StrongSwan.unavailable("could not start two charons in network namespaces: " + e.getMessage() + "\n"
                    + logs);
            throw new AssertionError("unreachable");
        }
    }

    public Side gateway() {
        return sides.get(0);
    }

    public Side peer() {
        return sides.get(1);
    }

    private void build() throws IOException {
        Files.createDirectories(dir);
        String gw = PREFIX + id + "-gw";
        String peer = PREFIX + id + "-peer";
        for (String namespace : List.of(gw, peer)) {
            Commands.check(List.of("ip", "netns", "add", namespace));
            Commands.check(List.of("ip", "-n", namespace, "link", "set", "lo", "up"));
        }
        // Made inside the gateway's namespace with its peer end straight in the other: the host's
        // namespace never sees either end, so fixed names cannot collide with another run's.
        Commands.check(List.of("ip", "-n", gw, "link", "add", "veth-gw", "type", "veth", "peer", "name", "veth-peer",
                "netns", peer));
        configure(gw, "veth-gw", Plans.GATEWAY, "10.1.0.1/24");
        configure(peer, "veth-peer", Plans.PEER, "10.2.0.1/24");
        sides.add(startCharon("gw", gw, Plans.GATEWAY, "10.1.0.1"));
        sides.add(startCharon("peer", peer, Plans.PEER, "10.2.0.1"));
        for (Side side : sides) {
            awaitVici(side);
        }
    }

    private static void configure(String namespace, String veth, String outer, String inner) {
        Commands.check(List.of("ip", "-n", namespace, "addr", "add", outer + "/24", "dev", veth));
        Commands.check(List.of("ip", "-n", namespace, "link", "set", veth, "up"));
        // No dummy interfaces in these kernels: the "subnet" lives on loopback.
        Commands.check(List.of("ip", "-n", namespace, "addr", "add", inner, "dev", "lo"));
    }

    private Side startCharon(String role, String namespace, String outer, String inner) throws IOException {
        Path sideDir = Files.createDirectories(dir.resolve(role));
        Path conf = sideDir.resolve("strongswan.conf");
        Files.writeString(conf, strongswanConf(sideDir), StandardCharsets.UTF_8);
        // ip netns exec execs env, which execs charon: the process is charon itself.
        Process charon = new ProcessBuilder("ip", "netns", "exec", namespace, "env", "STRONGSWAN_CONF=" + conf, CHARON)
                .redirectErrorStream(true).redirectOutput(sideDir.resolve("charon.stdout").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        return new Side(role, namespace, outer, inner, sideDir, charon);
    }

    private static String strongswanConf(Path sideDir) {
        return """
                charon {
                    load_modular = no
                    load = %s
                    install_virtual_ip = no
                    retransmit_tries = 3
                    retransmit_timeout = 2.0
                    i_dont_care_about_security_and_use_aggressive_mode_psk = yes
                    cookie_threshold = 10000
                    cookie_threshold_ip = 5000
                    block_threshold = 10000
                    plugins {
                        vici {
                            socket = unix://%s
                        }
                    }
                }
                charon-systemd {
                    journal {
                        default = -1
                    }
                    filelog {
                        main {
                            path = %s
                            time_format = %%b %%e %%T
                            ike_name = yes
                            append = yes
                            flush_line = yes
                            default = 1
                        }
                    }
                }
                """.formatted(PLUGINS, sideDir.resolve("charon.vici"), sideDir.resolve("charon.log"));
    }

    private static void awaitVici(Side side) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!side.charon().isAlive()) {
                throw new IllegalStateException("charon (" + side.role() + ") exited " + side.charon().exitValue());
            }
            if (Files.exists(side.vici())) {
                try (var session = ViciSession.open(side.vici(), Duration.ofSeconds(2))) {
                    session.command("version", ViciMessage.EMPTY);
                    return;
                } catch (IOException e) {
                    last = e;
                }
            }
            sleep(50);
        }
        throw new IllegalStateException("charon (" + side.role() + ") did not answer on " + side.vici()
                + (last == null ? "" : ": " + last.getMessage()));
    }

    /** Stops {@code side}'s charon and starts it again, with nothing loaded: charon keeps VICI's config in memory. */
    public synchronized Side restart(Side side) throws IOException {
        stop(side.charon().toHandle());
        Files.deleteIfExists(side.vici());
        Side again = startCharon(side.role(), side.namespace(), side.outer(), side.inner());
        sides.set(sides.indexOf(side), again);
        awaitVici(again);
        return again;
    }

    /** A command session on {@code side}'s charon. */
    public ViciSession session(Side side) throws IOException {
        return ViciSession.open(side.vici(), Duration.ofSeconds(20));
    }

    /** Whether {@code from} reaches {@code to} with {@code count} pings from its inner address. */
    public boolean ping(Side from, String to, int count) {
        return Commands.run(List.of("ip", "netns", "exec", from.namespace(), "ping", "-n", "-q", "-c",
                Integer.toString(count), "-i", "0.2", "-W", "1", "-I", from.inner(), to), Duration.ofSeconds(15))
                .ok();
    }

    /** The last lines of both charons' logs, for a failure message. */
    public String logs() {
        var text = new StringBuilder();
        for (Side side : sides) {
            try {
                List<String> lines = Files.readAllLines(side.log(), StandardCharsets.UTF_8);
                text.append("--- charon ").append(side.role()).append(" (").append(side.log()).append(")\n");
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(line -> text.append(line).append('\n'));
            } catch (IOException e) {
                text.append("--- charon ").append(side.role()).append(": no log\n");
            }
        }
        return text.toString();
    }

    /** Stops both charons and removes the namespaces (with the veth pair and TUN devices) and state. */
    @Override
    public synchronized void close() {
        for (Side side : sides) {
            stop(side.charon().toHandle());
        }
        remove(id);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
    }

    private static void remove(String pairId) {
        for (String role : List.of("gw", "peer")) {
            String namespace = PREFIX + pairId + "-" + role;
            if (!namespaces().contains(namespace)) {
                continue;
            }
            // whatever still runs in our namespace was started by a run of this harness
            String pids = Commands.run(List.of("ip", "netns", "pids", namespace), Duration.ofSeconds(10)).output();
            for (String pid : pids.strip().split("\\s+", -1)) {
                if (!pid.isEmpty()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(CharonPair::stop);
                }
            }
            Commands.run(List.of("ip", "netns", "del", namespace), Duration.ofSeconds(10));
        }
        deleteTree(STATE.resolve(pairId));
    }

    private static void stop(ProcessHandle process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /** Removes every pair whose JVM is no longer running. */
    private static void removeLeftovers() {
        var ids = new java.util.TreeSet<String>();
        for (String namespace : namespaces()) {
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
                remove(pairId);
            }
        }
    }

    /** Whether {@code pid} is a running JVM (this one or a concurrent test run). */
    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(process -> process.info().command())
                .map(command -> command.endsWith("/java")).orElse(false);
    }

    private static List<String> namespaces() {
        String list = Commands.run(List.of("ip", "netns", "list"), Duration.ofSeconds(10)).output();
        return list.lines().map(line -> line.split(" ", -1)[0]).filter(name -> !name.isEmpty()).toList();
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
