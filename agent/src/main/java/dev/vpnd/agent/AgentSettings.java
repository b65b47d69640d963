package dev.vpnd.agent;

import dev.vpnd.agent.vici.ViciSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How an agent runs ({@link Agent#run}).
 *
 * @param server the URL of vpnd's agent listener, {@code endpoints.json}'s {@code agent}
 * @param token the agent's token ({@code ./vpnd agent token create}); never shown by {@link #toString}
 * @param vici charon's VICI socket, {@code unix:///absolute/path} ({@link #DEFAULT_VICI} by default)
 * @param publicAddress the address of the agent's gateways, told to vpnd; null for the host's address
 *     toward the internet ({@link PublicAddress#detect})
 * @param retryMax the longest wait between two attempts to reach vpnd or charon
 *     ({@link #DEFAULT_RETRY_MAX} by default)
 */
public record AgentSettings(URI server, String token, URI vici, String publicAddress, Duration retryMax) {
    /** Where a Debian charon (charon-systemd, strongSwan 5.9) listens. */
    public static final URI DEFAULT_VICI = URI.create("unix:///run/charon.vici");
    public static final Duration DEFAULT_RETRY_MAX = Duration.ofSeconds(10);

    public AgentSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(vici, "vici");
        Objects.requireNonNull(retryMax, "retryMax");
        if (!("http".equals(server.getScheme()) || "https".equals(server.getScheme())) || server.getHost() == null) {
            throw new IllegalArgumentException("vpnd's agent listener is an http:// or https:// URL, not " + server);
        }
        ViciSocket.path(vici);
        if (publicAddress != null) {
            PublicAddress.literal(publicAddress);
        }
        if (retryMax.compareTo(Duration.ofMillis(500)) < 0 || retryMax.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("retryMax must be between 0.5 s and 1 h");
        }
    }

    /** The agent of vpnd at {@code server} with {@code token}, beside the charon at {@link #DEFAULT_VICI}. */
    public static AgentSettings of(URI server, String token) {
        return new AgentSettings(server, token, DEFAULT_VICI, null, DEFAULT_RETRY_MAX);
    }

    public AgentSettings withVici(URI socket) {
        return new AgentSettings(server, token, socket, publicAddress, retryMax);
    }

    public AgentSettings withPublicAddress(String address) {
        return new AgentSettings(server, token, vici, address, retryMax);
    }

    public AgentSettings withRetryMax(Duration max) {
        return new AgentSettings(server, token, vici, publicAddress, max);
    }

    @Override
    public String toString() {
        return "AgentSettings[server=" + server + ", vici=" + vici + ", publicAddress="
                + (publicAddress == null ? "(the host's toward the internet)" : publicAddress) + ", retryMax="
                + retryMax + "]";
    }
}
