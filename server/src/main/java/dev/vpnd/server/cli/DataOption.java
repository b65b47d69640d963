package dev.vpnd.server.cli;

import dev.vpnd.store.JdbcStorage;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR} and {@code --database URL}, shared by every command that opens the database. */
public final class DataOption {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Directory of the SQLite database and endpoints.json (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database", paramLabel = "URL",
            description = "PostgreSQL database, e.g. postgresql://HOST:5432/DB?user=vpnd, shared by any number of "
                    + "vpnd nodes (default: SQLite in the data directory).")
    String database;

    public Path dataDir() {
        return dataDir;
    }

    /** The PostgreSQL URL, or null for SQLite. */
    public String database() {
        return database == null || database.isBlank() ? null : database;
    }

    JdbcStorage openStorage() {
        return database() == null ? JdbcStorage.sqlite(dataDir.resolve("vpnd.db")) : JdbcStorage.postgres(database());
    }
}
