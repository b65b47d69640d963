package dev.vpnd.bench;

import java.io.IOException;
import java.time.Duration;

/** A closed-loop load generator: {@link WrkLoad} when wrk is installed, else {@link LoadGenerator}. */
interface Load extends AutoCloseable {
    /** Runs {@code scenario} for {@code duration}, not counted and not reported. */
    void warmUp(Scenario scenario, Duration duration) throws Exception;

    /** Runs {@code scenario} for {@code warmup} (not counted), then for {@code duration} (counted). */
    Outcome run(Scenario scenario, Duration warmup, Duration duration) throws Exception;

    /** How the load was generated, for the printed facts. */
    String description();

    /** HTTP connections opened in all (more than the concurrency means reconnects), or -1 when unknown. */
    int openedConnections();

    /** Releases what the load used; throws no InterruptedException, which try-with-resources could hide. */
    @Override
    void close() throws IOException;
}
