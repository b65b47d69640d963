package dev.vpnd.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vpnd user create|list} as an operator runs them. */
class UserCommandTest {
    @TempDir
    Path dir;

    @Test
    void listShowsEveryUserOfTheAccountWithItsPolicyAndNoPassword() throws Exception {
        Path data = dir.resolve("data");
        var account = CliRun.run(data, "account", "create", "team-a", "--json");
        assertThat(account.exit()).isZero();
        String owner = account.json().at("/openstack/user").asText();
        assertThat(CliRun.run(data, "user", "create", "--account", "team-a", "--name", "auditor", "--reader").exit())
                .isZero();
        assertThat(CliRun.run(data, "account", "create", "team-b").exit()).isZero();

        var listed = CliRun.run(data, "user", "list", "--account", "team-a", "--json");
        assertThat(listed.exit()).as(listed.err()).isZero();
        JsonNode users = listed.json();
        assertThat(users.findValuesAsText("name")).containsExactlyInAnyOrder(owner, "auditor");
        for (JsonNode user : users) {
            assertThat(user.path("id").asText()).matches("[0-9a-f]{32}");
            assertThat(user.has("password")).isFalse();
            assertThat(user.path("role").asText()).isEqualTo("member");
            assertThat(user.path("allow")).extracting(JsonNode::asText)
                    .containsExactly(user.path("name").asText().equals("auditor") ? "get_*" : "*");
        }
        var plain = CliRun.run(data, "user", "list", "--account", "team-a");
        assertThat(plain.out()).contains("auditor", "allow get_*").doesNotContain("team-b");
    }

    @Test
    void anUnknownAccountIsSaid() {
        var run = CliRun.run(dir.resolve("data"), "user", "list", "--account", "nobody");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no account named 'nobody'");
    }
}
