package dev.vpnd.server;

import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.Regions;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.core.service.QuotaService;
import dev.vpnd.core.service.Services;
import dev.vpnd.server.cli.Main;
import dev.vpnd.store.SecretKeys;
import dev.vpnd.store.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import picocli.CommandLine;

/**
 * A vpnd started for a test class on loopback with free ports, a fresh data directory and database
 * (SQLite, or a PostgreSQL schema when the suite runs on PostgreSQL: see {@link TestDatabase}), the demo
 * account, stopped (and its data removed) after the class. {@link #restart()} stops and starts it
 * on the same data, as an operator's restart would. The demo and admin accounts may hold {@link
 * QuotaKind#MAX_LIMIT} of every kind, so that suites create what they need; every other account has
 * the default quotas, which the quota tests exercise.
 */
public final class RunningVpnd implements BeforeAllCallback, AfterAllCallback {
    public static final Duration PROVISIONING_DELAY = Duration.ofSeconds(1);

    private final Duration provisioningDelay;
    private final Regions regions;
    private Path dataDir;
    private TestDatabase database;
    private Vpnd vpnd;

    public RunningVpnd() {
        this(PROVISIONING_DELAY);
    }

    /** A vpnd whose created or modified resources stay provisioning for {@code provisioningDelay}. */
    public RunningVpnd(Duration provisioningDelay) {
        this(provisioningDelay, RegionFile.defaults());
    }

    /** A vpnd serving the regions of {@code regions} instead of the default table. */
    public RunningVpnd(Duration provisioningDelay, Regions regions) {
        this.provisioningDelay = provisioningDelay;
        this.regions = regions;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("vpnd-test");
        database = TestDatabase.create(dataDir);
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        vpnd.close();
        database.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    public void restart() throws Exception {
        vpnd.close();
        start();
    }

    private void start() throws Exception {
        // The key ring of the test database, so that openDatabase() reads what this vpnd sealed.
        Path keyFile = dataDir.resolve(SecretKeys.DEFAULT_FILE_NAME);
        SecretKeys.replace(keyFile, List.of(database.key()));
        vpnd = Vpnd.start(new ServerConfig(dataDir, database.url(), "127.0.0.1", Map.of(), true, provisioningDelay,
                keyFile).withRegions(regions));
        liftDemoQuotas(vpnd.services().quotas());
    }

    /** Lets the demo and admin accounts hold the most an operator may allow of every kind. */
    public static void liftDemoQuotas(QuotaService quotas) {
        for (String account : new String[] {AccountService.DEMO_ACCOUNT, AccountService.ADMIN_ACCOUNT}) {
            for (QuotaKind kind : QuotaKind.values()) {
                quotas.set(account, kind, QuotaKind.MAX_LIMIT);
            }
        }
    }

    /**
     * Runs a {@code vpnd} command (such as {@code quota set ...}) as an operator would on this
     * server's host, against its database, while it runs; answers the exit code.
     */
    public int command(String... args) {
        var line = new ArrayList<>(List.of(args));
        line.addAll(List.of("--data", dataDir.toString(), "--secret-key-file",
                dataDir.resolve(SecretKeys.DEFAULT_FILE_NAME).toString()));
        if (database.url() != null) {
            line.addAll(List.of("--database", database.url()));
        }
        return new CommandLine(new Main()).execute(line.toArray(String[]::new));
    }

    /** {@code host:port} of the Alibaba listener, the form the SDKs take as their endpoint. */
    public String aliyunEndpoint() {
        return vpnd.endpoints().get("aliyun").substring("http://".length());
    }

    /** {@code host:port} of the Tencent listener, the form the SDKs take as their endpoint. */
    public String tencentEndpoint() {
        return vpnd.endpoints().get("tencent").substring("http://".length());
    }

    /** Dialect (and {@code admin}) to base URL. */
    public java.util.Map<String, String> endpoints() {
        return vpnd.endpoints();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Services services() {
        return vpnd.services();
    }

    /** A second connection to the database, to write what the services would refuse (data from older versions). */
    public dev.vpnd.store.JdbcStorage openDatabase() {
        return database.open();
    }
}
