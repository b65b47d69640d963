package dev.vpnd.server.cli;

import dev.vpnd.store.JdbcStorage;
import dev.vpnd.store.SecretKeys;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data DIR}, {@code --database URL} and {@code --secret-key-file FILE}, shared by every
 * command that opens the database.
 */
public final class DataOption {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Directory of the SQLite database and endpoints.json (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database", paramLabel = "URL",
            description = "PostgreSQL database, e.g. postgresql://HOST:5432/DB?user=vpnd, shared by any number of "
                    + "vpnd nodes (default: SQLite in the data directory).")
    String database;

    @Option(names = "--secret-key-file", paramLabel = "FILE",
            description = "Key ring that seals secrets in the database, created (0600) when missing (default: "
                    + "$VPND_SECRET_KEY when set, else " + SecretKeys.DEFAULT_FILE_NAME
                    + " beside the data directory).")
    Path secretKeyFile;

    public Path dataDir() {
        return dataDir;
    }

    /** The PostgreSQL URL, or null for SQLite. */
    public String database() {
        return database == null || database.isBlank() ? null : database;
    }

    /** The file named by {@code --secret-key-file}, or null. */
    public Path secretKeyFile() {
        return secretKeyFile;
    }

    private Path sqliteFile() {
        return dataDir.resolve("vpnd.db");
    }

    SecretKeys.Ring secretKeys() {
        return SecretKeys.resolve(secretKeyFile, System.getenv(SecretKeys.ENVIRONMENT), dataDir,
                () -> JdbcStorage.recordedSealingKey(sqliteFile(), database()));
    }

    JdbcStorage openStorage() {
        return openStorage(secretKeys());
    }

    JdbcStorage openStorage(SecretKeys.Ring ring) {
        var cipher = ring.cipher();
        return database() == null ? JdbcStorage.sqlite(sqliteFile(), cipher)
                : JdbcStorage.postgres(database(), cipher);
    }
}
