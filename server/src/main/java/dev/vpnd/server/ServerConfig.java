package dev.vpnd.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How one vpnd process runs: where its data lives (SQLite in {@code dataDir}, or the PostgreSQL
 * database {@code databaseUrl} when it is not null), the address its listeners bind (loopback unless
 * told otherwise), each listener's port by name ({@code aliyun}, {@code tencent}, {@code admin}; 0 or
 * absent picks a free one), how they face the network, and how long asynchronous work takes.
 */
public record ServerConfig(Path dataDir, String databaseUrl, String host, Map<String, Integer> ports,
        boolean demo, Duration provisioningDelay, ListenerSettings listening) {

    public ServerConfig {
        ports = Map.copyOf(ports);
    }

    /** A process with the default {@link ListenerSettings}. */
    public ServerConfig(Path dataDir, String databaseUrl, String host, Map<String, Integer> ports, boolean demo,
            Duration provisioningDelay) {
        this(dataDir, databaseUrl, host, ports, demo, provisioningDelay, ListenerSettings.DEFAULT);
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
