package dev.vpnd.server.agent;

import dev.vpnd.core.service.DataPlaneService;
import dev.vpnd.server.http.Dialect;
import dev.vpnd.server.ops.Metrics;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one node runs for its data-plane agents: the listener's calls ({@link #endpoints}), the plan
 * waits they hold, and the check, every second, for agents gone silent (each node runs it; one marks
 * a silent agent, see {@link DataPlaneService#expireSilentAgents}). Closing it ends every wait, so
 * a node stops without holding its agents' requests until they time out.
 */
public final class AgentChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentChannel.class);
    private static final Duration SILENCE_CHECK = Duration.ofSeconds(1);

    private final PlanWaits waits;
    private final AgentEndpoints endpoints;
    private final ScheduledExecutorService upkeep;
    private final ScheduledFuture<?> silenceCheck;

    public AgentChannel(DataPlaneService dataPlane, Metrics metrics) {
        this(dataPlane, metrics, PlanWaits.Limits.DEFAULT);
    }

    AgentChannel(DataPlaneService dataPlane, Metrics metrics, PlanWaits.Limits limits) {
        this.waits = new PlanWaits(new PlanWaits.Revisions() {
            @Override
            public long latest() {
                return dataPlane.latestPlanRevision();
            }

            @Override
            public Map<String, Long> of(Collection<String> gatewayIds) {
                return dataPlane.planRevisions(gatewayIds);
            }
        }, limits);
        this.endpoints = new AgentEndpoints(dataPlane, waits, metrics);
        this.upkeep = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("vpnd-silent-agents").factory());
        this.silenceCheck = upkeep.scheduleWithFixedDelay(() -> {
            try {
                int marked = dataPlane.expireSilentAgents();
                if (marked > 0) {
                    LOG.info("{} agent(s) silent for {}: their tunnels count as not established", marked,
                            dataPlane.timing().silentAfter());
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot check for silent agents", e);
            }
        }, SILENCE_CHECK.toMillis(), SILENCE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        metrics.watchTunnels(dataPlane::tunnelStates);
    }

    /** The listener's dialect. */
    public Dialect endpoints() {
        return endpoints;
    }

    /** This process committed a write: waits look whether their plans moved on. */
    public void committed() {
        waits.poke();
    }

    /**
     * The idle timeout the agent listener needs: long enough that a connection is never closed
     * under a plan wait, however short the API listeners' is.
     */
    public static Duration idleTimeout(Duration apiIdleTimeout, DataPlaneService.Timing timing) {
        Duration needed = timing.maxWait().plusSeconds(10);
        return apiIdleTimeout.compareTo(needed) >= 0 ? apiIdleTimeout : needed;
    }

    @Override
    public void close() {
        silenceCheck.cancel(false);
        upkeep.shutdownNow();
        waits.close();
    }
}
