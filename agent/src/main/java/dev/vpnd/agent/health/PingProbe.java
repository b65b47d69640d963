package dev.vpnd.agent.health;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A probe as iputils' {@code ping -n -q -c 1 -W <timeout> -I <source> <destination>}, one process per
 * probe: Java has no raw ICMP socket (and {@code InetAddress.isReachable} chooses its own source
 * address), while the agent runs as root beside charon, where {@code ping} is at hand and binds the
 * source address itself (docs/agent.md, "Health checks"). Exit status 0 is an answer; anything else
 * (no answer, a source address the host does not hold, no route) is none. Output is discarded.
 */
public final class PingProbe implements Probe {
    private static final Logger LOG = LoggerFactory.getLogger(PingProbe.class);
    /** How long a ping may outlive its own timeout (process start, exit) before it is killed. */
    private static final long GRACE_MILLIS = 2_000;
    private static final File NO_INPUT = new File("/dev/null");

    private final List<String> prefix;
    private final AtomicBoolean warned = new AtomicBoolean();

    private PingProbe(List<String> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    /** Pings from the agent's own network namespace: the agent beside charon on a gateway host. */
    public static PingProbe here() {
        return new PingProbe(List.of());
    }

    /** Pings from the network namespace {@code namespace} ({@code ip netns exec}): charon's in the lab. */
    public static PingProbe inNamespace(String namespace) {
        return new PingProbe(List.of("ip", "netns", "exec", namespace));
    }

    /** The command of one probe. */
    List<String> command(String source, String destination, Duration timeout) {
        var command = new ArrayList<>(prefix);
        command.addAll(List.of("ping", "-n", "-q", "-c", "1", "-W",
                String.format(Locale.ROOT, "%.3f", timeout.toMillis() / 1000.0), "-I", source, destination));
        return command;
    }

    @Override
    public boolean answered(String source, String destination, Duration timeout) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command(source, destination, timeout)).redirectErrorStream(true)
                    .redirectOutput(Redirect.DISCARD).redirectInput(Redirect.from(NO_INPUT))
                    .start();
        } catch (IOException e) {
            if (!warned.getAndSet(true)) {
                LOG.warn("health checks cannot run ping ({}); every probe counts as unanswered", e.getMessage());
            }
            return false;
        }
        try {
            if (!process.waitFor(timeout.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }
}
