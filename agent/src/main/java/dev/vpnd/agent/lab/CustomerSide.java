package dev.vpnd.agent.lab;

import dev.vpnd.agent.Reconciler;
import dev.vpnd.agent.charon.Charon;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.TunnelReport;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's customer device: keeps its charon equal to the {@link Mirror} of the gateway's plans, with
 * a {@link Reconciler} of its own, on a thread of its own. It converges when plans arrive and every few
 * seconds (which also brings a restarted customer charon back, and starts again a tunnel the customer
 * starts that went down); what its charon refuses is said once per reason.
 */
final class CustomerSide implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerSide.class);
    private static final Duration PERIOD = Duration.ofSeconds(5);

    private final Reconciler reconciler;
    private final List<String> addresses;
    private final Consumer<String> say;
    private final LinkedBlockingQueue<List<GatewayPlan>> arrivals = new LinkedBlockingQueue<>();
    private final Map<String, String> refusals = new HashMap<>();
    private final Thread thread;
    private boolean unreachable;

    /**
     * The customer device at {@code addresses} (each the customer gateway of other connections) with
     * {@code charon}; {@code say} tells the person running the lab.
     */
    CustomerSide(Charon charon, List<String> addresses, Consumer<String> say) {
        this.reconciler = new Reconciler(Objects.requireNonNull(charon, "charon"));
        this.addresses = List.copyOf(addresses);
        this.say = say;
        this.thread = Thread.ofPlatform().daemon().name("vpnd-lab-customer").unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    /**
     * The gateway's plans, once its charon holds them: a customer that starts a tunnel the gateway does
     * not know yet is refused, and would only try again on its next pass.
     */
    void plansApplied(List<GatewayPlan> plans) {
        arrivals.add(List.copyOf(plans));
    }

    private void loop() {
        List<GatewayPlan> mirrored = null;
        try {
            while (true) {
                List<GatewayPlan> plans = arrivals.poll(PERIOD.toMillis(), TimeUnit.MILLISECONDS);
                for (List<GatewayPlan> newer = arrivals.poll(); newer != null; newer = arrivals.poll()) {
                    plans = newer;
                }
                if (plans != null) {
                    mirrored = Mirror.of(plans, addresses);
                }
                if (mirrored != null) {
                    converge(mirrored);
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    private void converge(List<GatewayPlan> mirrored) {
        try {
            List<GatewayReport> reports = reconciler.reconcile(mirrored);
            if (unreachable) {
                say.accept("customer side: charon reachable again");
                unreachable = false;
            }
            for (GatewayReport report : reports) {
                for (TunnelReport tunnel : report.tunnels()) {
                    String error = tunnel.configError();
                    if (error != null && !error.equals(refusals.put(tunnel.name(), error))) {
                        say.accept(tunnel.name() + " REFUSED on the customer side: " + error);
                    } else if (error == null) {
                        refusals.remove(tunnel.name());
                    }
                }
            }
        } catch (IOException e) {
            if (!unreachable) {
                say.accept("customer side: charon unreachable (" + e.getMessage() + "), retrying");
                unreachable = true;
            }
            LOG.debug("customer charon: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
