package dev.vpnd.agent.charon;

import dev.vpnd.agent.lab.Commands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;

/**
 * strongSwan's charon for the real-charon tests, installed with apt by
 * {@code src/test/strongswan/install-strongswan.sh} when it is missing and this machine can (root,
 * apt). When it cannot, or is not root (network namespaces need it), the tests are skipped with the
 * reason, unless {@code VPND_TEST_STRONGSWAN_REQUIRED=1} or {@code CI=true}: there a missing
 * strongSwan is a failure, so that CI never passes without having run a real tunnel.
 *
 * <p>The installer is read from the class path ({@code strongswan/} of the agent's test jar), so the
 * server's real-tunnel tests use this class as they are, from the server module's directory.
 */
public final class StrongSwan {
    private static final String INSTALLER = "/strongswan/install-strongswan.sh";
    private static String unavailable;
    private static boolean checked;

    private StrongSwan() {
    }

    /** Whether a missing strongSwan fails the tests instead of skipping them. */
    public static boolean required() {
        return "1".equals(System.getenv("VPND_TEST_STRONGSWAN_REQUIRED")) || "true".equals(System.getenv("CI"));
    }

    /** Installs strongSwan once per JVM, or skips (fails, when required) the calling test. */
    public static synchronized void require() {
        if (!checked) {
            checked = true;
            if (!"0".equals(Commands.run(List.of("id", "-u"), Duration.ofSeconds(10)).output().strip())) {
                unavailable = "the real-charon tests need root (network namespaces)";
            } else {
                Commands.Result result = install();
                if (!result.ok()) {
                    unavailable = "strongSwan unavailable: " + result.lastLine();
                }
            }
        }
        if (unavailable != null) {
            unavailable(unavailable);
        }
    }

    /** Runs the installer, copied out of the class path for {@code sh}. */
    private static Commands.Result install() {
        try (InputStream script = Objects.requireNonNull(StrongSwan.class.getResourceAsStream(INSTALLER),
                INSTALLER)) {
            Path copy = Files.createTempFile("install-strongswan", ".sh");
            try {
                Files.copy(script, copy, StandardCopyOption.REPLACE_EXISTING);
                return Commands.run(List.of("sh", copy.toString()), Duration.ofMinutes(10));
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the calling test with {@code reason}, or fails it when strongSwan is required. */
    public static void unavailable(String reason) {
        if (required()) {
            throw new AssertionError(reason + " (VPND_TEST_STRONGSWAN_REQUIRED or CI: the real-charon tests must run)");
        }
        // Surefire shows a class skipped in @BeforeAll without its reason, so it is printed too.
        System.err.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }
}
