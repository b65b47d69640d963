package dev.vpnd.server.dialect.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.dialect.WireFault;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The auth body: who signs in with which method, in which project, and what is refused before anything is checked. */
class AuthRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AuthRequest parse(String body) throws IOException {
        return AuthRequest.parse(JSON.readTree(body));
    }

    private static WireFault refusal(String body) throws IOException {
        JsonNode json = JSON.readTree(body);
        try {
            AuthRequest.parse(json);
        } catch (WireFault fault) {
            return fault;
        }
        throw new AssertionError(body + " was accepted");
    }

    @Test
    void aUserByNameInProjectByName() throws IOException {
        var auth = parse("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "alice",
                "domain": {"name": "Default"}, "password": "pw"}}},
                "scope": {"project": {"name": "demo", "domain": {"id": "default"}}}}}""");
        assertThat(auth).isEqualTo(new PasswordAuth(null, "alice", "pw", null, "demo"));
    }

    @Test
    void aUserByIdInProjectById() throws IOException {
        var auth = parse("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"id": "usr-1",
                "password": "pw"}}}, "scope": {"project": {"id": "acc-1"}}}}""");
        assertThat(auth).isEqualTo(new PasswordAuth("usr-1", null, "pw", "acc-1", null));
    }

    @Test
    void withoutAScopeTheProjectIsNotNamed() throws IOException {
        var auth = parse("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "alice",
                "password": "pw"}}}}}""");
        assertThat(auth.projectId()).isNull();
        assertThat(auth.projectName()).isNull();
    }

    @Test
    void valuesThatAreNotStringsAreNotGiven() throws IOException {
        var auth = parse("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": 5,
                "password": ["pw"]}}}}}""");
        assertThat(((PasswordAuth) auth).userName()).isNull();
        assertThat(((PasswordAuth) auth).password()).isNull();
    }

    @Test
    void aBodyWithoutIdentityIsA400() throws IOException {
        for (String body : new String[] {"{}", "{\"auth\": {}}", "{\"auth\": {\"identity\": []}}"}) {
            var fault = refusal(body);
            assertThat(fault.error()).as(body).isEqualTo(KeystoneError.BAD_REQUEST);
            assertThat(fault.getMessage()).as(body).startsWith("Expecting to find identity in auth.");
        }
    }

    @Test
    void aTokenIsExchangedForOneInTheProjectNamed() throws IOException {
        var auth = parse("""
                {"auth": {"identity": {"methods": ["token"], "token": {"id": "t-1"}},
                "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}}""");
        assertThat(auth).isEqualTo(new TokenAuth("t-1", null, "demo"));
        assertThat(auth.toString()).doesNotContain("t-1");
    }

    @Test
    void aTokenMethodWithoutItsIdIsA400() throws IOException {
        var fault = refusal("""
                {"auth": {"identity": {"methods": ["token"], "token": {}}}}""");
        assertThat(fault.error()).isEqualTo(KeystoneError.BAD_REQUEST);
        assertThat(fault.getMessage()).startsWith("Expecting to find id in token.");
    }

    @Test
    void withBothMethodsThePasswordIsChecked() throws IOException {
        assertThat(parse("""
                {"auth": {"identity": {"methods": ["token", "password"], "token": {"id": "t-1"},
                "password": {"user": {"name": "alice", "password": "pw"}}}}}""")).isInstanceOf(PasswordAuth.class);
    }

    @Test
    void aMethodVpndHasNotIs401() throws IOException {
        for (String method : new String[] {"totp", "application_credential", ""}) {
            var fault = refusal("""
                    {"auth": {"identity": {"methods": ["%s"]}}}""".formatted(method));
            assertThat(fault.error()).as(method).isEqualTo(KeystoneError.UNAUTHORIZED);
        }
    }

    @Test
    void aPasswordNeverPrints() throws IOException {
        assertThat(parse("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "alice",
                "password": "s3cret-pw"}}}}}""").toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void anotherDomainIs401AsAWrongPasswordIs() throws IOException {
        assertThat(refusal("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "alice",
                "domain": {"name": "Other"}, "password": "pw"}}}}}""").error()).isEqualTo(KeystoneError.UNAUTHORIZED);
        assertThat(refusal("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "alice",
                "password": "pw"}}}, "scope": {"project": {"name": "demo", "domain": {"id": "d2"}}}}}""").error())
                .isEqualTo(KeystoneError.UNAUTHORIZED);
    }

    @Test
    void aThrottledSignInSaysWhenToRetry() {
        var fault = PasswordAuth.throttled(7);
        assertThat(fault.status()).isEqualTo(401);
        assertThat(fault.headers()).containsEntry("Retry-After", "7");
    }

    @Test
    void theThrottleCountsAUserByIdWhetherNamedByIdOrByName() {
        var byId = new PasswordAuth("usr-1", null, "pw", null, null);
        var byName = new PasswordAuth(null, "alice", "pw", null, null);
        assertThat(byId.throttleKey(name -> Optional.of("other"))).isEqualTo("id:usr-1");
        assertThat(byName.throttleKey(name -> name.equals("alice") ? Optional.of("usr-1") : Optional.empty()))
                .isEqualTo("id:usr-1");
    }

    @Test
    void theThrottleCountsAnUnknownNameByName() {
        assertThat(new PasswordAuth(null, "mallory", "pw", null, null).throttleKey(name -> Optional.empty()))
                .isEqualTo("name:mallory");
        assertThat(new PasswordAuth(null, null, "pw", null, null).throttleKey(name -> Optional.empty()))
                .isEqualTo("name:");
    }
}
