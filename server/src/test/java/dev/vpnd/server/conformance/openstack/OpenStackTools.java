package dev.vpnd.server.conformance.openstack;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's OpenStack tools (openstack, neutron, tempest with neutron-tempest-plugin), installed by
 * {@code src/test/openstack/install-openstack-tools.sh} when this machine can (root and apt). When it
 * cannot, the tests that need them are skipped with the installer's reason, except on CI
 * ({@code CI=true}), which always runs them: there a missing tool is a failure.
 */
final class OpenStackTools {
    static final Path SCRIPTS = Path.of("src/test/openstack").toAbsolutePath();
    private static String unavailable;
    private static boolean checked;

    private OpenStackTools() {
    }

    /** Installs the tools once per JVM, or skips (fails on CI) the calling test. */
    static synchronized void require() {
        if (!checked) {
            checked = true;
            Result result = run(List.of("sh", SCRIPTS.resolve("install-openstack-tools.sh").toString()),
                    Map.of(), SCRIPTS, 900);
            if (result.exit() != 0) {
                String[] lines = (result.stdout() + result.stderr()).strip().split("\n", -1);
                unavailable = "openstack tools unavailable: " + lines[lines.length - 1];
            }
        }
        if (unavailable != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(unavailable + " (CI must run the OpenStack tests)");
            }
            Assumptions.abort(unavailable);
        }
    }

    record Result(int exit, String stdout, String stderr) {
    }

    /** Runs a command with only {@code env} (plus PATH and LANG) in its environment: no OS_* leaks in. */
    static Result run(List<String> command, Map<String, String> env, Path dir, long timeoutSeconds) {
        try {
            Path out = Files.createTempFile("vpnd-os", ".out");
            Path err = Files.createTempFile("vpnd-os", ".err");
            var builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            builder.environment().put("LANG", "C.UTF-8");
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("timed out after " + timeoutSeconds + " s: " + command);
            }
            var result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
