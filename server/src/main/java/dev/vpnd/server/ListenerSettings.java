package dev.vpnd.server;

import dev.vpnd.server.http.ConnectionLimits;
import dev.vpnd.server.http.TlsSource;

/**
 * How the listeners face the network.
 *
 * @param adminHost the address the operator's listener ({@code /healthz}, {@code /readyz},
 *     {@code /metrics}) binds, apart from the API listeners': loopback unless told otherwise
 * @param limits connections each API listener holds and how long it waits on a client
 * @param tls where every listener's TLS certificate comes from, or {@link TlsSource#OFF}
 * @param metricsToken the bearer token {@code /metrics} requires, or null to serve it to anyone
 *     who reaches the admin listener
 */
public record ListenerSettings(String adminHost, ConnectionLimits limits, TlsSource tls, String metricsToken) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final ListenerSettings DEFAULT = new ListenerSettings(LOOPBACK, ConnectionLimits.DEFAULT,
            TlsSource.OFF, null);

    public ListenerSettings {
        if (metricsToken != null && metricsToken.isBlank()) {
            metricsToken = null;
        }
    }

    /** {@code limits}, otherwise the defaults: admin on loopback, plain HTTP, open metrics. */
    public ListenerSettings(ConnectionLimits limits) {
        this(LOOPBACK, limits, TlsSource.OFF, null);
    }
}
