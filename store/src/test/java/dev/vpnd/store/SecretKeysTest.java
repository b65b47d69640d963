package dev.vpnd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysTest {
    @TempDir
    Path dir;

    /** As for a database that records no sealing key yet. */
    private static SecretKeys.Ring resolve(Path file, String environmentValue, Path dataDir) {
        return SecretKeys.resolve(file, environmentValue, dataDir, Optional::empty);
    }

    @Test
    void noKeyIsMadeWhereTheDatabaseAlreadyRecordsOne() {
        Path dataDir = dir.resolve("vpnd").resolve("data");
        Path expected = dir.resolve("vpnd").resolve(SecretKeys.DEFAULT_FILE_NAME);
        for (Path named : java.util.Arrays.asList(null, dir.resolve("named.key"))) {
            assertThatThrownBy(() -> SecretKeys.resolve(named, null, dataDir, () -> Optional.of("0123456789abcdef")))
                    .isInstanceOf(SecretKeyException.class).hasMessageContaining("0123456789abcdef")
                    .hasMessageContaining("expected in " + (named == null ? expected : named.toAbsolutePath()));
            assertThat(named == null ? expected : named).doesNotExist();
        }
    }

    @Test
    void aKeyFileThatCannotBeMadeOrReadIsASecretKeyError() throws Exception {
        // Where the file would go is inside a plain file, so nothing can be created there (root included).
        Path plainFile = Files.writeString(dir.resolve("plain"), "not a directory");
        assertThatThrownBy(() -> resolve(null, null, plainFile.resolve("data")))
                .isInstanceOf(SecretKeyException.class)
                .hasMessageStartingWith("cannot create the secret key file "
                        + plainFile.resolve(SecretKeys.DEFAULT_FILE_NAME))
                .hasMessageContaining("--secret-key-file");
        Path directory = Files.createDirectories(dir.resolve("keys-dir"));
        assertThatThrownBy(() -> resolve(directory, null, dir)).isInstanceOf(SecretKeyException.class)
                .hasMessageStartingWith("cannot read the secret key file " + directory);
    }

    @Test
    void theDefaultFileIsCreatedOwnerOnlyBesideTheDataDirectoryAndKept() throws Exception {
        Path dataDir = dir.resolve("vpnd").resolve("data");
        var first = resolve(null, null, dataDir);

        Path file = dir.resolve("vpnd").resolve(SecretKeys.DEFAULT_FILE_NAME);
        assertThat(first.file()).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(first.keys()).hasSize(1);
        var second = resolve(null, null, dataDir);
        assertThat(second.cipher().currentKeyId()).isEqualTo(first.cipher().currentKeyId());
        assertThat(fileNames(file.getParent())).containsExactly(SecretKeys.DEFAULT_FILE_NAME);
    }

    @Test
    void aNamedFileWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        byte[] key = SecretCipher.newKey();
        String environment = Base64.getEncoder().encodeToString(key);
        Path named = dir.resolve("elsewhere").resolve("ring.key");

        var fromEnvironment = resolve(null, environment, dir.resolve("data"));
        assertThat(fromEnvironment.file()).isNull();
        assertThat(fromEnvironment.cipher().currentKeyId()).isEqualTo(SecretCipher.keyId(key));
        assertThat(dir.resolve(SecretKeys.DEFAULT_FILE_NAME)).doesNotExist();

        var fromFile = resolve(named, environment, dir.resolve("data"));
        assertThat(fromFile.file()).isEqualTo(named);
        assertThat(fromFile.cipher().currentKeyId()).isNotEqualTo(SecretCipher.keyId(key));
        assertThat(named).exists();
    }

    @Test
    void theEnvironmentTakesSeveralKeysTheSealingKeyFirst() {
        byte[] newer = SecretCipher.newKey();
        byte[] older = SecretCipher.newKey();
        var ring = resolve(null, SecretKeys.environmentValue(List.of(newer, older)), dir);
        assertThat(ring.cipher().currentKeyId()).isEqualTo(SecretCipher.keyId(newer));
        assertThat(ring.cipher().keyIds()).containsExactlyInAnyOrder(SecretCipher.keyId(newer),
                SecretCipher.keyId(older));
    }

    @Test
    void badKeysAreRefused() throws Exception {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> resolve(null, shortKey, dir)).isInstanceOf(SecretKeyException.class)
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> resolve(null, "not base64!", dir))
                .isInstanceOf(SecretKeyException.class);
        Path empty = dir.resolve("empty.key");
        Files.writeString(empty, "# only a comment\n\n");
        assertThatThrownBy(() -> resolve(empty, null, dir)).isInstanceOf(SecretKeyException.class)
                .hasMessageContaining("no key");
    }

    @Test
    void replacingKeepsTheFileOwnerOnly() throws Exception {
        Path file = dir.resolve(SecretKeys.DEFAULT_FILE_NAME);
        var ring = SecretKeys.loadOrCreate(file);
        var rotated = new ArrayList<byte[]>();
        rotated.add(SecretCipher.newKey());
        rotated.addAll(ring.keys());

        SecretKeys.replace(file, rotated);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        var reloaded = SecretKeys.loadOrCreate(file);
        assertThat(reloaded.cipher().currentKeyId()).isEqualTo(SecretCipher.keyId(rotated.getFirst()));
        assertThat(reloaded.cipher().keyIds()).contains(ring.cipher().currentKeyId());
    }

    @Test
    void processesCreatingTheFileAtOnceGetOneKey() throws Exception {
        Path file = dir.resolve("raced.key");
        try (var pool = Executors.newFixedThreadPool(8)) {
            var tasks = new ArrayList<Callable<String>>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> SecretKeys.loadOrCreate(file).cipher().currentKeyId());
            }
            var ids = new ArrayList<String>();
            for (Future<String> id : pool.invokeAll(tasks)) {
                ids.add(id.get());
            }
            assertThat(ids).containsOnly(SecretKeys.loadOrCreate(file).cipher().currentKeyId());
        }
        assertThat(fileNames(dir)).containsExactly("raced.key");
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
