package dev.vpnd.server.cli;

import dev.vpnd.server.http.ConnectionLimits;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How many connections each listener holds and how long it waits on a client. */
public final class ConnectionOptions {
    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "4096",
            description = "Connections each API listener holds at once; more wait in the kernel's queue "
                    + "(default: ${DEFAULT-VALUE}; lowered to fit the open-file limit).")
    int maxConnections;

    @Option(names = "--header-timeout", paramLabel = "D", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long a client may take to send a complete request head (default: ${DEFAULT-VALUE}).")
    Duration headerTimeout;

    @Option(names = "--idle-timeout", paramLabel = "D", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long a connection may stay silent: kept alive between requests, or mid-request "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    ConnectionLimits limits(CommandLine commandLine) {
        try {
            return new ConnectionLimits(maxConnections, headerTimeout, idleTimeout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, e.getMessage());
        }
    }
}
