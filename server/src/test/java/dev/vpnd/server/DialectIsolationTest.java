package dev.vpnd.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A dialect never imports another dialect (the shared skeleton in {@code server.dialect} itself is
 * theirs to use, and imports none of them), and only the HTTP adapter sees the HTTP library.
 */
class DialectIsolationTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/vpnd/server");
    /** An import from a dialect's package: a lowercase name after {@code dialect.}. */
    private static final Pattern OTHER_DIALECT =
            Pattern.compile("^import (static )?dev\\.vpnd\\.server\\.dialect\\.[a-z]");

    @Test
    void dialectsImportNoOtherDialect() throws IOException {
        var violations = new ArrayList<String>();
        try (Stream<Path> dialects = Files.list(SOURCES.resolve("dialect"))) {
            for (Path dialect : dialects.filter(Files::isDirectory).toList()) {
                String own = "dev.vpnd.server.dialect." + dialect.getFileName() + ".";
                for (Path file : javaFiles(dialect)) {
                    for (String line : Files.readAllLines(file)) {
                        if (OTHER_DIALECT.matcher(line).find() && !line.contains(own)) {
                            violations.add(file + ": " + line);
                        }
                    }
                }
            }
        }
        try (Stream<Path> shared = Files.list(SOURCES.resolve("dialect"))) {
            for (Path file : shared.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (OTHER_DIALECT.matcher(line).find()) {
                        violations.add(file + ": " + line);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyTheHttpAdapterSeesJetty() throws IOException {
        var violations = new ArrayList<String>();
        for (Path file : javaFiles(SOURCES)) {
            if (file.endsWith("HttpListener.java")) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("import org.eclipse.jetty")) {
                    violations.add(file + ": " + line);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
