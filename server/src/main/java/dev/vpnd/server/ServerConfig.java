package dev.vpnd.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How one vpnd process runs: where its data lives (SQLite in {@code dataDir}, or the PostgreSQL
 * database {@code databaseUrl} when it is not null), the address its listeners bind (loopback unless
 * told otherwise), each dialect's port (0 picks a free one), and how long asynchronous work takes.
 */
public record ServerConfig(Path dataDir, String databaseUrl, String host, int aliyunPort, int adminPort,
        boolean demo, Duration provisioningDelay) {

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
