package dev.vpnd.agent.charon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system commands the real-charon harness needs ({@code ip}, {@code ping}, the installer). */
public final class Commands {
    private Commands() {
    }

    /** A finished command: its exit status and its output, stdout and stderr together. */
    public record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }

        /** The last line of the output: an installer's reason. */
        public String lastLine() {
            String[] lines = output.strip().split("\n", -1);
            return lines[lines.length - 1];
        }
    }

    public static Result run(List<String> command, Duration timeout) {
        try {
            Path out = Files.createTempFile("vpnd-cmd", ".out");
            try {
                var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
                builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
                builder.environment().put("LANG", "C.UTF-8");
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                    return new Result(-1, "timed out after " + timeout + ": " + command);
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code command} and fails with its output unless it exits 0. */
    public static String check(List<String> command) {
        Result result = run(command, Duration.ofSeconds(30));
        if (!result.ok()) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + result.exit() + ": "
                    + result.output().strip());
        }
        return result.output();
    }
}
