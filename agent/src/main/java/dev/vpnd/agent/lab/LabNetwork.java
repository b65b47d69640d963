package dev.vpnd.agent.lab;

import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.agent.vici.ViciSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Two network namespaces joined by a veth pair, each with a charon of its own: the VPN gateway
 * ({@value #GATEWAY_ADDRESS}, subnet {@value #GATEWAY_SUBNET}) and the customer's device
 * ({@value #CUSTOMER_ADDRESS}, subnet {@value #CUSTOMER_SUBNET}). The customer's device has a second
 * public address, {@value #CUSTOMER_SECOND_ADDRESS}, so that the two tunnels of a dual-tunnel
 * connection, each to a customer gateway of its own, end on it too. The subnets are an address on each
 * namespace's loopback (these kernels have no dummy interfaces). Nothing is added to the host's own
 * namespace. Needs root, {@code ip} and strongSwan's {@code charon-systemd} with the plugins below.
 *
 * <p>Each charon is {@code charon-systemd} with a strongswan.conf of its own ({@code STRONGSWAN_CONF}),
 * its VICI socket and log in the side's state directory, started in a session of its own
 * ({@code setsid}), so that a Ctrl-C meant for vpnd does not stop it. The kernels this runs on have XFRM
 * but no ESP, so ESP runs in charon's userspace ({@code kernel-libipsec}: a TUN device and ESP in UDP
 * 4500); it is loaded before {@code kernel-netlink}, which then only handles addresses and routes.
 * Aggressive-mode PSK is allowed, and the half-open-SA limits are raised because every IKE SA comes
 * from one address (docs/agent.md, "The lab").
 *
 * <p>{@link #up} builds what is missing and keeps what is there: a charon that answers on its socket
 * keeps running, with its tunnels; one that does not is replaced. {@link #down} removes everything,
 * also what a killed run left, and is idempotent. Both find the lab by its {@link LabLayout}'s names
 * alone, so they work from any process.
 */
public final class LabNetwork {
    public static final String GATEWAY_ADDRESS = "198.51.100.1";
    public static final String CUSTOMER_ADDRESS = "198.51.100.2";
    public static final String CUSTOMER_SECOND_ADDRESS = "198.51.100.3";
    /** Every public address of the customer's device. */
    public static final List<String> CUSTOMER_ADDRESSES = List.of(CUSTOMER_ADDRESS, CUSTOMER_SECOND_ADDRESS);
    public static final String GATEWAY_SUBNET = "10.1.0.0/24";
    public static final String CUSTOMER_SUBNET = "10.2.0.0/24";
    public static final String GATEWAY_HOST = "10.1.0.1";
    public static final String CUSTOMER_HOST = "10.2.0.1";
    private static final String PREFIX = "/24";
    /** The customer device's addresses beyond its first run from here up: 198.51.100.10, .11, ... */
    private static final int MORE_CUSTOMERS_FROM = 10;
    /** The most customer gateways one lab plays: its first address, then .10 to .254. */
    public static final int MAX_CUSTOMER_ADDRESSES = 1 + 254 - MORE_CUSTOMERS_FROM + 1;
    private static final String CHARON = "/usr/sbin/charon-systemd";
    private static final String PLUGINS = "random nonce drbg openssl pem pkcs1 pkcs8 x509 revocation constraints "
            + "pubkey kdf aes sha1 sha2 md5 hmac gmp gcm kernel-libipsec kernel-netlink socket-default vici updown "
            + "counters";
    private static final List<String> NEEDED_PLUGINS = List.of("vici", "openssl", "kernel-libipsec", "kernel-netlink");
    private static final Path PLUGIN_DIR = Path.of("/usr/lib/ipsec/plugins");
    private static final Duration COMMAND = Duration.ofSeconds(30);
    private static final Duration VICI_WAIT = Duration.ofSeconds(10);

    /** Which side: its directory and veth end are named after it. */
    public enum Role {
        GATEWAY("gw"), CUSTOMER("cgw");

        private final String tag;

        Role(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    /** One side: its namespace, outer (veth) and inner (subnet) address, and state directory. */
    public record Side(Role role, String namespace, String outer, String inner, Path dir) {
        public Path vici() {
            return dir.resolve("charon.vici");
        }

        public URI viciUri() {
            return URI.create("unix://" + vici());
        }

        public Path log() {
            return dir.resolve("charon.log");
        }

        Path conf() {
            return dir.resolve("strongswan.conf");
        }

        String veth() {
            return "veth-" + role.tag();
        }
    }

    private final LabLayout layout;
    private final Side gateway;
    private final Side customer;

    private LabNetwork(LabLayout layout) {
        this.layout = layout;
        this.gateway = new Side(Role.GATEWAY, layout.gatewayNamespace(), GATEWAY_ADDRESS, GATEWAY_HOST,
                layout.stateDir().resolve(Role.GATEWAY.tag()));
        this.customer = new Side(Role.CUSTOMER, layout.customerNamespace(), CUSTOMER_ADDRESS, CUSTOMER_HOST,
                layout.stateDir().resolve(Role.CUSTOMER.tag()));
    }

    /** The lab of {@code layout}, as it would be: nothing is built or checked. */
    public static LabNetwork of(LabLayout layout) {
        return new LabNetwork(layout);
    }

    public LabLayout layout() {
        return layout;
    }

    public Side gateway() {
        return gateway;
    }

    public Side customer() {
        return customer;
    }

    /**
     * Builds whatever of the lab is missing, and waits until both charons answer on their sockets. An
     * {@link IOException} says what is missing on this machine or what failed.
     */
    public LabNetwork up() throws IOException {
        checkPrerequisites();
        for (Side side : List.of(gateway, customer)) {
            if (!namespaces().contains(side.namespace())) {
                check(List.of("ip", "netns", "add", side.namespace()));
            }
            check(List.of("ip", "-n", side.namespace(), "link", "set", "lo", "up"));
        }
        if (!Commands.run(List.of("ip", "-n", gateway.namespace(), "link", "show", gateway.veth()), COMMAND).ok()) {
            // a veth pair goes as a whole, but a stray end of an older layout may be in the way
            Commands.run(List.of("ip", "-n", customer.namespace(), "link", "del", customer.veth()), COMMAND);
            // made inside the gateway's namespace with its other end straight in the customer's: the
            // host's namespace never sees either end, so the fixed names collide with nothing there
            check(List.of("ip", "-n", gateway.namespace(), "link", "add", gateway.veth(), "type", "veth", "peer",
                    "name", customer.veth(), "netns", customer.namespace()));
        }
        for (Side side : List.of(gateway, customer)) {
            check(List.of("ip", "-n", side.namespace(), "addr", "replace", side.outer() + PREFIX, "dev", side.veth()));
            check(List.of("ip", "-n", side.namespace(), "link", "set", side.veth(), "up"));
            check(List.of("ip", "-n", side.namespace(), "addr", "replace", side.inner() + PREFIX, "dev", "lo"));
        }
        check(List.of("ip", "-n", customer.namespace(), "addr", "replace", CUSTOMER_SECOND_ADDRESS + PREFIX, "dev",
                customer.veth()));
        for (Side side : List.of(gateway, customer)) {
            ensureCharon(side);
        }
        return this;
    }

    /**
     * The first {@code count} addresses the customer's device can have: {@value #CUSTOMER_ADDRESS}, then
     * 198.51.100.10 and up, one per customer gateway when a benchmark needs many of them (vpnd allows
     * one connection per gateway and customer gateway, and customer gateways of distinct addresses).
     */
    public static List<String> customerAddresses(int count) {
        if (count < 1 || count > MAX_CUSTOMER_ADDRESSES) {
            throw new IllegalArgumentException("a lab's customer device has 1 to " + MAX_CUSTOMER_ADDRESSES
                    + " addresses, not " + count);
        }
        var addresses = new ArrayList<String>(count);
        addresses.add(CUSTOMER_ADDRESS);
        for (int i = 1; i < count; i++) {
            addresses.add("198.51.100." + (MORE_CUSTOMERS_FROM + i - 1));
        }
        return addresses;
    }

    /**
     * The subnet behind the customer's {@code index}th address ({@link #customerAddresses}):
     * 10.2.{@code index}.0/24, the first being {@value #CUSTOMER_SUBNET}.
     */
    public static String customerSubnet(int index) {
        return "10.2." + index + ".0/24";
    }

    /**
     * Gives the customer's device {@code addresses} (from {@link #customerAddresses}) on its veth end,
     * beside its own, and the address .1 of each one's {@link #customerSubnet} on its loopback: charon
     * installs a tunnel's route with a source address from its local subnet, and fails the CHILD_SA
     * when it has none. They go with the namespace.
     */
    public void addCustomerAddresses(List<String> addresses) throws IOException {
        for (int i = 1; i < addresses.size(); i++) {
            check(List.of("ip", "-n", customer.namespace(), "addr", "replace", addresses.get(i) + PREFIX, "dev",
                    customer.veth()));
            String host = customerSubnet(i).replace(".0/24", ".1");
            check(List.of("ip", "-n", customer.namespace(), "addr", "replace", host + PREFIX, "dev", "lo"));
        }
    }

    /** Removes both namespaces (with the veth pair and TUN devices), their charons and the state directory. */
    public void down() {
        List<String> existing = namespaces();
        for (Side side : List.of(gateway, customer)) {
            if (existing.contains(side.namespace())) {
                charons(side).forEach(LabNetwork::stop);
                Commands.run(List.of("ip", "netns", "del", side.namespace()), COMMAND);
            }
            deleteTree(side.dir());
        }
        try {
            Files.deleteIfExists(layout.stateDir());
        } catch (IOException e) {
            // not empty: something of someone else's is in it, and stays
        }
    }

    /** Whether anything of the lab exists: a namespace or the state directory. */
    public boolean exists() {
        List<String> existing = namespaces();
        return existing.contains(gateway.namespace()) || existing.contains(customer.namespace())
                || Files.exists(layout.stateDir());
    }

    /**
     * Stops {@code side}'s charon, with SIGKILL when {@code kill} (no goodbye to its peer), and starts
     * it again, empty: charon keeps what VICI loaded in memory only.
     */
    public void restartCharon(Side side, boolean kill) throws IOException {
        for (ProcessHandle charon : charons(side)) {
            if (kill) {
                charon.destroyForcibly();
                charon.onExit().join();
            } else {
                stop(charon);
            }
        }
        startCharon(side);
    }

    /** Whether {@code from} reaches {@code to} with {@code count} pings sent from its subnet's address. */
    public boolean ping(Side from, String to, int count) {
        return Commands.run(List.of("ip", "netns", "exec", from.namespace(), "ping", "-n", "-q", "-c",
                Integer.toString(count), "-i", "0.2", "-W", "1", "-I", from.inner(), to), Duration.ofSeconds(15))
                .ok();
    }

    /** The last lines of both charons' logs, for a failure message. */
    public String logs() {
        var text = new StringBuilder();
        for (Side side : List.of(gateway, customer)) {
            try {
                List<String> lines = Files.readAllLines(side.log(), StandardCharsets.UTF_8);
                text.append("--- charon ").append(side.role().tag()).append(" (").append(side.log()).append(")\n");
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(line -> text.append(line).append('\n'));
            } catch (IOException e) {
                text.append("--- charon ").append(side.role().tag()).append(": no log\n");
            }
        }
        return text.toString();
    }

    // ----

    private static void checkPrerequisites() throws IOException {
        var missing = new ArrayList<String>();
        if (!"0".equals(Commands.run(List.of("id", "-u"), COMMAND).output().strip())) {
            throw new IOException("the lab needs root (network namespaces)");
        }
        if (!Files.isExecutable(Path.of(CHARON))) {
            missing.add(CHARON);
        }
        for (String plugin : NEEDED_PLUGINS) {
            if (!Files.exists(PLUGIN_DIR.resolve("libstrongswan-" + plugin + ".so"))) {
                missing.add("charon's " + plugin + " plugin");
            }
        }
        for (String command : List.of("ip", "setsid", "ping")) {
            if (!Commands.run(List.of("sh", "-c", "command -v " + command), COMMAND).ok()) {
                missing.add(command);
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException("the lab needs " + String.join(", ", missing) + ": apt-get install charon-systemd "
                    + "strongswan-swanctl libstrongswan-standard-plugins libcharon-extra-plugins iputils-ping "
                    + "iproute2 util-linux");
        }
    }

    /** Keeps a charon that answers on the side's socket with the lab's settings; starts one otherwise. */
    private void ensureCharon(Side side) throws IOException {
        Files.createDirectories(side.dir());
        String conf = strongswanConf(side);
        boolean sameConf = Files.exists(side.conf())
                && Files.readString(side.conf(), StandardCharsets.UTF_8).equals(conf);
        List<ProcessHandle> running = charons(side);
        if (sameConf && running.size() == 1 && answers(side)) {
            return;
        }
        running.forEach(LabNetwork::stop);
        Files.writeString(side.conf(), conf, StandardCharsets.UTF_8);
        startCharon(side);
    }

    private void startCharon(Side side) throws IOException {
        Files.deleteIfExists(side.vici());
        // setsid: a session of its own, out of reach of the terminal's Ctrl-C; ip netns exec execs env,
        // which execs charon, so the process started is charon itself
        Process charon = new ProcessBuilder("setsid", "ip", "netns", "exec", side.namespace(), "env",
                "STRONGSWAN_CONF=" + side.conf(), CHARON)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(side.dir().resolve("charon.stdout").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        awaitVici(side, charon);
    }

    private static String strongswanConf(Side side) {
        return """
                # written by vpnd's lab for its %s side (namespace %s)
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
                """.formatted(side.role().tag(), side.namespace(), PLUGINS, side.vici(), side.log());
    }

    private static boolean answers(Side side) {
        if (!Files.exists(side.vici())) {
            return false;
        }
        try (var session = ViciSession.open(side.vici(), Duration.ofSeconds(2))) {
            session.command("version", ViciMessage.EMPTY);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitVici(Side side, Process charon) throws IOException {
        long deadline = System.nanoTime() + VICI_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!charon.isAlive()) {
                throw new IOException("charon (" + side.role().tag() + ") exited " + charon.exitValue() + ", see "
                        + side.log() + " and " + side.dir().resolve("charon.stdout"));
            }
            if (answers(side)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for charon", e);
            }
        }
        throw new IOException("charon (" + side.role().tag() + ") did not answer on " + side.vici() + " within "
                + VICI_WAIT.toSeconds() + " s");
    }

    /** The charons running in {@code side}'s namespace (any other process there is left alone). */
    private static List<ProcessHandle> charons(Side side) {
        var result = Commands.run(List.of("ip", "netns", "pids", side.namespace()), COMMAND);
        if (!result.ok()) {
            return List.of();
        }
        var charons = new ArrayList<ProcessHandle>();
        for (String pid : result.output().strip().split("\\s+", -1)) {
            if (!pid.isEmpty() && pid.chars().allMatch(Character::isDigit)) {
                ProcessHandle.of(Long.parseLong(pid)).filter(LabNetwork::isCharon).ifPresent(charons::add);
            }
        }
        return charons;
    }

    private static boolean isCharon(ProcessHandle process) {
        Optional<String> command = process.info().command();
        return command.map(CHARON::equals).orElse(false);
    }

    private static void stop(ProcessHandle process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /** The names of the host's network namespaces. */
    public static List<String> namespaces() {
        String list = Commands.run(List.of("ip", "netns", "list"), COMMAND).output();
        return list.lines().map(line -> line.split(" ", -1)[0]).filter(name -> !name.isEmpty()).toList();
    }

    private static void check(List<String> command) throws IOException {
        Commands.Result result = Commands.run(command, COMMAND);
        if (!result.ok()) {
            throw new IOException(String.join(" ", command) + " exited " + result.exit() + ": "
                    + result.output().strip());
        }
    }

    /** Deletes a side's directory, which holds only what the lab put there. */
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
}
