package dev.vpnd.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key ring that seals secrets comes from, in this order: the file named by
 * {@code --secret-key-file}; else {@code VPND_SECRET_KEY} (base64 of 32 bytes; during a rotation
 * several, comma-separated, the sealing key first); else {@value #DEFAULT_FILE_NAME} beside the data
 * directory (in its parent), so that a copy of the data directory alone does not carry the key. A
 * file that does not exist yet is created, 0600, with one new key, unless the database already
 * records a sealing key: then the key it needs is elsewhere, and a new one would only lock its
 * secrets away. Two nodes creating the file at once end up with the same one. A key file holds one
 * base64 key per line, the sealing key first; lines starting with {@code #} are comments. A file
 * that cannot be created or read is a {@link SecretKeyException} naming it and what to do.
 */
public final class SecretKeys {
    public static final String ENVIRONMENT = "VPND_SECRET_KEY";
    public static final String DEFAULT_FILE_NAME = "vpnd-secret.key";
    private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);
    private static final String HEADER = """
            # vpnd secret key ring: one base64 AES-256 key per line. The first seals new secrets, the
            # others only open secrets sealed before a rotation (docs/security.md, "Secrets at rest").
            """;
    /** No line of a key file or part of the variable is near this long; a larger file is not one. */
    private static final long MAX_FILE_BYTES = 64 * 1024;

    private SecretKeys() {
    }

    /** A ring as loaded: its keys (the sealing key first) and the file they came from (null: the environment). */
    public record Ring(List<byte[]> keys, Path file) {
        public Ring {
            keys = List.copyOf(keys);
        }

        public SecretCipher cipher() {
            return SecretCipher.of(keys);
        }

        /** Where the ring came from, for messages. */
        public String origin() {
            return file == null ? ENVIRONMENT : file.toString();
        }
    }

    /** {@value #DEFAULT_FILE_NAME} in the parent of {@code dataDir} (in {@code dataDir} when it has none). */
    public static Path defaultFile(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        return (parent == null ? absolute : parent).resolve(DEFAULT_FILE_NAME);
    }

    /**
     * The ring for a node or command: {@code file} when not null, else {@code environmentValue} when
     * not blank, else the default file of {@code dataDir}; a file is created when missing and the
     * database records no sealing key.
     *
     * @param databaseSealingKey the id of the key the database records as sealing its secrets, if
     *     any; asked only when the file is missing
     */
    public static Ring resolve(Path file, String environmentValue, Path dataDir,
            Supplier<Optional<String>> databaseSealingKey) {
        if (file != null) {
            return loadOrCreate(file, databaseSealingKey);
        }
        if (environmentValue != null && !environmentValue.isBlank()) {
            return new Ring(parse(List.of(environmentValue.split(",", -1)), ENVIRONMENT), null);
        }
        return loadOrCreate(defaultFile(dataDir), databaseSealingKey);
    }

    /** The ring in {@code file}, made with one new key first if the file does not exist. */
    public static Ring loadOrCreate(Path file) {
        return loadOrCreate(file, Optional::empty);
    }

    private static Ring loadOrCreate(Path file, Supplier<Optional<String>> databaseSealingKey) {
        if (!Files.exists(file)) {
            Optional<String> recorded = databaseSealingKey.get();
            if (recorded.isPresent()) {
                throw new SecretKeyException("the secrets in the database are sealed with key " + recorded.get()
                        + ", which was expected in " + file.toAbsolutePath() + "; that file does not exist. Give "
                        + "the key ring that holds the key (--secret-key-file FILE or " + ENVIRONMENT + "); a new "
                        + "key would not open them");
            }
            create(file, List.of(SecretCipher.newKey()));
        }
        return load(file);
    }

    static Ring load(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new SecretKeyException(file + " is too large to be a vpnd secret key file");
            }
            warnIfShared(file);
            return new Ring(parse(Files.readAllLines(file, StandardCharsets.US_ASCII), file.toString()), file);
        } catch (IOException e) {
            throw new SecretKeyException("cannot read the secret key file " + file + ": " + reason(e), e);
        }
    }

    /**
     * Writes {@code keys} (the sealing key first) to a new file, 0600, atomically: it appears whole
     * or not at all, and when another process created the file first, that one stays.
     */
    static void create(Path file, List<byte[]> keys) {
        Path absolute = file.toAbsolutePath();
        Path temp;
        try {
            PrivateFiles.createDirectories(absolute.getParent());
            temp = writeTemp(absolute, keys);
        } catch (UncheckedIOException e) {
            throw cannotCreate(absolute, e.getCause());
        }
        try {
            Files.createLink(absolute, temp);
            LOG.info("created the secret key file {}", absolute);
        } catch (FileAlreadyExistsException e) {
            // Created meanwhile by another node or command: theirs is the ring.
        } catch (UnsupportedOperationException | IOException e) {
            try {
                if (!Files.exists(absolute)) {
                    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException moveFailed) {
                throw cannotCreate(absolute, moveFailed);
            }
        } finally {
            deleteQuietly(temp);
        }
    }

    private static SecretKeyException cannotCreate(Path file, IOException cause) {
        return new SecretKeyException("cannot create the secret key file " + file + ": " + reason(cause)
                + "; give --secret-key-file FILE in a directory vpnd may write, or set " + ENVIRONMENT, cause);
    }

    /** What went wrong, in words: the JDK's file exceptions carry only the path as their message. */
    private static String reason(IOException e) {
        return switch (e) {
            case java.nio.file.AccessDeniedException denied -> "permission denied";
            case java.nio.file.NoSuchFileException missing -> "no such file or directory";
            case java.nio.file.FileSystemException other when other.getReason() != null -> other.getReason();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    /** Replaces the keys of an existing file, atomically, keeping it 0600. */
    public static void replace(Path file, List<byte[]> keys) {
        Path absolute = file.toAbsolutePath();
        Path temp = writeTemp(absolute, keys);
        try {
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write the secret key file " + absolute, e);
        }
    }

    /** {@code keys} as {@value #ENVIRONMENT} takes them. */
    public static String environmentValue(List<byte[]> keys) {
        var parts = new ArrayList<String>();
        keys.forEach(k -> parts.add(Base64.getEncoder().encodeToString(k)));
        return String.join(",", parts);
    }

    private static Path writeTemp(Path target, List<byte[]> keys) {
        var text = new StringBuilder(HEADER);
        keys.forEach(k -> text.append(Base64.getEncoder().encodeToString(k)).append('\n'));
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            if (PrivateFiles.posix(target.getParent())) {
                Files.createFile(temp, PrivateFiles.ownerOnlyFile());
            } else {
                Files.createFile(temp);
            }
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            return temp;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write a secret key file beside " + target, e);
        }
    }

    /** Base64 keys, the first the sealing key; blank and {@code #} lines skipped. */
    static List<byte[]> parse(List<String> lines, String origin) {
        var keys = new ArrayList<byte[]>();
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new SecretKeyException(origin + " holds a key that is not base64");
            }
            if (key.length != SecretCipher.KEY_BYTES) {
                throw new SecretKeyException(origin + " holds a key of " + key.length + " bytes; each must be "
                        + SecretCipher.KEY_BYTES + " (base64 of 32 random bytes, e.g. openssl rand -base64 32)");
            }
            keys.add(key);
        }
        if (keys.isEmpty()) {
            throw new SecretKeyException(origin + " holds no key");
        }
        return keys;
    }

    private static void warnIfShared(Path file) throws IOException {
        if (!PrivateFiles.posix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
            LOG.warn("the secret key file {} may be read by users other than its owner (chmod 600 it)", file);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("cannot delete {}", temp, e);
        }
    }
}
