package dev.vpnd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import dev.vpnd.agent.lab.Lab;
import dev.vpnd.agent.lab.LabLayout;
import dev.vpnd.agent.lab.LabNetwork;
import dev.vpnd.agent.lab.LabSettings;
import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.agent.vici.ViciSession;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.cli.DurationConverter;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./vpnd bench data-plane}: vpnd with a real data plane on one Linux host, as root. It starts
 * the server jar (SQLite in a temporary directory), builds a lab of its own ({@link Lab}: two network
 * namespaces named after this process, a charon in each, the agent for one VPN gateway, the customer's
 * device mirroring each connection), and measures through the Alibaba API, every request signed as the
 * old core SDK signs:
 *
 * <ol>
 *   <li>N connections on one gateway (one customer gateway each, as vpnd allows one connection per
 *       pair), created with {@code EffectImmediately=true}: from the first create sent to every
 *       connection's {@code Status} {@code ipsec_sa_established} in DescribeVpnConnections;</li>
 *   <li>per connection, from its create answered to its connection listed by the gateway's charon
 *       ({@code get-conns}, polled);</li>
 *   <li>status propagation: the customer's side ends a tunnel's IKE SA, and the gateway's charon's
 *       down event (timestamped here, on a VICI subscription of its own) is followed to
 *       DescribeVpnConnection showing the tunnel down (polled); the agent starts it again, and the
 *       CHILD_SA's up event is followed to {@code ipsec_sa_established}.</li>
 * </ol>
 */
@Command(name = "data-plane", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure vpnd with real tunnels (Linux, root, strongSwan): N connections on one gateway "
                + "created through the Alibaba API until established, create to charon, and charon event to "
                + "API status.")
final class DataPlaneBench implements Callable<Integer> {
    private static final String REGION = "cn-hangzhou";
    private static final String ESTABLISHED = "ipsec_sa_established";
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--connections", defaultValue = "200",
            description = "Connections on the one gateway, each to a customer gateway of its own "
                    + "(1 to " + LabNetwork.MAX_CUSTOMER_ADDRESSES + "; default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--create-concurrency", defaultValue = "4",
            description = "CreateVpnConnection calls in flight at once (default: ${DEFAULT-VALUE}).")
    int createConcurrency;

    @Option(names = "--status-samples", defaultValue = "50",
            description = "Tunnels taken down and brought back for the status-propagation figures, one sample "
                    + "each way per tunnel (default: ${DEFAULT-VALUE}).")
    int statusSamples;

    @Option(names = "--timeout", defaultValue = "180s", converter = DurationConverter.class,
            description = "How long the connections may take to be established (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--conns-poll", defaultValue = "10ms", converter = DurationConverter.class,
            description = "How often the gateway's charon is asked for its connections (default: ${DEFAULT-VALUE}).")
    Duration connsPoll;

    @Option(names = "--status-poll", defaultValue = "5ms", converter = DurationConverter.class,
            description = "How often DescribeVpnConnection is asked after a charon event (default: "
                    + "${DEFAULT-VALUE}).")
    Duration statusPoll;

    @Option(names = "--keep-logs",
            description = "Keep the data directory with the server's, the lab's and both charons' logs (kept anyway "
                    + "when the run fails).")
    boolean keepLogs;

    @Option(names = "--server-jar", defaultValue = "server/target/vpnd-server.jar",
            description = "The vpnd server jar to start (default: ${DEFAULT-VALUE}).")
    Path serverJar;

    @Option(names = "--server-java-opts", defaultValue = Bench.DEFAULT_SERVER_JAVA_OPTS,
            description = "JVM options of the server process (default: ${DEFAULT-VALUE}).")
    String serverJavaOpts;

    /** A connection as created: its Alibaba id, its tunnel's name in charon, when its create was answered. */
    private record Created(String id, String tunnel, long answeredAt) {
    }

    @Override
    public Integer call() throws Exception {
        if (connections < 1 || connections > LabNetwork.MAX_CUSTOMER_ADDRESSES || createConcurrency < 1
                || statusSamples < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--connections must be 1 to "
                    + LabNetwork.MAX_CUSTOMER_ADDRESSES + ", --create-concurrency at least 1, --status-samples "
                    + "not negative");
        }
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            say("the data-plane benchmark needs Linux (network namespaces), not %s", System.getProperty("os.name"));
            return 1;
        }
        long pid = ProcessHandle.current().pid();
        var layout = new LabLayout("vpnd-bench-" + pid + "-gw", "vpnd-bench-" + pid + "-cgw",
                Path.of("/run/vpnd-bench-" + pid));
        LabNetwork network = LabNetwork.of(layout);
        Thread labDown = new Thread(network::down, "bench-lab-down");
        Runtime.getRuntime().addShutdownHook(labDown);
        Path dir = Files.createTempDirectory("vpnd-bench-dp-");
        boolean failed = true;
        try {
            try {
                network.up();
            } catch (IOException e) {
                say("cannot build the lab: %s", e.getMessage());
                failed = false;
                return 1;
            }
            say("lab: namespaces %s and %s, state in %s", layout.gatewayNamespace(), layout.customerNamespace(),
                    layout.stateDir());
            int exit = run(network, dir);
            failed = exit != 0 || keepLogs;
            return exit;
        } finally {
            if (failed) {
                keepLogs(network, dir);
            }
            network.down();
            Runtime.getRuntime().removeShutdownHook(labDown);
            if (!failed) {
                Bench.deleteTree(dir);
            }
        }
    }

    private int run(LabNetwork network, Path dir) throws Exception {
        String loadBefore = Bench.loadAverage();
        long busyBefore = SystemCpu.machineBusyNanos();
        long wallBefore = System.nanoTime();
        List<String> jvmOptions = serverJavaOpts.isBlank() ? List.of()
                : Arrays.asList(serverJavaOpts.trim().split("\\s+"));
        try (var server = ServerProcess.start(serverJar, dir, null, jvmOptions, List.of(), List.of("--demo"));
                var api = new AliyunClient(server.endpoint(),
                        new V1Signer(AccountService.DEMO_KEY_ID, AccountService.DEMO_KEY_SECRET))) {
            Thread killer = server.stopper();
            Runtime.getRuntime().addShutdownHook(killer);
            say("vpnd (pid %d) on %s, agent listener %s, log in %s", server.pid(), server.endpoint(), server.agent(),
                    server.log());
            vpnd(dir, "quota", "set", "--account", AccountService.DEMO_ACCOUNT, "--kind", "vpn-connection",
                    "--limit", String.valueOf(connections));
            vpnd(dir, "quota", "set", "--account", AccountService.DEMO_ACCOUNT, "--kind", "customer-gateway",
                    "--limit", String.valueOf(connections));
            String vpc = api.call("CreateVpc", Map.of("RegionId", REGION, "CidrBlock", "10.1.0.0/16"))
                    .path("VpcId").asText();
            String gateway = api.call("CreateVpnGateway", Map.of("RegionId", REGION, "VpcId", vpc, "Bandwidth", "10",
                    "Name", "bench")).path("VpnGatewayId").asText();
            String token = JSON.readTree(vpnd(dir, "agent", "token", "create", "--gateway", gateway, "--json"))
                    .path("token").asText();
            List<String> customers = LabNetwork.customerAddresses(connections);
            var customerGateways = new ArrayList<String>();
            for (String address : customers) {
                customerGateways.add(api.call("CreateCustomerGateway", Map.of("RegionId", REGION, "IpAddress",
                        address)).path("CustomerGatewayId").asText());
            }
            awaitActive(api, gateway);
            Path labLog = dir.resolve("lab.log");
            try (var labOut = new PrintStream(Files.newOutputStream(labLog), true, StandardCharsets.UTF_8);
                    Lab lab = Lab.start(new LabSettings(server.agent(), token, network.layout()), connections, labOut);
                    var watch = CharonWatch.open(network.gateway().vici(), connsPoll)) {
                say("gateway %s with its agent, %d customer gateways; creating %d connections, %d at a time...",
                        gateway, customers.size(), connections, createConcurrency);
                long start = System.nanoTime();
                List<Created> created = create(api, gateway, customerGateways);
                long allAnswered = System.nanoTime();
                say("%d creates answered in %.2f s; waiting for every connection to be established...",
                        created.size(), seconds(allAnswered - start));
                long established = awaitEstablished(api, gateway, start);
                if (established < 0) {
                    say("not all %d established within %s; see %s and the charon logs in %s", connections, timeout,
                            labLog, network.layout().stateDir());
                    return 2;
                }
                say("all %d established %.2f s after the first create", connections, seconds(established - start));
                List<Long> toCharon = toCharon(created, watch);

                var down = new ArrayList<Long>();
                var up = new ArrayList<Long>();
                statusPropagation(api, lab.network(), watch, created, down, up);
                Runtime.getRuntime().removeShutdownHook(killer);
                double busyShare = share(SystemCpu.machineBusyNanos() - busyBefore, System.nanoTime() - wallBefore);
                System.out.println();
                System.out.print(table(seconds(established - start), seconds(allAnswered - start), toCharon, down,
                        up));
                System.out.println();
                System.out.print(facts(jvmOptions, loadBefore, busyShare));
                System.out.flush();
                return 0;
            }
        }
    }

    /** A failed run's evidence: both charons' logs beside the server's, in the data directory that stays. */
    private static void keepLogs(LabNetwork network, Path dir) {
        for (LabNetwork.Side side : List.of(network.gateway(), network.customer())) {
            try {
                Files.copy(side.log(), dir.resolve("charon-" + side.role().tag() + ".log"));
            } catch (IOException e) {
                // nothing to keep
            }
        }
        say("kept the server's, the lab's and both charons' logs in %s", dir);
    }

    /** Runs the server jar's CLI on {@code dir} (the server runs on it meanwhile) and returns what it printed. */
    private String vpnd(Path dir, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", serverJar.toAbsolutePath().toString()));
        command.addAll(Arrays.asList(args));
        command.addAll(List.of("--data", dir.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("vpnd " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    private static void awaitActive(AliyunClient api, String gateway) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!api.call("DescribeVpnGateway", Map.of("RegionId", REGION, "VpnGatewayId", gateway)).path("Status")
                .asText().equals("active")) {
            if (System.nanoTime() > deadline) {
                throw new IOException("gateway " + gateway + " not active within 30 s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * Connection i joins the gateway to customer gateway i, between the gateway's subnet and the
     * subnet behind that customer address ({@link LabNetwork#customerSubnet}: two tunnels with the same
     * traffic selectors would fight over one policy and route), IKEv2 with AES and SHA-1 (vpnd's
     * default is Alibaba's IKEv1 with MD5), started at once.
     */
    private List<Created> create(AliyunClient api, String gateway, List<String> customerGateways)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(createConcurrency);
        try {
            var futures = new ArrayList<Future<Created>>();
            for (int i = 0; i < customerGateways.size(); i++) {
                String customerGateway = customerGateways.get(i);
                String remote = LabNetwork.customerSubnet(i);
                futures.add(pool.submit(() -> {
                    JsonNode answer = api.call("CreateVpnConnection", Map.of("RegionId", REGION, "VpnGatewayId",
                            gateway, "CustomerGatewayId", customerGateway, "LocalSubnet", LabNetwork.GATEWAY_SUBNET,
                            "RemoteSubnet", remote, "EffectImmediately", "true", "IkeConfig",
                            "{\"IkeVersion\":\"ikev2\",\"IkeAuthAlg\":\"sha1\",\"IkeEncAlg\":\"aes\","
                                    + "\"IkePfs\":\"group2\"}",
                            "IpsecConfig",
                            "{\"IpsecAuthAlg\":\"sha1\",\"IpsecEncAlg\":\"aes\",\"IpsecPfs\":\"group2\"}"));
                    long answered = System.nanoTime();
                    String id = answer.path("VpnConnectionId").asText();
                    String canonical = AliyunIds.decode(ResourceType.VPN_CONNECTION, id)
                            .orElseThrow(() -> new IOException("not a connection id: " + answer));
                    return new Created(id, TunnelPlan.nameOf(canonical, 0), answered);
                }));
            }
            var created = new ArrayList<Created>();
            for (Future<Created> future : futures) {
                created.add(future.get());
            }
            return created;
        } finally {
            pool.shutdownNow();
        }
    }

    /** When every connection of the gateway shows {@code ipsec_sa_established}; -1 after {@code --timeout}. */
    private long awaitEstablished(AliyunClient api, String gateway, long start)
            throws IOException, InterruptedException {
        int lastCount = -1;
        while (System.nanoTime() - start < timeout.toNanos()) {
            int count = 0;
            for (int page = 1; page <= (connections + 49) / 50; page++) {
                JsonNode answer = api.call("DescribeVpnConnections", Map.of("RegionId", REGION, "VpnGatewayId",
                        gateway, "PageSize", "50", "PageNumber", String.valueOf(page)));
                for (JsonNode connection : answer.path("VpnConnections").path("VpnConnection")) {
                    if (connection.path("Status").asText().equals(ESTABLISHED)) {
                        count++;
                    }
                }
            }
            long now = System.nanoTime();
            if (count == connections) {
                return now;
            }
            if (count / 50 != lastCount / 50) {
                say("%d of %d established after %.1f s", count, connections, seconds(now - start));
            }
            lastCount = count;
            Thread.sleep(100);
        }
        return -1;
    }

    /** Create answered to the connection listed by the gateway's charon, per connection (0 when it was first). */
    private static List<Long> toCharon(List<Created> created, CharonWatch watch) {
        var latencies = new ArrayList<Long>();
        for (Created connection : created) {
            long seen = watch.firstSeen(connection.tunnel()).orElseThrow(() -> new IllegalStateException(
                    connection.id() + " established but never listed by charon"));
            latencies.add(Math.max(0, seen - connection.answeredAt()));
        }
        return latencies;
    }

    /**
     * For {@code --status-samples} connections in turn: the customer's side ends the IKE SA; from the
     * gateway charon's down event to DescribeVpnConnection showing the connection not established
     * ({@code down}); then from the CHILD_SA's up event, once the agent has started it again, to
     * {@code ipsec_sa_established} ({@code up}).
     */
    private void statusPropagation(AliyunClient api, LabNetwork network, CharonWatch watch, List<Created> created,
            List<Long> down, List<Long> up) throws IOException, InterruptedException {
        say("status propagation: %d tunnels taken down from the customer's side and started again by the agent...",
                statusSamples);
        try (var customer = ViciSession.open(network.customer().vici(), Duration.ofSeconds(10))) {
            for (int i = 0; i < statusSamples; i++) {
                Created connection = created.get(i % created.size());
                watch.clearEvents();
                customer.command("terminate", ViciMessage.builder()
                        .put("ike", connection.tunnel()).put("timeout", "2000").build());
                var wentDown = watch.await(connection.tunnel(), null, false, EVENT_WAIT).orElseThrow(
                        () -> new IOException("no down event for " + connection.id() + " on the gateway"));
                down.add(awaitStatus(api, connection, false) - wentDown.at());
                var cameUp = watch.await(connection.tunnel(), "child-updown", true, EVENT_WAIT).orElseThrow(
                        () -> new IOException(connection.id() + " was not started again within " + EVENT_WAIT));
                up.add(awaitStatus(api, connection, true) - cameUp.at());
            }
        }
    }

    /** Polls DescribeVpnConnection until it shows the connection established or not; when it did. */
    private long awaitStatus(AliyunClient api, Created connection, boolean established)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String status = api.call("DescribeVpnConnection", Map.of("RegionId", REGION, "VpnConnectionId",
                    connection.id())).path("Status").asText();
            long now = System.nanoTime();
            if (status.equals(ESTABLISHED) == established) {
                return now;
            }
            Thread.sleep(statusPoll);
        }
        throw new IOException(connection.id() + " did not show " + (established ? "" : "not ") + ESTABLISHED
                + " within " + EVENT_WAIT);
    }

    private String table(double allEstablished, double allAnswered, List<Long> toCharon, List<Long> down,
            List<Long> up) {
        var both = new ArrayList<>(down);
        both.addAll(up);
        var out = new StringBuilder();
        out.append("| measure | samples | p50 | p99 | max |\n| --- | ---: | ---: | ---: | ---: |\n");
        out.append(String.format(Locale.ROOT, "| %d connections on one gateway: first create sent to all "
                + "ipsec_sa_established (creates all answered after %.2f s) | 1 | %.2f s | | |%n", connections,
                allAnswered, allEstablished));
        out.append(row("create answered to the connection in the gateway's charon (get-conns every "
                + Bench.human(connsPoll) + ")", toCharon));
        out.append(row("charon down event to DescribeVpnConnection not established", down));
        out.append(row("charon CHILD_SA up event to DescribeVpnConnection ipsec_sa_established", up));
        out.append(row("status propagation, both ways", both));
        return out.toString();
    }

    private static String row(String what, List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "| " + what + " | 0 | | | |\n";
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.1f ms |%n", what, sorted.length,
                millis(percentile(sorted, 50)), millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]));
    }

    /** The nearest-rank percentile of {@code sorted}. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private String facts(List<String> jvmOptions, String loadBefore, double busyShare) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "- machine: %s, %s %s; vpnd, both charons, the agent and this bench "
                + "on the same host%n", Bench.machineCores(), System.getProperty("os.name"),
                System.getProperty("os.version")));
        out.append(String.format(Locale.ROOT, "- JDK: %s %s; server JVM options: %s%n",
                System.getProperty("java.vm.name"), Runtime.version(),
                jvmOptions.isEmpty() ? "(none)" : String.join(" ", jvmOptions)));
        out.append(String.format(Locale.ROOT, "- %d connections, IKEv2 aes-sha1-modp1024, userspace ESP "
                + "(kernel-libipsec); creates %d at a time; status: %d tunnels each way, DescribeVpnConnection every "
                + "%s; SQLite%n", connections, createConcurrency, statusSamples, Bench.human(statusPoll)));
        out.append(String.format(Locale.ROOT, "- load average (1/5/15 min) before the run: %s; after: %s; the "
                + "machine was %.0f %% busy during the run, this run included%n", loadBefore, Bench.loadAverage(),
                100 * busyShare));
        return out.toString();
    }

    private static double share(long busyNanos, long wallNanos) {
        int cores = Runtime.getRuntime().availableProcessors();
        return busyNanos < 0 || wallNanos <= 0 ? -1 : (double) busyNanos / wallNanos / cores;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    @FormatMethod
    private static void say(@FormatString String format, Object... args) {
        System.err.println("bench data-plane: " + (args.length == 0 ? format
                : String.format(Locale.ROOT, format, args)));
    }
}
