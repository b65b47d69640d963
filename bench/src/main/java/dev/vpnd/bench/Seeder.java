package dev.vpnd.bench;

import dev.vpnd.core.model.SecurityPolicy;
import dev.vpnd.core.model.RouteType;
import dev.vpnd.core.model.Initiation;
import dev.vpnd.core.model.DpdAction;
import dev.vpnd.core.algo.DhGroup;
import dev.vpnd.core.algo.Encryption;
import dev.vpnd.core.algo.IkeMode;
import dev.vpnd.core.algo.IkeVersion;
import dev.vpnd.core.algo.Integrity;
import dev.vpnd.core.model.BgpConfig;
import dev.vpnd.core.model.ChargeType;
import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.HealthCheck;
import dev.vpnd.core.model.IkeConfig;
import dev.vpnd.core.model.IpsecConfig;
import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.NegotiationStatus;
import dev.vpnd.core.model.NetworkType;
import dev.vpnd.core.model.ResourceState;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;
import dev.vpnd.core.model.VpnType;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.AccountService;
import dev.vpnd.core.service.ServiceSettings;
import dev.vpnd.server.RegionFile;
import dev.vpnd.store.JdbcStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fills a fresh data directory straight through the store (no HTTP, no per-row transaction): the
 * demo account, one VPC, the gateways, the customer gateways, then the connections in transactions
 * of {@value #BATCH}. Records are built the way the services build them (canonical UUID ids,
 * Alibaba's default IKE/IPsec settings, identities from the two gateways' addresses, a random PSK)
 * with a lifecycle that is already active. A marker file records the sizes so a later run with the
 * same sizes reuses the directory.
 */
public final class Seeder {
    /** The region the bench's Alibaba calls name. */
    public static final String REGION = "cn-hangzhou";
    /** Its id in vpnd's default region table, which the store keeps with each seeded record. */
    static final String REGION_ID = RegionFile.defaults().in(RegionFile.ALIYUN).id(REGION).orElseThrow();
    public static final String DATABASE = "vpnd.db";
    static final String MARKER = "bench-seed.properties";
    static final String IDS = "bench-ids.txt";
    static final int BATCH = 5_000;
    /** As many customer gateways as the issue asks for, or more when there are more connections per gateway. */
    static final int MIN_CUSTOMER_GATEWAYS = 100;
    static final List<String> ENVS = List.of("prod", "dev", "test");
    static final int TEAMS = 50;

    private static final char[] ALPHANUMERIC =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final IpsecConfig DEFAULT_IPSEC =
            new IpsecConfig(Encryption.AES_128, Integrity.MD5, DhGroup.MODP_1024, 86_400, 0);
    private static final BgpConfig DEFAULT_BGP = new BgpConfig(false, 45104, "", "", "", "");
    private static final HealthCheck DEFAULT_HEALTH_CHECK =
            new HealthCheck(false, "", "", 3000, 1000, 3, "revoke_route");

    private Seeder() {
    }

    public record Sizes(int connections, int gateways) {
        public Sizes {
            if (connections < 1 || gateways < 1) {
                throw new IllegalArgumentException("connections and gateways must be at least 1");
            }
        }

        public int customerGateways() {
            return Math.max(MIN_CUSTOMER_GATEWAYS, (connections + gateways - 1) / gateways);
        }
    }

    /** A seeded directory: canonical ids of its gateways and connections, in insertion order. */
    public record Seed(Path dir, Scope scope, Sizes sizes, List<String> gatewayIds, List<String> connectionIds,
            boolean reused, Duration took) {
        public Path databaseFile() {
            return dir.resolve(DATABASE);
        }
    }

    /** The tags of connection {@code i}: env cycles through {@link #ENVS}, team through t0..t49. */
    static List<Tag> tagsOf(int i) {
        return List.of(new Tag("env", ENVS.get(i % ENVS.size())), new Tag("team", "t" + (i / ENVS.size()) % TEAMS));
    }

    /** Reuses {@code dir} when it holds a seed of these sizes, seeds it when it holds no database, fails otherwise. */
    public static Seed prepare(Path dir, Sizes sizes) {
        return prepare(dir, null, sizes);
    }

    /**
     * {@code database}: a PostgreSQL URL (an empty database, or the one an earlier run seeded with the
     * same sizes and the same {@code dir}), or null for SQLite in {@code dir}.
     */
    public static Seed prepare(Path dir, String database, Sizes sizes) {
        Path marker = dir.resolve(MARKER);
        if (Files.exists(marker)) {
            Properties props = load(marker);
            if (String.valueOf(sizes.connections()).equals(props.getProperty("connections"))
                    && String.valueOf(sizes.gateways()).equals(props.getProperty("gateways"))) {
                return reuse(dir, database, sizes, props);
            }
            throw new IllegalStateException(dir + " holds a bench seed of " + props.getProperty("connections")
                    + " connections over " + props.getProperty("gateways")
                    + " gateways; pass the same sizes or an empty directory");
        }
        if (database == null && Files.exists(dir.resolve(DATABASE))) {
            throw new IllegalStateException(dir
                    + " holds a database that is not a bench seed; pass an empty directory");
        }
        if (database != null && holdsTables(database)) {
            throw new IllegalStateException(database + " already holds vpnd's tables, and " + dir + " no seed of it: "
                    + "pass an empty database, or the --data directory of the run that seeded it");
        }
        return seed(dir, database, sizes);
    }

    /**
     * PostgreSQL plans by statistics that autovacuum gathers only a while after a bulk load; without
     * them the first queries of the run pick scans that take seconds. Vacuuming also marks the pages
     * all-visible, without which index-only scans (a list's page of ids and revisions, its count)
     * still visit every row. An operator loading data in bulk runs the same.
     */
    private static void analyze(String database) {
        if (database == null) {
            return;
        }
        String url = database.startsWith("jdbc:") ? database : "jdbc:" + database;
        try (var connection = java.sql.DriverManager.getConnection(url);
                var statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE)");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("VACUUM (ANALYZE) after seeding failed", e);
        }
    }

    /** Whether the PostgreSQL database has vpnd's schema already (seeding it again would collide). */
    private static boolean holdsTables(String database) {
        String url = database.startsWith("jdbc:") ? database : "jdbc:" + database;
        try (var connection = java.sql.DriverManager.getConnection(url);
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT to_regclass('vpn_connections') IS NOT NULL")) {
            return result.next() && result.getBoolean(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read " + database, e);
        }
    }

    private static JdbcStorage open(Path dir, String database) {
        return database == null ? JdbcStorage.sqlite(dir.resolve(DATABASE)) : JdbcStorage.postgres(database);
    }

    static Seed seed(Path dir, Sizes sizes) {
        return seed(dir, null, sizes);
    }

    static Seed seed(Path dir, String database, Sizes sizes) {
        long started = System.nanoTime();
        var random = new SplittableRandom(20_261_122L);
        Instant now = Instant.now();
        // Creation times a millisecond apart, ending a minute ago, so every lifecycle is long over.
        Instant base = now.minusSeconds(60).minusMillis(sizes.connections() + sizes.gateways() + 1000L);
        var gatewayIds = new ArrayList<String>(sizes.gateways());
        var connectionIds = new ArrayList<String>(sizes.connections());
        Scope scope;
        try (var storage = open(dir, database)) {
            new AccountService(storage, ServiceSettings.defaults()).ensureDemo();
            scope = new Scope(demoAccountId(storage), REGION_ID);

            var gateways = new ArrayList<VpnGateway>(sizes.gateways());
            var customerGateways = new ArrayList<CustomerGateway>();
            storage.write(s -> {
                var vpc = new Vpc(newId(), s.vpcs().nextSerial(), scope, "bench-vpc", "", "10.0.0.0/8", false,
                        List.of(), "", active(base), base, List.of(), 1);
                s.vpcs().insert(vpc, "");
                for (int g = 0; g < sizes.gateways(); g++) {
                    Instant created = base.plusMillis(g);
                    // 100.64.0.0/10 like GatewayService, but distinct per gateway.
                    String ip = "100." + (64 + (g >>> 16 & 0x3f)) + "." + (g >>> 8 & 0xff) + "." + (g & 0xff);
                    var gateway = new VpnGateway(newId(), s.gateways().nextSerial(), scope, vpc.id(), "",
                            "bench-gw-" + g, "", 10, NetworkType.PUBLIC, VpnType.INTERNATIONAL, true, false, 5,
                            ChargeType.POSTPAID, ip, "", 0,
                            active(created), created, List.of(), 1);
                    s.gateways().insert(gateway, "");
                    gateways.add(gateway);
                }
                for (int c = 0; c < sizes.customerGateways(); c++) {
                    // 198.18.0.0/15 is set aside for benchmarks (RFC 2544); unique addresses as the service demands.
                    String ip = "198." + (18 + (c >>> 16 & 1)) + "." + (c >>> 8 & 0xff) + "." + (c & 0xff);
                    var cgw = new CustomerGateway(newId(), s.customerGateways().nextSerial(), scope,
                            "bench-cgw-" + c, "", ip, 65000, "", base, List.of(), 1);
                    s.customerGateways().insert(cgw, "");
                    customerGateways.add(cgw);
                }
                return null;
            });
            gateways.forEach(g -> gatewayIds.add(g.id()));

            for (int from = 0; from < sizes.connections(); from += BATCH) {
                int start = from;
                int end = Math.min(sizes.connections(), from + BATCH);
                storage.write(s -> {
                    for (int i = start; i < end; i++) {
                        // Connection i joins gateway i mod G and customer gateway i div G: every
                        // (gateway, customer gateway) pair at most once, as ConnectionService enforces.
                        int g = i % sizes.gateways();
                        VpnGateway gateway = gateways.get(g);
                        int c = i / sizes.gateways();
                        var connection = connection(newId(), s.connections().nextSerial(), scope, gateway,
                                customerGateways.get(c), i, g, c,
                                base.plusMillis(sizes.gateways() + i), psk(random));
                        s.connections().insert(connection, "");
                        s.tags().put(scope, ResourceType.VPN_CONNECTION, connection.id(), connection.tags());
                        connectionIds.add(connection.id());
                    }
                    return null;
                });
            }
        }
        writeIds(dir, gatewayIds, connectionIds);
        analyze(database);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        var props = new Properties();
        props.setProperty("connections", String.valueOf(sizes.connections()));
        props.setProperty("gateways", String.valueOf(sizes.gateways()));
        props.setProperty("customerGateways", String.valueOf(sizes.customerGateways()));
        props.setProperty("seededAt", now.toString());
        props.setProperty("seedMillis", String.valueOf(took.toMillis()));
        // Written last, so its presence means the seed is complete.
        store(dir.resolve(MARKER), props);
        return new Seed(dir, scope, sizes, gatewayIds, connectionIds, false, took);
    }

    /**
     * The database's size in bytes: SQLite's file with its write-ahead log, or what PostgreSQL
     * reports for the database ({@code pg_database_size}); empty when it cannot be read.
     */
    public static Optional<Long> databaseSize(Seed seed, String database) {
        try {
            if (database == null) {
                long bytes = 0;
                for (String suffix : List.of("", "-wal")) {
                    Path file = seed.dir().resolve(DATABASE + suffix);
                    bytes += Files.exists(file) ? Files.size(file) : 0;
                }
                return Optional.of(bytes);
            }
            String url = database.startsWith("jdbc:") ? database : "jdbc:" + database;
            try (var connection = java.sql.DriverManager.getConnection(url);
                    var statement = connection.createStatement();
                    var rs = statement.executeQuery("SELECT pg_database_size(current_database())")) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (IOException | java.sql.SQLException e) {
            return Optional.empty();
        }
    }

    /** The seeded gateways' serials, in the order of {@link Seed#gatewayIds()}: Tencent's legacy API's ids. */
    public static List<Long> gatewaySerials(Seed seed, String database) {
        try (var storage = open(seed.dir(), database)) {
            return storage.read(s -> seed.gatewayIds().stream()
                    .map(id -> s.gateways().find(seed.scope(), id).orElseThrow().serial()).toList());
        }
    }

    private static String demoAccountId(JdbcStorage storage) {
        return storage.read(s -> s.accounts().findByName(AccountService.DEMO_ACCOUNT)).orElseThrow().id();
    }

    private static VpnConnection connection(String id, long serial, Scope scope, VpnGateway gateway,
            CustomerGateway cgw, int i,
            int g, int c, Instant created, String psk) {
        var ike = new IkeConfig(IkeVersion.V1, IkeMode.MAIN, Encryption.AES_128, Integrity.MD5, DhGroup.MODP_1024,
                86_400, gateway.internetIp(), cgw.ipAddress(), new Secret(psk));
        String local = "10." + (g >>> 8 & 0xff) + "." + (g & 0xff) + ".0/24";
        String remote = "192.168." + (c & 0xff) + ".0/24";
        var policies = List.of(new SecurityPolicy(List.of(local), List.of(remote)));
        return new VpnConnection(id, serial, scope, gateway.vpcId(), gateway.id(), cgw.id(), "bench-conn-" + i,
                policies, Initiation.ON_TRAFFIC, true, 30, DpdAction.CLEAR, true, true, RouteType.STATIC, ike,
                DEFAULT_IPSEC, DEFAULT_BGP, DEFAULT_HEALTH_CHECK, "", false, List.of(),
                NegotiationStatus.IKE_SA_NOT_ESTABLISHED, active(created), created, tagsOf(i), 1);
    }

    /** Provisioning that finished a second after creation, as with the default provisioning delay. */
    private static Lifecycle active(Instant created) {
        return new Lifecycle(ResourceState.PROVISIONING, created.plusSeconds(1));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static String psk(SplittableRandom random) {
        var out = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            out.append(ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)]);
        }
        return out.toString();
    }

    private static Seed reuse(Path dir, String database, Sizes sizes, Properties props) {
        var gatewayIds = new ArrayList<String>(sizes.gateways());
        var connectionIds = new ArrayList<String>(sizes.connections());
        try (var lines = Files.lines(dir.resolve(IDS), StandardCharsets.US_ASCII)) {
            lines.forEach(line -> {
                if (line.startsWith("g ")) {
                    gatewayIds.add(line.substring(2));
                } else if (line.startsWith("c ")) {
                    connectionIds.add(line.substring(2));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (gatewayIds.size() != sizes.gateways() || connectionIds.size() != sizes.connections()) {
            throw new IllegalStateException(dir.resolve(IDS) + " does not match " + dir.resolve(MARKER));
        }
        String accountId;
        try (var storage = open(dir, database)) {
            accountId = demoAccountId(storage);
        }
        return new Seed(dir, new Scope(accountId, REGION_ID), sizes, gatewayIds, connectionIds, true,
                Duration.ofMillis(Long.parseLong(props.getProperty("seedMillis", "0"))));
    }

    private static void writeIds(Path dir, List<String> gatewayIds, List<String> connectionIds) {
        var text = new StringBuilder((gatewayIds.size() + connectionIds.size()) * 40);
        gatewayIds.forEach(id -> text.append("g ").append(id).append('\n'));
        connectionIds.forEach(id -> text.append("c ").append(id).append('\n'));
        try {
            Files.writeString(dir.resolve(IDS), text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Path file) {
        var props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    private static void store(Path file, Properties props) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                props.store(out, "vpnd bench seed; delete this directory to seed afresh");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
