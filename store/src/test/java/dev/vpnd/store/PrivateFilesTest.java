package dev.vpnd.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.Account;
import dev.vpnd.core.port.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite database and the directory vpnd makes for it are its owner's alone. */
class PrivateFilesTest {
    @TempDir
    Path dir;

    private final SecretCipher cipher = SecretCipher.of(List.of(SecretCipher.newKey()));

    @Test
    void aNewDatabaseGetsAnOwnerOnlyDirectoryAndFiles() throws Exception {
        Path dataDir = dir.resolve("new").resolve("data");
        Path file = dataDir.resolve("vpnd.db");
        try (var storage = JdbcStorage.sqlite(file, cipher)) {
            storage.write((Stores s) -> {
                s.accounts().insert(new Account("a-1", "alice", Instant.now()));
                return null;
            });
            assertThat(mode(dataDir)).isEqualTo("rwx------");
            assertThat(mode(dataDir.getParent())).isEqualTo("rwx------");
            for (String name : List.of("vpnd.db", "vpnd.db-wal", "vpnd.db-shm")) {
                assertThat(dataDir.resolve(name)).exists();
                assertThat(mode(dataDir.resolve(name))).as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void filesOfAnOlderVersionAreNarrowedWhenOpened() throws Exception {
        Path file = dir.resolve("vpnd.db");
        try (var storage = JdbcStorage.sqlite(file, cipher)) {
            storage.write((Stores s) -> {
                s.accounts().insert(new Account("a-1", "alice", Instant.now()));
                return null;
            });
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Path wal = dir.resolve("vpnd.db-wal");
        Files.writeString(wal, "");
        Files.setPosixFilePermissions(wal, PosixFilePermissions.fromString("rw-rw-rw-"));

        try (var storage = JdbcStorage.sqlite(file, cipher)) {
            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(mode(wal)).isEqualTo("rw-------");
            assertThat(storage.read((Stores s) -> s.accounts().find("a-1"))).isPresent();
        }
    }

    @Test
    void anExistingDataDirectoryIsLeftAsItIs() throws Exception {
        Path dataDir = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-x---"));
        try (var storage = JdbcStorage.sqlite(dataDir.resolve("vpnd.db"), cipher)) {
            assertThat(mode(dataDir)).isEqualTo("rwxr-x---");
            assertThat(mode(dataDir.resolve("vpnd.db"))).isEqualTo("rw-------");
            assertThat(storage.read((Stores s) -> s.accounts().find("a-1"))).isEmpty();
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
