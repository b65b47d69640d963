package dev.vpnd.agent.charon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * strongSwan's charon for the real-charon tests, installed with apt by
 * {@code src/test/strongswan/install-strongswan.sh} when it is missing and this machine can (root,
 * apt). When it cannot, or is not root (network namespaces need it), the tests are skipped with the
 * reason, unless {@code VPND_TEST_STRONGSWAN_REQUIRED=1} or {@code CI=true}: there a missing
 * strongSwan is a failure, so that CI never passes without having run a real tunnel.
 */
public final class StrongSwan {
    private static final Path INSTALLER = Path.of("src/test/strongswan/install-strongswan.sh").toAbsolutePath();
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
                Commands.Result result = Commands.run(List.of("sh", INSTALLER.toString()), Duration.ofMinutes(10));
                if (!result.ok()) {
                    unavailable = "strongSwan unavailable: " + result.lastLine();
                }
            }
        }
        if (unavailable != null) {
            unavailable(unavailable);
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
