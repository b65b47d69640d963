package dev.vpnd.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only vpnd's own user may read: the data directory (0700), the SQLite database with its
 * {@code -wal} and {@code -shm} files, and the secret key file (0600). A database file holds every
 * account's keys and tunnels' pre-shared keys (sealed, but still not for other users to copy). On a
 * file system without POSIX permissions nothing is changed.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} and any missing parents as 0700; a directory that exists is left as it is. */
    public static void createDirectories(Path dir) {
        Path absolute = dir.toAbsolutePath();
        try {
            if (Files.isDirectory(absolute)) {
                return;
            }
            if (posix(absolute)) {
                Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
                // The mode given to mkdir is masked by the umask; 0700 survives any usual umask, but say it.
                Files.setPosixFilePermissions(absolute, OWNER_ONLY_DIRECTORY);
            } else {
                Files.createDirectories(absolute);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory " + absolute, e);
        }
    }

    /**
     * Creates an empty 0600 file unless one exists, so that whatever later writes it (SQLite, which
     * gives its -wal and -shm files the database file's mode) never leaves it readable by others.
     */
    static void createEmpty(Path file) {
        try {
            if (posix(file.toAbsolutePath().getParent())) {
                Files.createFile(file, ownerOnlyFile());
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // Someone (another node, an earlier run) made it: restrict() narrows it if need be.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** Narrows an existing file to 0600 (files of older versions were made with the umask's mode). */
    public static void restrict(Path file) {
        try {
            if (Files.exists(file) && posix(file)
                    && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + file + " to its owner", e);
        }
    }

    static FileAttribute<Set<PosixFilePermission>> ownerOnlyFile() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE);
    }

    static boolean posix(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
