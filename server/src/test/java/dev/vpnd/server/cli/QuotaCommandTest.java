package dev.vpnd.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.core.model.QuotaKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vpnd quota set} and {@code vpnd quota list} as an operator runs them, and what they refuse. */
class QuotaCommandTest {
    @TempDir
    Path data;

    /** Exit code, standard output, standard error. */
    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var previousOut = System.out;
        var previousErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            var line = new ArrayList<>(List.of(args));
            line.addAll(List.of("--data", data.toString()));
            int exit = new CommandLine(new Main()).execute(line.toArray(String[]::new));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(previousOut);
            System.setErr(previousErr);
        }
    }

    @Test
    void listShowsTheDefaultsUntilALimitIsSet() throws Exception {
        assertThat(run("account", "create", "team-q").exit()).isZero();
        var defaults = run("quota", "list", "--account", "team-q", "--json").json();
        assertThat(defaults.path("account").asText()).isEqualTo("team-q");
        assertThat(defaults.path("quotas")).hasSize(QuotaKind.values().length);
        var connections = defaults.path("quotas").get(QuotaKind.VPN_CONNECTION.ordinal());
        assertThat(connections.path("kind").asText()).isEqualTo("vpn-connection");
        assertThat(connections.path("limit").asLong()).isEqualTo(10);
        assertThat(connections.path("per").asText()).isEqualTo("VPN gateway");
        assertThat(connections.path("default").asBoolean()).isTrue();

        var set = run("quota", "set", "--account", "team-q", "--kind", "vpn-connection", "--limit", "25", "--json");
        assertThat(set.exit()).isZero();
        assertThat(set.json().path("quotas").get(0).path("limit").asLong()).isEqualTo(25);
        var after = run("quota", "list", "--account", "team-q", "--json").json().path("quotas");
        assertThat(after.get(QuotaKind.VPN_CONNECTION.ordinal()).path("limit").asLong()).isEqualTo(25);
        assertThat(after.get(QuotaKind.VPN_CONNECTION.ordinal()).path("default").asBoolean()).isFalse();
        assertThat(after.get(QuotaKind.VPC.ordinal()).path("default").asBoolean()).isTrue();

        var text = run("quota", "list", "--account", "team-q").out().lines().toList();
        assertThat(text).hasSize(QuotaKind.values().length);
        assertThat(text).anySatisfy(line -> assertThat(line.split("\\s+"))
                .containsExactly("vpn-connection", "25", "per", "VPN", "gateway"));
        assertThat(text).anySatisfy(line -> assertThat(line.split("\\s+"))
                .containsExactly("ipsec-site-connection", "100", "per", "project", "(default)"));
    }

    @Test
    void badKindsAccountsAndLimitsAreRefused() {
        assertThat(run("account", "create", "team-r").exit()).isZero();
        var kind = run("quota", "set", "--account", "team-r", "--kind", "vpn-connections", "--limit", "5");
        assertThat(kind.exit()).isEqualTo(2);
        assertThat(kind.err()).contains("unknown kind 'vpn-connections'")
                .contains(Arrays.stream(QuotaKind.values()).map(QuotaKind::cliName).toList().getLast());
        var account = run("quota", "set", "--account", "nobody", "--kind", "vpc", "--limit", "5");
        assertThat(account.exit()).isEqualTo(1);
        assertThat(account.err()).contains("no account named 'nobody'");
        assertThat(run("quota", "list", "--account", "nobody").exit()).isEqualTo(1);
        for (String limit : List.of("-1", "1000001")) {
            var refused = run("quota", "set", "--account", "team-r", "--kind", "vpc", "--limit", limit);
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("invalid limit '" + limit + "': from 0 to 1000000");
        }
        assertThat(run("quota", "set", "--account", "team-r", "--kind", "vpc", "--limit", "0").exit()).isZero();
    }
}
