package dev.vpnd.server;

import dev.vpnd.core.model.Regions;
import dev.vpnd.store.JdbcStorage;
import dev.vpnd.store.SecretKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How one vpnd process runs: where its data lives (SQLite in {@code dataDir}, or the PostgreSQL
 * database {@code databaseUrl} when it is not null), the address its listeners bind (loopback unless
 * told otherwise), each listener's port by name ({@code aliyun}, {@code tencent}, {@code keystone},
 * {@code neutron}, {@code agent}, {@code admin}; 0 or absent picks a free one), how they face the
 * network, how long asynchronous work takes, the file of the key ring that seals secrets (null:
 * {@code VPND_SECRET_KEY}, else the default file; see {@link SecretKeys}), and the region table the
 * dialects share ({@link RegionFile}).
 */
public record ServerConfig(Path dataDir, String databaseUrl, String host, Map<String, Integer> ports,
        boolean demo, Duration provisioningDelay, ListenerSettings listening, Path secretKeyFile, Regions regions) {

    public ServerConfig {
        ports = Map.copyOf(ports);
        Objects.requireNonNull(regions, "regions");
    }

    /** A process with the default {@link ListenerSettings}, key ring and regions. */
    public ServerConfig(Path dataDir, String databaseUrl, String host, Map<String, Integer> ports, boolean demo,
            Duration provisioningDelay) {
        this(dataDir, databaseUrl, host, ports, demo, provisioningDelay, ListenerSettings.DEFAULT, null);
    }

    /** A process facing the network as {@code listening}, with the default key ring and regions. */
    public ServerConfig(Path dataDir, String databaseUrl, String host, Map<String, Integer> ports, boolean demo,
            Duration provisioningDelay, ListenerSettings listening) {
        this(dataDir, databaseUrl, host, ports, demo, provisioningDelay, listening, null);
    }

    /** A process with the default {@link ListenerSettings} and regions, and the key ring in {@code secretKeyFile}. */
    public ServerConfig(Path dataDir, String databaseUrl, String host, Map<String, Integer> ports, boolean demo,
            Duration provisioningDelay, Path secretKeyFile) {
        this(dataDir, databaseUrl, host, ports, demo, provisioningDelay, ListenerSettings.DEFAULT, secretKeyFile);
    }

    /** A process with the default regions. */
    public ServerConfig(Path dataDir, String databaseUrl, String host, Map<String, Integer> ports, boolean demo,
            Duration provisioningDelay, ListenerSettings listening, Path secretKeyFile) {
        this(dataDir, databaseUrl, host, ports, demo, provisioningDelay, listening, secretKeyFile,
                RegionFile.defaults());
    }

    /** This process with the regions of {@code table}. */
    public ServerConfig withRegions(Regions table) {
        return new ServerConfig(dataDir, databaseUrl, host, ports, demo, provisioningDelay, listening, secretKeyFile,
                table);
    }

    /** The key ring this process seals secrets with. */
    public SecretKeys.Ring secretKeys() {
        return SecretKeys.resolve(secretKeyFile, System.getenv(SecretKeys.ENVIRONMENT), dataDir,
                () -> JdbcStorage.recordedSealingKey(databaseFile(), databaseUrl));
    }

    public int port(String listener) {
        return ports.getOrDefault(listener, 0);
    }

    public boolean sqlite() {
        return databaseUrl == null || databaseUrl.isBlank();
    }

    public Path databaseFile() {
        return dataDir.resolve("vpnd.db");
    }

    public Path endpointsFile() {
        return dataDir.resolve("endpoints.json");
    }
}
