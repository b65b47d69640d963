package dev.vpnd.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package of vpnd depends, through any chain of imports, on itself: a cycle (say the server
 * package building the dialects while the dialects import its service registry) makes neither side
 * usable or testable alone. The graph is read from the import lines of the main sources of every
 * module, which is what the compiler sees; same-package references need no import and make no edge.
 */
class PackageCyclesTest {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    private static final Pattern IMPORT =
            Pattern.compile("(?m)^import (?:static )?(dev\\.vpnd(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void noPackageReachesItself() {
        Map<String, Set<String>> graph = graph(List.of(Path.of("src/main/java"), Path.of("../core/src/main/java"),
                Path.of("../store/src/main/java")));
        assertThat(graph).containsKeys("dev.vpnd.server", "dev.vpnd.server.cli", "dev.vpnd.server.dialect.aliyun");
        var cycles = new TreeSet<String>();
        for (String start : graph.keySet()) {
            List<String> path = pathBack(graph, start);
            if (path != null) {
                cycles.add(String.join(" -> ", path));
            }
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    /** A chain of imports from {@code start} back to itself, or null. Breadth first: the shortest. */
    private static List<String> pathBack(Map<String, Set<String>> graph, String start) {
        var cameFrom = new HashMap<String, String>();
        var queue = new ArrayList<>(graph.getOrDefault(start, Set.of()));
        queue.forEach(next -> cameFrom.put(next, start));
        var seen = new HashSet<>(queue);
        for (int i = 0; i < queue.size(); i++) {
            String at = queue.get(i);
            if (at.equals(start)) {
                var path = new ArrayList<String>();
                String step = start;
                do {
                    path.addFirst(step);
                    step = cameFrom.get(step);
                } while (!step.equals(start));
                path.addFirst(start);
                return path;
            }
            for (String next : graph.getOrDefault(at, Set.of())) {
                if (seen.add(next)) {
                    cameFrom.put(next, at);
                    queue.add(next);
                }
            }
        }
        return null;
    }

    private static Map<String, Set<String>> graph(List<Path> roots) {
        var graph = new HashMap<String, Set<String>>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                    String source = read(file);
                    var pkg = PACKAGE.matcher(source);
                    if (!pkg.find()) {
                        return;
                    }
                    var edges = graph.computeIfAbsent(pkg.group(1), k -> new HashSet<>());
                    var imports = IMPORT.matcher(source);
                    while (imports.find()) {
                        if (!imports.group(1).equals(pkg.group(1))) {
                            edges.add(imports.group(1));
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
