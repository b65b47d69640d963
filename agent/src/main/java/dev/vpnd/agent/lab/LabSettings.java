package dev.vpnd.agent.lab;

import java.net.URI;
import java.util.Objects;

/**
 * How a lab runs ({@link Lab#run}).
 *
 * @param server the URL of vpnd's agent listener, {@code endpoints.json}'s {@code agent}
 * @param token an agent token of the gateway the lab plays ({@code ./vpnd agent token create}); never
 *     shown by {@link #toString}
 * @param layout the lab's namespaces and state directory ({@link LabLayout#DEFAULT} by default)
 */
public record LabSettings(URI server, String token, LabLayout layout) {
    public LabSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(layout, "layout");
    }

    public static LabSettings of(URI server, String token) {
        return new LabSettings(server, token, LabLayout.DEFAULT);
    }

    public LabSettings withLayout(LabLayout other) {
        return new LabSettings(server, token, other);
    }

    @Override
    public String toString() {
        return "LabSettings[server=" + server + ", layout=" + layout + "]";
    }
}
