package dev.vpnd.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One run of the vpnd command line on a data directory, as an operator types it: exit code and output. */
record CliRun(int exit, String out, String err) {

    static CliRun run(Path data, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var previousOut = System.out;
        var previousErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            var all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--data", data.toString()));
            int exit = new CommandLine(new Main()).execute(all.toArray(String[]::new));
            return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(previousOut);
            System.setErr(previousErr);
        }
    }

    JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out);
    }
}
