package dev.vpnd.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnd.server.cli.Main;
import dev.vpnd.server.VpndProcess;
import dev.vpnd.store.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded fuzz run over every dialect against vpnd in its own JVM with a small heap (exhaustion
 * ends the process, as {@code -XX:+ExitOnOutOfMemoryError} makes it): HTTP-level garbage,
 * unauthenticated hostile input, hostile values in signed requests and another tenant's attempts
 * on the victim's resources. One fixed seed and one random seed, printed for replay with
 * {@code -Dvpnd.fuzz.seed=N}. It asserts no 5xx, no hang, no oversized error, no cross-tenant
 * write or leak, the victim's resources unchanged, a healthy server afterwards, and heap use back
 * near where it started.
 */
class HostileInputFuzzTest {
    private static final long FIXED_SEED = 20_261_204L;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** Small enough that holding a few hostile bodies too many would exhaust it. */
    private static final List<String> SMALL_HEAP = List.of("-Xmx192m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");
    /** Retained heap may grow by caches that fill during the run; anything past this is a leak. */
    private static final long HEAP_GROWTH_ALLOWED = 40L * 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void hostileInputLeavesNoServerErrorAndAHealthyServer() throws Exception {
        try (var database = TestDatabase.create(dataDir)) {
            Tenant mallory = createAccount(database, "mallory");
            try (var node = VpndProcess.start(dataDir, database.url(), SMALL_HEAP)) {
                fuzz(node, mallory);
            }
        }
    }

    private void fuzz(VpndProcess node, Tenant mallory) throws Exception {
        URI aliyun = URI.create(node.endpoints().get("aliyun"));
        URI tencent = URI.create(node.endpoints().get("tencent"));
        URI keystone = URI.create(node.endpoints().get("keystone"));
        URI neutron = URI.create(node.endpoints().get("neutron"));
        URI admin = URI.create(node.endpoints().get("admin"));
        String aliyunEndpoint = aliyun.getAuthority();
        String tencentEndpoint = tencent.getAuthority();

        var demo = new SignedClients(aliyunEndpoint, tencentEndpoint, Tenant.demo());
        var victim = Victim.create(demo, keystone.toString(), neutron.toString());
        String before = victim.snapshot(demo, neutron.toString());

        var attacker = new SignedClients(aliyunEndpoint, tencentEndpoint, mallory);
        String token = Json.token(keystone.toString(), mallory.openStackUser(), mallory.openStackPassword(),
                mallory.openStackProject());
        List<String> own = List.of(
                "networks/" + Json.create(neutron.toString(), token, "networks", "network", "{\"name\": \"m\"}"),
                "vpn/ikepolicies/" + Json.create(neutron.toString(), token, "vpn/ikepolicies", "ikepolicy",
                        "{\"name\": \"m\"}"));
        long heapBefore = retainedHeap(node, admin);

        long randomSeed = Long.getLong("vpnd.fuzz.seed", System.nanoTime());
        var findings = new Findings();
        for (long seed : new long[] {FIXED_SEED, randomSeed}) {
            System.out.println("vpnd fuzz: seed " + seed + " (replay with -Dvpnd.fuzz.seed=" + seed + ")");
            List<Callable<Void>> campaigns = List.of(
                    () -> {
                        new ProtocolCampaign(List.of(aliyun, tencent, keystone, neutron, admin), ANSWER_TIMEOUT)
                                .run(new Hostile(seed), findings, 300);
                        return null;
                    },
                    () -> {
                        new UnsignedCampaign(aliyun, tencent, keystone, neutron, ANSWER_TIMEOUT)
                                .run(new Hostile(seed + 1), findings, 400);
                        return null;
                    },
                    () -> {
                        new SignedCampaign(attacker, neutron, token, own, ANSWER_TIMEOUT)
                                .run(new Hostile(seed + 2), findings, 300);
                        return null;
                    },
                    () -> {
                        new CrossTenantCampaign(attacker, neutron, token, victim, ANSWER_TIMEOUT)
                                .run(new Hostile(seed + 3), findings, 250);
                        return null;
                    });
            runTogether(campaigns, "seed " + seed);
        }

        assertThat(node.isAlive()).as("vpnd is still running (no OutOfMemoryError)").isTrue();
        var health = RawExchange.exchange(admin, RawExchange.request("GET", admin, "/healthz", null, new byte[0]),
                Duration.ofSeconds(5));
        assertThat(health.status()).as("/healthz after the run").isEqualTo(200);
        assertThat(findings.failures()).as(findings.requests() + " requests; seeds " + FIXED_SEED + " and "
                + randomSeed).isEmpty();
        assertThat(changedLines(before, victim.snapshot(demo, neutron.toString())))
                .as("the victim's resources as their owners see them, lines that changed").isEmpty();
        long heapAfter = retainedHeap(node, admin);
        assertThat(heapAfter).as("heap retained after a full collection, before %d bytes", heapBefore)
                .isLessThan(heapBefore + HEAP_GROWTH_ALLOWED);
        System.out.println("vpnd fuzz: " + findings.requests() + " requests, retained heap " + heapBefore / 1024
                + " KiB before, " + heapAfter / 1024 + " KiB after");
    }

    private static List<String> changedLines(String before, String after) {
        List<String> was = List.of(before.split("\n"));
        List<String> now = List.of(after.split("\n"));
        var changed = new ArrayList<String>();
        for (int i = 0; i < Math.max(was.size(), now.size()); i++) {
            String a = i < was.size() ? was.get(i) : "";
            String b = i < now.size() ? now.get(i) : "";
            if (!a.equals(b)) {
                changed.add("was: " + a + "\nnow: " + b);
            }
        }
        return changed;
    }

    private static void runTogether(List<Callable<Void>> campaigns, String label) throws Exception {
        try (var pool = Executors.newFixedThreadPool(campaigns.size())) {
            List<Future<Void>> running = new ArrayList<>();
            campaigns.forEach(c -> running.add(pool.submit(c)));
            for (var future : running) {
                future.get(10, TimeUnit.MINUTES);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("a campaign failed (" + label + ")", e.getCause());
        }
    }

    /** Heap in use after a full collection (jcmd GC.run), from the process's own /metrics. */
    private static long retainedHeap(VpndProcess node, URI admin) throws IOException, InterruptedException {
        var gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(node.pid()), "GC.run").redirectErrorStream(true).start();
        gc.getInputStream().readAllBytes();
        assertThat(gc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long used = 0;
        for (String line : Json.text(admin + "/metrics").lines().toList()) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        assertThat(used).as("heap figures in /metrics").isPositive();
        return used;
    }

    /** {@code vpnd account create NAME --json} over the test's data directory and database. */
    private Tenant createAccount(TestDatabase database, String name) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "account", "create", name,
                "--json", "--data", dataDir.toString(), "--secret-key-file",
                VpndProcess.secretKeyFile(dataDir).toString()));
        if (database.url() != null) {
            command.addAll(List.of("--database", database.url()));
        }
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        JsonNode created = Json.MAPPER.readTree(out.substring(out.indexOf('{')));
        return Tenant.fromAccountJson(created);
    }
}
