package dev.vpnd.core.service;

import static dev.vpnd.core.service.CoreFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.model.User;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountServiceTest {
    private static final KeyShape LONG = new KeyShape("LK", 10, 30);
    private static final KeyShape SHORT = new KeyShape("S-", 4, 8);

    private final CoreFixture core = new CoreFixture();
    private final AccountService accounts = core.services.accounts();

    private List<String> accountNames() {
        return accounts.list().stream().map(Account::name).toList();
    }

    @Test
    void createMakesTheAccountAKeyOfEachShapeAndAUserWhosePasswordSignsIn() {
        var created = accounts.create("team-a", List.of(LONG, SHORT));
        assertThat(created.account().name()).isEqualTo("team-a");
        assertThat(created.keys()).hasSize(2);
        assertThat(created.keys().get(0).id()).matches("LK[A-Za-z0-9]{10}");
        assertThat(created.keys().get(0).secret().value()).matches("[A-Za-z0-9]{30}");
        assertThat(created.keys().get(1).id()).matches("S-[A-Za-z0-9]{4}");
        assertThat(created.keys()).allSatisfy(key -> {
            assertThat(key.accountId()).isEqualTo(created.account().id());
            assertThat(List.of(key.enabled(), key.readOnly(), key.hidesSecrets())).containsExactly(true, false,
                    false);
        });
        assertThat(accounts.keysOf("team-a")).containsExactlyElementsOf(created.keys());

        assertThat(created.login().userName()).isEqualTo("team-a");
        String password = created.login().password().value();
        assertThat(password).matches("[A-Za-z0-9]{24}");
        var session = core.services.identity().signIn(null, "team-a", password, null, null).orElseThrow().session();
        assertThat(session.project()).isEqualTo(created.account());
        assertThat(session.admin()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-lead", ".lead", "has space", "slash/name", "tab\tname", "é"})
    void createRefusesANameOutsideTheAllowedCharacters(String name) {
        assertThat(problem(() -> accounts.create(name))).isInstanceOfSatisfying(Problem.InvalidValue.class,
                p -> assertThat(p.field()).isEqualTo(Field.ACCOUNT_NAME));
        assertThat(accountNames()).containsExactly(CoreFixture.ACCOUNT_NAME);
    }

    @Test
    void aNameIsAtMostSixtyFourCharacters() {
        assertThat(accounts.create("a".repeat(64)).account().name()).hasSize(64);
        assertThat(problem(() -> accounts.create("b".repeat(65)))).isInstanceOfSatisfying(Problem.InvalidValue.class,
                p -> assertThat(p.field()).isEqualTo(Field.ACCOUNT_NAME));
        assertThat(problem(() -> accounts.create(null))).isInstanceOf(Problem.InvalidValue.class);
    }

    @Test
    void createRefusesATakenAccountName() {
        assertThat(problem(() -> accounts.create(CoreFixture.ACCOUNT_NAME)))
                .isEqualTo(new Problem.AlreadyExists(ResourceType.ACCOUNT, Field.ACCOUNT_NAME,
                        CoreFixture.ACCOUNT_NAME));
    }

    @Test
    void createRefusesANameAUserHasAndLeavesNoAccountBehind() {
        core.storage.write(s -> {
            s.identities().insertUser(new User("user-1", core.account.id(), "taken", new Secret("hash"), false,
                    core.clock.instant()));
            return null;
        });
        assertThat(problem(() -> accounts.create("taken", List.of(LONG))))
                .isEqualTo(new Problem.AlreadyExists(ResourceType.ACCOUNT, Field.USER_NAME, "taken"));
        assertThat(accountNames()).containsExactly(CoreFixture.ACCOUNT_NAME);
        assertThat(accounts.keysOf(CoreFixture.ACCOUNT_NAME)).isEmpty();
    }

    @Test
    void createKeyAddsAKeyOfTheShapeWithItsOptions() {
        var readOnly = accounts.createKey(CoreFixture.ACCOUNT_NAME, true, SHORT);
        var auditor = accounts.createKey(CoreFixture.ACCOUNT_NAME, true, true, LONG);
        assertThat(List.of(readOnly.readOnly(), readOnly.hidesSecrets())).containsExactly(true, false);
        assertThat(List.of(auditor.readOnly(), auditor.hidesSecrets())).containsExactly(true, true);
        assertThat(accounts.keysOf(CoreFixture.ACCOUNT_NAME)).containsExactly(readOnly, auditor);
        assertThat(accounts.findKey(auditor.id())).contains(auditor);
        assertThat(problem(() -> accounts.createKey("nobody", false, SHORT)))
                .isEqualTo(new Problem.NotFound(ResourceType.ACCOUNT, "nobody"));
        assertThat(problem(() -> accounts.keysOf("nobody")))
                .isEqualTo(new Problem.NotFound(ResourceType.ACCOUNT, "nobody"));
    }

    @Test
    void aDisabledKeyIsNotFoundUntilItIsEnabledAgain() {
        var key = accounts.createKey(CoreFixture.ACCOUNT_NAME, false, SHORT);
        assertThat(accounts.setKeyEnabled(CoreFixture.ACCOUNT_NAME, key.id(), false)).isTrue();
        assertThat(accounts.findKey(key.id())).isEmpty();
        assertThat(accounts.keysOf(CoreFixture.ACCOUNT_NAME)).extracting(AccessKey::enabled).containsExactly(false);
        assertThat(accounts.setKeyEnabled(CoreFixture.ACCOUNT_NAME, key.id(), true)).isTrue();
        assertThat(accounts.findKey(key.id())).contains(key);
        assertThat(accounts.setKeyEnabled(CoreFixture.ACCOUNT_NAME, "no-such-key", false)).isFalse();
    }

    @Test
    void anAccountChangesOnlyItsOwnKeys() {
        var theirs = accounts.create("other", List.of(SHORT)).keys().get(0);
        assertThat(accounts.setKeyEnabled(CoreFixture.ACCOUNT_NAME, theirs.id(), false)).isFalse();
        assertThat(accounts.deleteKey(CoreFixture.ACCOUNT_NAME, theirs.id())).isFalse();
        assertThat(accounts.findKey(theirs.id())).contains(theirs);

        assertThat(accounts.deleteKey("other", theirs.id())).isTrue();
        assertThat(accounts.findKey(theirs.id())).isEmpty();
        assertThat(accounts.deleteKey("other", theirs.id())).isFalse();
    }

    @Test
    void theDemoUsersFixedHashesMatchTheirPublishedPasswordsOnly() {
        assertThat(Passwords.matches(AccountService.DEMO_PASSWORD, AccountService.DEMO_PASSWORD_HASH)).isTrue();
        assertThat(Passwords.matches(AccountService.ADMIN_PASSWORD, AccountService.ADMIN_PASSWORD_HASH)).isTrue();
        assertThat(Passwords.matches(AccountService.ADMIN_PASSWORD, AccountService.DEMO_PASSWORD_HASH)).isFalse();
        assertThat(Passwords.matches("demo ", AccountService.DEMO_PASSWORD_HASH)).isFalse();
    }

    @Test
    void ensureDemoCreatesTheDemoAndAdminProjectsOnce() {
        accounts.ensureDemo(Map.of("more-demo-key", "more-demo-secret"));
        accounts.ensureDemo(Map.of("more-demo-key", "more-demo-secret"));
        // Listed by name.
        assertThat(accountNames()).containsExactly(CoreFixture.ACCOUNT_NAME, AccountService.ADMIN_ACCOUNT,
                AccountService.DEMO_ACCOUNT);
        assertThat(accounts.keysOf(AccountService.DEMO_ACCOUNT)).extracting(AccessKey::id)
                .containsExactly(AccountService.DEMO_KEY_ID, "more-demo-key");
        assertThat(accounts.findKey(AccountService.DEMO_KEY_ID).orElseThrow().secret().value())
                .isEqualTo(AccountService.DEMO_KEY_SECRET);

        var identity = core.services.identity();
        var demo = identity.signIn(null, AccountService.DEMO_USER, AccountService.DEMO_PASSWORD, null, null)
                .orElseThrow().session();
        assertThat(demo.project().name()).isEqualTo(AccountService.DEMO_ACCOUNT);
        assertThat(demo.admin()).isFalse();
        var admin = identity.signIn(null, AccountService.ADMIN_USER, AccountService.ADMIN_PASSWORD, null, null)
                .orElseThrow().session();
        assertThat(admin.project().name()).isEqualTo(AccountService.ADMIN_ACCOUNT);
        assertThat(admin.admin()).isTrue();
        assertThat(identity.usersOf(demo.project().id())).hasSize(1);
    }
}
