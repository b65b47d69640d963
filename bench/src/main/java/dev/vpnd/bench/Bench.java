package dev.vpnd.bench;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.server.cli.DurationConverter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./vpnd bench}: seeds a data directory through the store, starts vpnd on it as a separate
 * process, drives each dialect's lists and reads at it over HTTP, signed as each client signs
 * ({@link Scenarios}), then the first page at a fixed rate ({@link OpenLoop}), and prints a
 * Markdown table of requests/s and latency percentiles per scenario.
 */
@Command(name = "vpnd bench", mixinStandardHelpOptions = true, sortOptions = false, version = "vpnd bench 0.1.0",
        description = "Seed N connections, start vpnd as its own process and measure every dialect's lists against it.",
        subcommands = DataPlaneBench.class)
public final class Bench implements Callable<Integer> {
    /**
     * JVM options of the server process: the parallel collector has no concurrent marking threads
     * competing with request threads for two cores, and a fixed heap spares resizing; of the
     * collectors tried it used the least server CPU per request (docs/benchmarks.md). Only flags
     * every JDK from 21 on accepts, as the launcher may pick any of them.
     */
    static final String DEFAULT_SERVER_JAVA_OPTS = "-XX:+UseParallelGC -Xms1g -Xmx1g";
    /** The static-file baseline's scenario name ({@link NginxBaseline}). */
    static final String NGINX = "nginx";

    @Option(names = "--connections", defaultValue = "100000",
            description = "Connections to seed (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--gateways", defaultValue = "1000",
            description = "VPN gateways to spread them over (default: ${DEFAULT-VALUE}).")
    int gateways;

    @Option(names = "--concurrency", defaultValue = "64",
            description = "Concurrent HTTP/1.1 keep-alive connections, one request in flight each "
                    + "(default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--duration", defaultValue = "15s", converter = DurationConverter.class,
            description = "Measured time per scenario (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "5s", converter = DurationConverter.class,
            description = "Uncounted time before each scenario's measurement (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory: reused when it holds a seed of the same sizes, seeded when empty or new "
                    + "(default: a temporary directory, deleted afterwards).")
    Path data;

    @Option(names = "--database", paramLabel = "URL",
            description = "Run on PostgreSQL (an empty database, e.g. postgresql://127.0.0.1:5432/bench?user=postgres) "
                    + "instead of SQLite in the data directory.")
    String database;

    @Option(names = "--scenario", paramLabel = "NAME", split = ",",
            description = "Run only these scenarios: first-page, deep-page, two-tags, one-tag, tag-key, by-id, "
                    + "gateways, tencent, tencent-legacy, neutron, neutron-by-id, open-loop, nginx, creates (default: "
                    + "all but creates, in that order, nginx when installed; creates writes to the seed).")
    List<String> only;

    @Option(names = "--open-loop-rate", defaultValue = "0", paramLabel = "REQUESTS_PER_SECOND",
            description = "The open loop's rate (default: half of the first page's maximum in this run).")
    double openLoopRate;

    @Option(names = "--load-generator", defaultValue = "auto", paramLabel = "wrk|java|auto",
            description = "wrk (must be on the PATH), the built-in Java generator, or auto: wrk when installed "
                    + "(default: ${DEFAULT-VALUE}).")
    String loadGenerator;

    @Option(names = "--wrk-threads", defaultValue = "1",
            description = "wrk threads, each an event loop over its share of the connections "
                    + "(default: ${DEFAULT-VALUE}).")
    int wrkThreads;

    @Option(names = "--server-jar", defaultValue = "server/target/vpnd-server.jar",
            description = "The vpnd server jar to start (default: ${DEFAULT-VALUE}).")
    Path serverJar;

    @Option(names = "--server-java-opts", defaultValue = DEFAULT_SERVER_JAVA_OPTS,
            description = "JVM options of the server process (default: ${DEFAULT-VALUE}).")
    String serverJavaOpts;

    @Option(names = "--server-cpus", description = "CPUs the server runs on, as taskset lists them (e.g. 0-1): "
            + "with --load-cpus, a machine of four cores or more measures a two-core server with wrk on "
            + "cores of its own.")
    String serverCpus;

    @Option(names = "--load-cpus", description = "CPUs wrk runs on (e.g. 2-3); see --server-cpus.")
    String loadCpus;

    public static void main(String[] args) {
        int exit = new CommandLine(new Bench()).execute(args);
        System.exit(exit);
    }

    @Override
    public Integer call() throws Exception {
        if (concurrency < 1 || duration.isNegative() || duration.isZero() || warmup.isNegative()) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--concurrency must be at least 1 and --duration positive");
        }
        var sizes = new Seeder.Sizes(connections, gateways);
        boolean temporary = data == null;
        Path dir = temporary ? Files.createTempDirectory("vpnd-bench-") : data;
        Files.createDirectories(dir);
        try {
            return run(sizes, dir);
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    private int run(Seeder.Sizes sizes, Path dir) throws Exception {
        String loadBefore = loadAverage();
        say("data directory %s; load average before the run: %s", dir.toAbsolutePath(), loadBefore);
        Seeder.Seed seed = Seeder.prepare(dir, database, sizes);
        if (seed.reused()) {
            say("reusing the seed of %,d connections over %,d gateways (seeded earlier in %.1f s)",
                    sizes.connections(), sizes.gateways(), seed.took().toMillis() / 1000.0);
        } else {
            say("seeded %,d connections over %,d gateways and %,d customer gateways in %.1f s (%,.0f connections/s)",
                    sizes.connections(), sizes.gateways(), sizes.customerGateways(), seed.took().toMillis() / 1000.0,
                    sizes.connections() / Math.max(0.001, seed.took().toMillis() / 1000.0));
        }

        CreateTargets createTargets = null;
        if (only != null && only.stream().anyMatch(name -> name.trim().equals(Scenarios.CREATES))) {
            createTargets = CreateTargets.prepare(dir, database, createsAtMost());
            say("creates: %,d gateways and %,d fresh customer gateways in %s, room for %,d creates",
                    createTargets.gatewayIds().size(), createTargets.customerGatewayIds().size(),
                    CreateTargets.REGION, createTargets.pairs());
        }
        List<String> jvmOptions = serverJavaOpts.isBlank() ? List.of()
                : Arrays.asList(serverJavaOpts.trim().split("\\s+"));
        var outcomes = new ArrayList<Outcome>();
        var inServer = new ArrayList<ServerHistogram>();
        OpenLoopResult openLoop = null;
        double firstPageRate = 0;
        double nginxRate = 0;
        int opened;
        String generator;
        String memory;
        // --demo adds the demo account's published Tencent key, which the Tencent scenarios sign with.
        try (var server = ServerProcess.start(serverJar, dir, database, jvmOptions, pinned(serverCpus),
                List.of("--demo"))) {
            Thread killer = server.stopper();
            Runtime.getRuntime().addShutdownHook(killer);
            say("vpnd (pid %d) listening on %s, log in %s", server.pid(), server.endpoint(), server.log());
            // The Java generator always makes the probes; it also makes the load when wrk is absent.
            // Whose CPU a run is charged to: the server's, or nginx's while the baseline runs.
            var measured = new AtomicReference<LongSupplier>(server::cpuNanos);
            LongSupplier measuredCpu = () -> measured.get().getAsLong();
            try (var client = new LoadGenerator(concurrency, measuredCpu);
                    Load load = chooseLoad(client, measuredCpu);
                    var metricsClient = java.net.http.HttpClient.newHttpClient()) {
                Creates creates = createTargets == null ? null : new Creates(createTargets, signer(), server.endpoint(),
                        concurrency);
                var all = scenarios(seed, server, client).all();
                if (creates != null) {
                    all.put(Scenarios.CREATES, new Planned(Scenarios.CREATES, creates.scenario(), creates.probe()));
                }
                List<Planned> scenarios = chosen(all);
                generator = load.description();
                say("load generator: %s", generator);
                // The first scenario would otherwise pay for compiling the server's and this process's hot
                // code: one uncounted round of every scenario first, so each figure is a steady state.
                for (Planned planned : scenarios) {
                    planned.probe(client);
                }
                say("JIT warm-up: every scenario for %s, not counted...", human(warmup));
                for (Planned planned : scenarios) {
                    if (planned.key().equals(Scenarios.CREATES)) {
                        creates.run(Duration.ZERO, warmup, server::cpuNanos);
                    } else if (!planned.key().equals(Scenarios.OPEN_LOOP) && !planned.key().equals(NGINX)) {
                        load.warmUp(planned.scenario(), warmup);
                    }
                }
                Outcome firstPage = null;
                for (Planned planned : scenarios) {
                    String check = planned.probe(client);
                    Scenario scenario = planned.scenario();
                    if (planned.key().equals(NGINX)) {
                        var answer = client.probe(scenario);
                        try (var nginx = NginxBaseline.start(NginxBaseline.find().orElseThrow(), answer.getContent(),
                                answer.getMediaType(), pinned(serverCpus))) {
                            var baseline = nginx.scenario(String.format(Locale.ROOT,
                                    "nginx: the first page's answer (%,d bytes) as a static file",
                                    answer.getContent().length));
                            say("%s: %s warm-up, %s measured...", baseline.name(), human(warmup), human(duration));
                            measured.set(nginx::cpuNanos);
                            load.warmUp(baseline, warmup);
                            Outcome outcome = load.run(baseline, Duration.ZERO, duration);
                            outcomes.add(outcome);
                            inServer.add(ServerHistogram.EMPTY);
                            nginxRate = outcome.requestsPerSecond();
                            say("%s: %,.0f requests/s, p50 %.2f ms, p99 %.2f ms, %d errors; CPU per request: nginx "
                                    + "%.0f µs", baseline.name(), nginxRate, millis(outcome.latency().p50()),
                                    millis(outcome.latency().p99()), outcome.errors(),
                                    outcome.serverCpuMicrosPerRequest());
                        } finally {
                            measured.set(server::cpuNanos);
                        }
                        continue;
                    }
                    double rate = 0;
                    if (planned.key().equals(Scenarios.OPEN_LOOP)) {
                        rate = openLoopRate > 0 ? openLoopRate : firstPage.requestsPerSecond() / 2;
                        scenario = new Scenario(String.format(Locale.ROOT, "%s, open loop at %,.0f requests/s",
                                scenario.name(), rate), scenario.action(), scenario.endpoint(), scenario.live(),
                                scenario.batch());
                    }
                    say("%s: %s; %s warm-up, %s measured...", scenario.name(), check, human(warmup),
                            human(duration));
                    var before = ServerHistogram.scrape(metricsClient, server.admin(), scenario.action());
                    Outcome outcome;
                    if (planned.key().equals(Scenarios.CREATES)) {
                        creates.run(Duration.ZERO, warmup, server::cpuNanos);
                        before = ServerHistogram.scrape(metricsClient, server.admin(), scenario.action());
                        outcome = creates.run(Duration.ZERO, duration, server::cpuNanos);
                    } else if (rate > 0) {
                        // Warmed at saturation (the JIT), then at the rate on a schedule of its own: a queue
                        // that built while the server was cold is not carried into the measured run.
                        load.warmUp(planned.scenario(), warmup);
                        OpenLoop.run(scenario, concurrency, rate, Duration.ZERO, warmup, server::cpuNanos);
                        before = ServerHistogram.scrape(metricsClient, server.admin(), scenario.action());
                        outcome = OpenLoop.run(scenario, concurrency, rate, Duration.ZERO, duration,
                                server::cpuNanos);
                        openLoop = new OpenLoopResult(rate, outcome, firstPage);
                    } else {
                        load.warmUp(scenario, warmup);
                        before = ServerHistogram.scrape(metricsClient, server.admin(), scenario.action());
                        outcome = load.run(scenario, Duration.ZERO, duration);
                        if (planned.key().equals(Scenarios.FIRST_PAGE)) {
                            firstPage = outcome;
                            firstPageRate = outcome.requestsPerSecond();
                        }
                    }
                    var served = ServerHistogram.scrape(metricsClient, server.admin(), scenario.action())
                            .since(before);
                    outcomes.add(outcome);
                    inServer.add(served);
                    say("%s: %,.0f requests/s, p50 %.2f ms, p99 %.2f ms, %d errors; in the server p50 ≤ %.2f ms, "
                            + "p99 ≤ %.2f ms; CPU per request: server %.0f µs, load generator %.0f µs",
                            scenario.name(), outcome.requestsPerSecond(), millis(outcome.latency().p50()),
                            millis(outcome.latency().p99()), outcome.errors(), millis(served.percentileNanos(50)),
                            millis(served.percentileNanos(99)), outcome.serverCpuMicrosPerRequest(),
                            outcome.generatorCpuMicrosPerRequest());
                    if (outcome.othersCpuShare() > 0.05) {
                        say("%s: warning: other processes used %.0f %% of the machine's CPU while measuring; "
                                + "the figures are low", scenario.name(), 100 * outcome.othersCpuShare());
                    }
                    if (outcome.firstError() != null) {
                        say("%s: first error: %s", scenario.name(), outcome.firstError());
                    }
                    if (planned.key().equals(Scenarios.CREATES)) {
                        long checked = creates.verify();
                        say("%s: every one of the %,d connections acknowledged in this run (warm-ups included) is "
                                + "there (DescribeVpnConnection of each)", scenario.name(), checked);
                    }
                }
                opened = load.openedConnections();
            }
            memory = server.residentBytes().map(m -> String.format(Locale.ROOT, "%,d MiB resident after the run "
                    + "(peak %,d MiB)", m[0] >> 20, m[1] >> 20)).orElse("unknown");
            Runtime.getRuntime().removeShutdownHook(killer);
        }
        System.out.println();
        System.out.print(table(outcomes, inServer, firstPageRate));
        if (openLoop != null) {
            System.out.println();
            System.out.print(openLoop.summary());
        }
        if (nginxRate > 0 && firstPageRate > 0) {
            System.out.println();
            System.out.printf(Locale.ROOT, "vpnd's first page against nginx serving the same answer as a static file, "
                    + "on the same cores: %,.0f / %,.0f requests/s = %.2f (issue 17's aim: 0.5)%n", firstPageRate,
                    nginxRate, firstPageRate / nginxRate);
        }
        System.out.println();
        System.out.print(facts(seed, generator, opened, jvmOptions, outcomes, loadBefore));
        System.out.printf(Locale.ROOT, "- seed: %.1f s%s; database: %s; server memory: %s%n",
                seed.took().toMillis() / 1000.0, seed.reused() ? " (earlier)" : "",
                Seeder.databaseSize(seed, database).map(b -> String.format(Locale.ROOT, "%,d MiB", b >> 20))
                        .orElse("size unknown"), memory);
        System.out.flush();
        return outcomes.stream().anyMatch(o -> o.errors() > 0) ? 2 : 0;
    }

    /**
     * Every scenario against this server: signs in to Keystone once (the CLI's token), lists the
     * gateways' Tencent ids with DescribeVpnGateways and reads their legacy numbers from the seed.
     */
    private Scenarios scenarios(Seeder.Seed seed, ServerProcess server, LoadGenerator client) throws Exception {
        URI tencentListener = server.listener("tencent");
        var tencent = new TencentCalls(tencentListener.getHost() + ":" + tencentListener.getPort());
        var neutron = new NeutronCalls(NeutronCalls.signIn(server.listener("keystone")));
        var tencentIds = Scenarios.tencentGatewayIds(client, tencentListener, tencent, seed.sizes().gateways());
        var listeners = Map.of("aliyun", server.endpoint(), "tencent", tencentListener,
                "neutron", server.listener("neutron"));
        return new Scenarios(seed, listeners, signer(), tencent, neutron, tencentIds,
                Seeder.gatewaySerials(seed, database));
    }

    /** The demo account's key, which every Alibaba call of the bench signs with. */
    private static V1Signer signer() {
        return new V1Signer(AccountService.DEMO_KEY_ID, AccountService.DEMO_KEY_SECRET);
    }

    /**
     * The most creates a run may make: its probes, two warm-ups and the measured run at 10,000
     * creates/s (far above what two cores commit), plus a margin.
     */
    private long createsAtMost() {
        return 10_000L * (2 * warmup.toSeconds() + duration.toSeconds() + 10);
    }

    /** The scenarios {@code --scenario} names, in its order; the open loop after the first page it halves. */
    private List<Planned> chosen(Map<String, Planned> all) {
        var names = new ArrayList<String>();
        if (only == null || only.isEmpty()) {
            names.addAll(all.keySet());
            names.add(Scenarios.OPEN_LOOP);
            if (NginxBaseline.find().isPresent()) {
                names.add(NGINX);
            } else {
                say("no nginx installed (Debian: apt-get install nginx-light): no static-file baseline");
            }
        } else {
            only.forEach(name -> names.add(name.trim()));
            if (names.contains(NGINX) && NginxBaseline.find().isEmpty()) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--scenario nginx: no nginx on the PATH or in /usr/sbin (Debian: apt-get install nginx-light)");
            }
        }
        // The open loop's rate is half the first page's maximum; nginx is compared with the first page.
        for (String after : List.of(Scenarios.OPEN_LOOP, NGINX)) {
            int at = names.indexOf(after);
            boolean needsRate = after.equals(NGINX) || openLoopRate <= 0;
            if (at >= 0 && needsRate && !names.subList(0, at).contains(Scenarios.FIRST_PAGE)) {
                names.add(at, Scenarios.FIRST_PAGE);
            }
        }
        var chosen = new ArrayList<Planned>();
        for (String name : names) {
            boolean firstPageAgain = name.equals(Scenarios.OPEN_LOOP) || name.equals(NGINX);
            Planned planned = firstPageAgain ? all.get(Scenarios.FIRST_PAGE) : all.get(name);
            if (planned == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown scenario " + name
                        + "; one of " + all.keySet() + ", " + Scenarios.OPEN_LOOP + ", " + NGINX + " or "
                        + Scenarios.CREATES);
            }
            chosen.add(firstPageAgain ? new Planned(name, planned.scenario(), planned.probe()) : planned);
        }
        return chosen;
    }

    /** The figures as a Markdown table; {@code firstPageRate}: the first page's requests/s, 0 when not run. */
    static String table(List<Outcome> outcomes, List<ServerHistogram> inServer, double firstPageRate) {
        var out = new StringBuilder();
        out.append("| scenario | requests/s | of the first page's | p50 ms | p99 ms | p99.9 ms | max ms | errors "
                + "| in the server: p50 / p99 ms (at most) |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int i = 0; i < outcomes.size(); i++) {
            var o = outcomes.get(i);
            var l = o.latency();
            var served = inServer.get(i);
            out.append(String.format(Locale.ROOT,
                    "| %s | %,.0f | %s | %.2f | %.2f | %.2f | %.2f | %d | %s |%n",
                    o.scenario().name(), o.requestsPerSecond(),
                    firstPageRate > 0 ? String.format(Locale.ROOT, "%.0f %%", 100 * o.requestsPerSecond()
                            / firstPageRate) : "", millis(l.p50()), millis(l.p99()), millis(l.p999()),
                    millis(l.max()), o.errors(), served.percentileNanos(50) < 0 ? "" : String.format(Locale.ROOT,
                            "%.2f / %.2f", millis(served.percentileNanos(50)), millis(served.percentileNanos(99)))));
        }
        return out.toString();
    }

    private String facts(Seeder.Seed seed, String generator, int openedConnections, List<String> jvmOptions,
            List<Outcome> outcomes, String loadBefore) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "- machine: %s, %s %s, load generator and server on the same host%s%n",
                machineCores(),
                System.getProperty("os.name"), System.getProperty("os.version"),
                serverCpus == null && loadCpus == null ? ""
                        : ", server on CPUs " + (serverCpus == null ? "any" : serverCpus)
                                + " and load generator on CPUs " + (loadCpus == null ? "any" : loadCpus)));
        out.append(String.format(Locale.ROOT, "- JDK: %s %s (server and load generator)%n",
                System.getProperty("java.vm.name"), Runtime.version()));
        out.append(String.format(Locale.ROOT, "- server JVM options: %s%n",
                jvmOptions.isEmpty() ? "(none)" : String.join(" ", jvmOptions)));
        out.append(String.format(Locale.ROOT,
                "- data: %,d connections over %,d gateways and %,d customer gateways, two tags each, %s%n",
                seed.sizes().connections(), seed.sizes().gateways(), seed.sizes().customerGateways(),
                database == null ? "SQLite" : "PostgreSQL"));
        out.append(String.format(Locale.ROOT,
                "- load: %d concurrent HTTP/1.1 keep-alive connections%s from %s (the open loop from the bench's own "
                        + "sockets), each request signed as its client signs, none twice; %s warm-up then %s "
                        + "measured per scenario%n",
                concurrency, openedConnections < 0 ? "" : " (" + openedConnections + " opened in all)", generator,
                human(warmup), human(duration)));
        out.append("- CPU per request, server / load generator:");
        for (int i = 0; i < outcomes.size(); i++) {
            var o = outcomes.get(i);
            out.append(String.format(Locale.ROOT, "%s %s %.0f / %.0f µs", i == 0 ? "" : ";", o.scenario().name(),
                    o.serverCpuMicrosPerRequest(), o.generatorCpuMicrosPerRequest()));
        }
        out.append("\n- CPU used by other processes while measuring (share of the machine):");
        for (int i = 0; i < outcomes.size(); i++) {
            var o = outcomes.get(i);
            out.append(String.format(Locale.ROOT, "%s %s %s", i == 0 ? "" : ";", o.scenario().name(),
                    o.othersCpuShare() < 0 ? "unknown"
                            : String.format(Locale.ROOT, "%.0f %%", 100 * o.othersCpuShare())));
        }
        out.append(String.format(Locale.ROOT, "%n- load average (1/5/15 min) before the run: %s; after: %s%n",
                loadBefore, loadAverage()));
        return out.toString();
    }

    /** The first three fields of /proc/loadavg: other work on the machine shows here and skews the figures. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", Arrays.asList(fields).subList(0, Math.min(3, fields.length)));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * "N cores (model)", from one read of /proc/cpuinfo: the machine's processors, not this
     * process's share of them (the bench may run under taskset).
     */
    static String machineCores() {
        List<String> cpuinfo;
        try {
            cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors() + " cores";
        }
        long processors = cpuinfo.stream().filter(l -> l.startsWith("processor")).count();
        String model = cpuinfo.stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> " (" + l.substring(l.indexOf(':') + 1).trim() + ")").orElse("");
        return processors + " cores" + model;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** The launcher that keeps a process on {@code cpus} (none without a list). */
    private static List<String> pinned(String cpus) {
        return cpus == null || cpus.isBlank() ? List.of() : List.of("taskset", "-c", cpus.trim());
    }

    /** wrk when asked for, or when {@code auto} finds it installed; else the Java generator. */
    private Load chooseLoad(LoadGenerator java, LongSupplier measuredCpu) throws IOException {
        var wrk = WrkLoad.find();
        switch (loadGenerator) {
            case "java" -> {
                if (loadCpus != null) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "--load-cpus: only wrk runs as a process of its own that can be kept on its CPUs");
                }
                return borrowed(java);
            }
            case "wrk" -> {
                if (wrk.isEmpty()) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "--load-generator wrk: no wrk on the PATH (Debian/Ubuntu: apt-get install wrk)");
                }
            }
            case "auto" -> {
                if (wrk.isEmpty() && loadCpus != null) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "--load-cpus: needs wrk on the PATH (Debian/Ubuntu: apt-get install wrk)");
                }
                if (wrk.isEmpty()) {
                    say("no wrk on the PATH: the Java load generator makes the load (costs the machine more CPU)");
                    return borrowed(java);
                }
            }
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "--load-generator: one of wrk, java, auto");
        }
        return new WrkLoad(wrk.get(), pinned(loadCpus), concurrency, wrkThreads, measuredCpu);
    }

    /** The Java generator as the load, closed by its owner rather than by this use. */
    private static Load borrowed(LoadGenerator java) {
        return new Load() {
            @Override
            public void warmUp(Scenario scenario, Duration duration) throws Exception {
                java.warmUp(scenario, duration);
            }

            @Override
            public Outcome run(Scenario scenario, Duration warmup, Duration duration) throws Exception {
                return java.run(scenario, warmup, duration);
            }

            @Override
            public String description() {
                return java.description();
            }

            @Override
            public int openedConnections() {
                return java.openedConnections();
            }

            @Override
            public void close() {
            }
        };
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    @FormatMethod
    private static void say(@FormatString String format, Object... args) {
        System.err.println("bench: " + (args.length == 0 ? format : String.format(Locale.ROOT, format, args)));
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a temp directory left behind is harmless
                }
            });
        } catch (IOException e) {
            // same
        }
    }
}
