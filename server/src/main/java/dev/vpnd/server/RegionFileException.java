package dev.vpnd.server;

import java.nio.file.Path;

/** An operator's region file that vpnd cannot serve: the message names the file and the fault in one line. */
public final class RegionFileException extends Exception {
    public RegionFileException(Path file, String fault) {
        super("regions file " + file + ": " + fault);
    }
}
