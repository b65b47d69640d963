package dev.vpnd.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code serve} refuses before it opens anything. */
class ServeCommandTest {
    @TempDir
    Path data;

    private record Run(int exitCode, String errors) {
    }

    private Run serve(String... options) {
        var errors = new StringWriter();
        var commandLine = new CommandLine(new Main());
        commandLine.setErr(new PrintWriter(errors));
        var arguments = new java.util.ArrayList<>(java.util.List.of("serve", "--data", data.toString(),
                "--aliyun-port", "0", "--tencent-port", "0", "--keystone-port", "0", "--neutron-port", "0",
                "--admin-port", "0"));
        arguments.addAll(java.util.List.of(options));
        int exit = commandLine.execute(arguments.toArray(String[]::new));
        return new Run(exit, errors.toString());
    }

    @Test
    void theDemoStaysOnLoopbackUnlessAllowedByName() {
        var refused = serve("--demo", "--host", "0.0.0.0");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.errors()).contains("--demo").contains("0.0.0.0").contains("--allow-demo-on-network");
        assertThat(data.resolve("vpnd.db")).as("refused before the database opened").doesNotExist();
        assertThat(ServeCommand.loopback("127.0.0.1")).isTrue();
        assertThat(ServeCommand.loopback("::1")).isTrue();
        assertThat(ServeCommand.loopback("localhost")).isTrue();
        assertThat(ServeCommand.loopback("0.0.0.0")).isFalse();
        assertThat(ServeCommand.loopback("192.0.2.10")).isFalse();
    }

    /**
     * Serving without {@code --demo} does not remove what an earlier {@code --demo} stored: a
     * database whose published keys and passwords still work is refused on a non-loopback host
     * before anything binds.
     */
    @Test
    void aDatabaseTheDemoFilledStaysOnLoopbackUnlessAllowedByName() throws Exception {
        try (var once = dev.vpnd.server.Vpnd.start(new dev.vpnd.server.ServerConfig(data, null, "127.0.0.1",
                java.util.Map.of(), true, java.time.Duration.ZERO))) {
            assertThat(once.endpoints()).isNotEmpty();
        }
        var saved = System.err;
        var captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            var refused = serve("--host", "0.0.0.0");
            assertThat(refused.exitCode()).isEqualTo(1);
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("access key demo-access-key-id").contains("OpenStack user admin")
                .contains("--allow-demo-on-network");
    }

    @Test
    void tlsOptionsMustMakeSense() {
        var both = serve("--tls-self-signed", "--tls-cert", "cert.pem", "--tls-key", "key.pem");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.errors()).contains("--tls-self-signed excludes --tls-cert and --tls-key");
        var half = serve("--tls-cert", "cert.pem");
        assertThat(half.exitCode()).isEqualTo(2);
        assertThat(half.errors()).contains("--tls-cert and --tls-key go together");
        var badLimit = serve("--max-connections", "0");
        assertThat(badLimit.exitCode()).isEqualTo(2);
        assertThat(badLimit.errors()).contains("at least 1");
    }

    @Test
    void theMetricsTokenComesFromTheEnvironmentWhenNotGiven() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("VPND_METRICS_TOKEN") == null);
        var unset = new ServeCommand();
        new CommandLine(unset).parseArgs();
        assertThat(unset.metricsToken).isNull();
        var given = new ServeCommand();
        new CommandLine(given).parseArgs("--metrics-token", "t0ken");
        assertThat(given.metricsToken).isEqualTo("t0ken");
    }

    @Test
    void aRegionFileThatCannotWorkStopsTheStartInOneLine() throws Exception {
        var file = java.nio.file.Files.writeString(data.resolve("regions.json"),
                "[{\"id\": \"lab\", \"aliyun\": \"cn-beijing\"}]");
        var saved = System.err;
        var captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(serve("--regions", file.toString()).exitCode()).isEqualTo(1);
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("vpnd: regions file " + file
                + ": exactly one region needs an 'openstack' name (Keystone's catalog gives Neutron one region), "
                + "not 0" + System.lineSeparator());
        assertThat(data.resolve("vpnd.db")).as("refused before the database opened").doesNotExist();
    }

    @Test
    void unreadableTlsFilesStopTheStartWithTheirName() {
        var saved = System.err;
        var captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            var run = serve("--tls-cert", data.resolve("missing-cert.pem").toString(), "--tls-key",
                    data.resolve("missing-key.pem").toString());
            assertThat(run.exitCode()).isEqualTo(1);
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("vpnd: cannot read")
                .contains("missing-cert.pem");
    }
}
