package dev.vpnd.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent's settings as the CLI hands them over, and its public address. */
class AgentSettingsTest {
    private static final URI SERVER = URI.create("http://127.0.0.1:8181/");

    @Test
    void theDefaultsAndTheTokenNeverPrinted() {
        var settings = AgentSettings.of(SERVER, "secret-token-value");
        assertThat(settings.vici()).isEqualTo(URI.create("unix:///run/charon.vici"));
        assertThat(settings.publicAddress()).isNull();
        assertThat(settings.retryMax()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.toString()).doesNotContain("secret-token-value");
    }

    @Test
    void whatTheAgentCannotUseIsRefusedAtOnce() {
        assertThatThrownBy(() -> AgentSettings.of(URI.create("ftp://vpnd/"), "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgentSettings.of(SERVER, "t").withVici(URI.create("tcp://127.0.0.1:4502")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgentSettings.of(SERVER, "t").withPublicAddress("gateway.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgentSettings.of(SERVER, "t").withRetryMax(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "0.0.0.0", "2001:db8::1", "::ffff:192.0.2.1"})
    void addressLiteralsAreTaken(String address) {
        assertThat(PublicAddress.literal(address)).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4/24", "2001:db8::g", ":::", ""})
    void anythingElseIsRefusedAndNeverResolved(String address) {
        assertThatThrownBy(() -> PublicAddress.literal(address)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDetectedAddressIsOneOfThisHostsOrTheReasonItHasNone() throws IOException {
        String address;
        try {
            address = PublicAddress.detect();
        } catch (IOException e) {
            assertThat(e.getMessage()).contains("name the gateway's public address");
            return;
        }
        assertThat(PublicAddress.literal(address)).isEqualTo(address);
        InetAddress local = InetAddress.getByName(address);
        assertThat(local.isAnyLocalAddress()).isFalse();
        assertThat(NetworkInterface.getByInetAddress(local)).as("an address of this host").isNotNull();
    }
}
