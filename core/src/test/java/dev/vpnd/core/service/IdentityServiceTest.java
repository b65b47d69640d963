package dev.vpnd.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.User;
import dev.vpnd.core.port.Stores;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityServiceTest {
    private final CoreFixture core = new CoreFixture();
    private final IdentityService identity = core.services.identity();
    private final AccountService.Created team = core.services.accounts().create("team");
    private final String password = team.login().password().value();

    private User user() {
        return identity.usersOf(team.account().id()).get(0);
    }

    @Test
    void signInByNameOrIdIssuesATokenForTheUsersProject() {
        var issued = identity.signIn(null, "team", password, null, null).orElseThrow();
        assertThat(issued.token()).matches("[0-9a-f]{64}");
        assertThat(issued.toString()).doesNotContain(issued.token());
        var session = issued.session();
        assertThat(session.user()).isEqualTo(user());
        assertThat(session.project()).isEqualTo(team.account());
        assertThat(session.issuedAt()).isEqualTo(core.clock.instant());
        assertThat(session.expiresAt()).isEqualTo(core.clock.instant().plus(IdentityService.TOKEN_LIFETIME));
        assertThat(session.roles()).containsExactly("member", "reader");

        var byId = identity.signIn(user().id(), null, password, team.account().id(), "team").orElseThrow();
        assertThat(byId.session().user()).isEqualTo(user());
        assertThat(byId.token()).isNotEqualTo(issued.token());
    }

    @Test
    void aTokenIsStoredOnlyAsItsHash() {
        String token = identity.signIn(null, "team", password, null, null).orElseThrow().token();
        assertThat(core.storage.read((Stores s) -> s.identities().findToken(token))).isEmpty();
        assertThat(core.storage.read((Stores s) -> s.identities().findToken(IdentityService.sha256(token))))
                .isPresent();
    }

    @Test
    void signInFailsAlikeForAWrongPasswordAnUnknownUserOrAnotherProject() {
        assertThat(identity.signIn(null, "team", password + "x", null, null)).isEmpty();
        assertThat(identity.signIn(null, "team", null, null, null)).isEmpty();
        assertThat(identity.signIn(null, "nobody", password, null, null)).isEmpty();
        assertThat(identity.signIn("no-such-id", null, password, null, null)).isEmpty();
        assertThat(identity.signIn(null, null, password, null, null)).isEmpty();
        assertThat(identity.signIn(null, "team", password, core.account.id(), null)).isEmpty();
        assertThat(identity.signIn(null, "team", password, null, CoreFixture.ACCOUNT_NAME)).isEmpty();
        assertThat(core.storage.read((Stores s) -> s.identities().findUser(user().id()))).isPresent();
    }

    @Test
    void aTokenIsExchangedForOneThatExpiresWithIt() {
        var original = identity.signIn(null, "team", password, null, null).orElseThrow();
        core.clock.advance(Duration.ofMinutes(10));
        var exchanged = identity.exchange(original.token(), team.account().id(), "team").orElseThrow();
        assertThat(exchanged.token()).isNotEqualTo(original.token());
        assertThat(exchanged.session().user()).isEqualTo(user());
        assertThat(exchanged.session().project()).isEqualTo(team.account());
        assertThat(exchanged.session().issuedAt()).isEqualTo(core.clock.instant());
        assertThat(exchanged.session().expiresAt()).isEqualTo(original.session().expiresAt());
        assertThat(identity.validate(exchanged.token())).isPresent();

        assertThat(identity.exchange(original.token(), core.account.id(), null)).as("another project").isEmpty();
        assertThat(identity.exchange(original.token(), null, CoreFixture.ACCOUNT_NAME)).isEmpty();
        assertThat(identity.exchange("not-a-token", null, null)).isEmpty();
        assertThat(identity.exchange(null, null, null)).isEmpty();
        identity.revoke(original.token());
        assertThat(identity.exchange(original.token(), null, null)).as("revoked").isEmpty();
        core.clock.advance(Duration.ofMinutes(50));
        assertThat(identity.exchange(exchanged.token(), null, null)).as("expired with the original").isEmpty();
    }

    @Test
    void aTokenIsValidUntilItExpires() {
        String token = identity.signIn(null, "team", password, null, null).orElseThrow().token();
        assertThat(identity.validate(token).orElseThrow().project()).isEqualTo(team.account());
        core.clock.advance(IdentityService.TOKEN_LIFETIME.minus(Duration.ofMillis(1)));
        assertThat(identity.validate(token)).isPresent();
        core.clock.advance(Duration.ofMillis(1));
        assertThat(identity.validate(token)).isEmpty();
    }

    @Test
    void onlyAnIssuedTokenIsValid() {
        assertThat(identity.signIn(null, "team", password, null, null)).isPresent();
        for (String token : new String[] {null, "", "0".repeat(64)}) {
            assertThat(identity.validate(token)).isEmpty();
        }
    }

    @Test
    void aRevokedTokenIsNoLongerValid() {
        String token = identity.signIn(null, "team", password, null, null).orElseThrow().token();
        assertThat(identity.revoke(token)).isTrue();
        assertThat(identity.validate(token)).isEmpty();
        assertThat(identity.revoke(token)).isFalse();
        assertThat(identity.revoke(null)).isFalse();
    }

    @Test
    void anAdminHoldsEveryRole() {
        core.services.accounts().ensureDemo();
        var session = identity.signIn(null, AccountService.ADMIN_USER, AccountService.ADMIN_PASSWORD, null, null)
                .orElseThrow().session();
        assertThat(session.admin()).isTrue();
        assertThat(session.roles()).isEqualTo(List.of("admin", "member", "reader"));
    }

    @Test
    void projectFindsAnAccountById() {
        assertThat(identity.project(team.account().id())).contains(team.account());
        assertThat(identity.project("no-such-project")).isEmpty();
    }
}
