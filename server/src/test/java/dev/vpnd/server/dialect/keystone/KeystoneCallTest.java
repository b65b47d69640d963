package dev.vpnd.server.dialect.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.http.WireRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keystone's routes: a path names a resource (else 404), the method picks the action (else 405). */
class KeystoneCallTest {

    private static KeystoneCall call(String method, String path) {
        return KeystoneCall.parse(new WireRequest(method, path, null, Map.of(), new byte[0], Instant.now(),
                "127.0.0.1"));
    }

    private static KeystoneActions action(String method, String path) {
        return KeystoneActions.TABLE.find(call(method, path).action()).orElse(null);
    }

    @Test
    void eachRouteAndMethodIsItsAction() {
        assertThat(action("GET", "/")).isEqualTo(KeystoneActions.VERSIONS);
        assertThat(action("GET", "/v3")).isEqualTo(KeystoneActions.VERSION);
        assertThat(action("GET", "/v3/")).isEqualTo(KeystoneActions.VERSION);
        assertThat(action("POST", "/v3/auth/tokens")).isEqualTo(KeystoneActions.ISSUE_TOKEN);
        assertThat(action("GET", "/v3/auth/tokens")).isEqualTo(KeystoneActions.CHECK_TOKEN);
        assertThat(action("HEAD", "/v3/auth/tokens")).isEqualTo(KeystoneActions.CHECK_TOKEN_HEAD);
        assertThat(action("DELETE", "/v3/auth/tokens")).isEqualTo(KeystoneActions.REVOKE_TOKEN);
    }

    @Test
    void aMethodTheResourceLacksIsNoAction() {
        assertThat(action("PUT", "/v3/auth/tokens")).isNull();
        assertThat(action("POST", "/v3")).isNull();
    }

    @Test
    void aPathThatNamesNoResourceIs404() {
        for (String path : new String[] {"/v3/auth", "/v3/auth/tokens/", "/v2.0", "/v3/users"}) {
            assertThatThrownBy(() -> call("GET", path)).as(path).isInstanceOfSatisfying(WireFault.class,
                    fault -> assertThat(fault.error()).isEqualTo(KeystoneError.NOT_FOUND));
        }
    }

    @Test
    void aStatusWithoutItsOwnErrorIsA400OrA500() {
        assertThat(KeystoneError.ofStatus(405)).isEqualTo(KeystoneError.METHOD_NOT_ALLOWED);
        assertThat(KeystoneError.ofStatus(413)).isEqualTo(KeystoneError.BAD_REQUEST);
        assertThat(KeystoneError.ofStatus(502)).isEqualTo(KeystoneError.INTERNAL);
    }
}
