package dev.vpnd.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Listeners at their limits, together, stay within the process's open-file limit. */
class ConnectionLimitsTest {
    private static final ConnectionLimits WANTED = ConnectionLimits.DEFAULT;

    @Test
    void aLimitThatFitsIsKept() {
        assertThat(WANTED.fittedTo(1_048_576, 4, 64)).isSameAs(WANTED);
        assertThat(WANTED.fittedTo(4 * 4096 + 64 + ConnectionLimits.RESERVED_DESCRIPTORS, 4, 64)).isSameAs(WANTED);
    }

    @Test
    void aLimitThatDoesNotFitIsShared() {
        var fitted = WANTED.fittedTo(4096, 4, 64);
        assertThat(fitted.maxConnections()).isEqualTo((4096 - 64 - ConnectionLimits.RESERVED_DESCRIPTORS) / 4);
        assertThat(fitted.headerTimeout()).isEqualTo(WANTED.headerTimeout());
        assertThat(fitted.idleTimeout()).isEqualTo(WANTED.idleTimeout());
        assertThat(WANTED.fittedTo(100, 4, 64).maxConnections()).isEqualTo(1);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new ConnectionLimits(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectionLimits(1, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
