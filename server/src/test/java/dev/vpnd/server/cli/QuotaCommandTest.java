package dev.vpnd.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpnd.core.model.QuotaKind;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vpnd quota set} and {@code vpnd quota list} as an operator runs them, and what they refuse. */
class QuotaCommandTest {
    @TempDir
    Path data;

    private CliRun run(String... args) {
        return CliRun.run(data, args);
    }

    @Test
    void listShowsTheDefaultsUntilALimitIsSet() throws Exception {
        assertThat(run("account", "create", "team-q").exit()).isZero();
        var defaults = run("quota", "list", "--account", "team-q", "--json").json();
        assertThat(defaults.path("account").asText()).isEqualTo("team-q");
        // One row per kind, in the order the kinds are declared.
        assertThat(defaults.path("quotas").valueStream().map(q -> q.path("kind").asText()).toList())
                .containsExactlyElementsOf(Arrays.stream(QuotaKind.values()).map(QuotaKind::cliName).toList());
        var connections = quota(defaults.path("quotas"), QuotaKind.VPN_CONNECTION);
        assertThat(connections.path("limit").asLong()).isEqualTo(10);
        assertThat(connections.path("per").asText()).isEqualTo("VPN gateway");
        assertThat(connections.path("default").asBoolean()).isTrue();

        var set = run("quota", "set", "--account", "team-q", "--kind", "vpn-connection", "--limit", "25", "--json");
        assertThat(set.exit()).isZero();
        assertThat(set.json().path("quotas").get(0).path("limit").asLong()).isEqualTo(25);
        var after = run("quota", "list", "--account", "team-q", "--json").json().path("quotas");
        assertThat(quota(after, QuotaKind.VPN_CONNECTION).path("limit").asLong()).isEqualTo(25);
        assertThat(quota(after, QuotaKind.VPN_CONNECTION).path("default").asBoolean()).isFalse();
        assertThat(quota(after, QuotaKind.VPC).path("default").asBoolean()).isTrue();

        var text = run("quota", "list", "--account", "team-q").out().lines().toList();
        assertThat(text).hasSize(QuotaKind.values().length);
        assertThat(text).anySatisfy(line -> assertThat(line.split("\\s+"))
                .containsExactly("vpn-connection", "25", "per", "VPN", "gateway"));
        assertThat(text).anySatisfy(line -> assertThat(line.split("\\s+"))
                .containsExactly("ipsec-site-connection", "100", "per", "project", "(default)"));
    }

    private static JsonNode quota(JsonNode quotas, QuotaKind kind) {
        return quotas.valueStream().filter(q -> q.path("kind").asText().equals(kind.cliName())).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + kind.cliName() + " in " + quotas));
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
