package dev.vpnd.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The ping a probe runs, and what its exit says, on this host's loopback. */
class PingProbeTest {
    @Test
    void oneEchoFromTheSourceWithTheTimeoutInSeconds() {
        assertThat(PingProbe.here().command("10.1.0.1", "10.2.0.1", Duration.ofMillis(1500)))
                .containsExactly("ping", "-n", "-q", "-c", "1", "-W", "1.500", "-I", "10.1.0.1", "10.2.0.1");
        assertThat(PingProbe.inNamespace("vpnd-lab-gw").command("10.1.0.1", "10.2.0.1", Duration.ofMillis(10)))
                .startsWith("ip", "netns", "exec", "vpnd-lab-gw", "ping").contains("0.010");
    }

    @Test
    void anAnswerIsExitZeroAndASourceTheHostLacksIsNone() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ping")) || Files.isExecutable(Path.of("/bin/ping")),
                "iputils ping is not installed");
        var probe = PingProbe.here();
        assertThat(probe.answered("127.0.0.1", "127.0.0.1", Duration.ofSeconds(1))).isTrue();
        long started = System.nanoTime();
        assertThat(probe.answered("192.0.2.77", "127.0.0.1", Duration.ofMillis(200))).as("not this host's address")
                .isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
}
