package dev.vpnd.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireRequestTest {
    private static WireRequest request(String method, String body) {
        return new WireRequest(method, "/v2.0/vpn/ikepolicies", null, Map.of(), body.getBytes(StandardCharsets.UTF_8),
                Instant.now(), "127.0.0.1");
    }

    @Test
    void onlyGetAndHeadWithoutABodyAreSafe() {
        assertThat(request("GET", "").safeWithoutBody()).isTrue();
        assertThat(request("HEAD", "").safeWithoutBody()).isTrue();
        assertThat(request("GET", "{}").safeWithoutBody()).isFalse();
        assertThat(request("POST", "").safeWithoutBody()).isFalse();
        assertThat(request("DELETE", "").safeWithoutBody()).isFalse();
    }
}
