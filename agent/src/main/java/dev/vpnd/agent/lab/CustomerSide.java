package dev.vpnd.agent.lab;

import dev.vpnd.agent.Reconciler;
import dev.vpnd.agent.charon.Charon;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.Initiation;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's customer device: keeps its charon equal to the {@link Mirror} of the gateway's plans, with
 * a {@link Reconciler} of its own, on a thread of its own. It converges when plans arrive and every few
 * seconds (which also brings a restarted customer charon back, and starts again a tunnel the customer
 * starts that went down); what its charon refuses is said once per reason. An {@link #edit} makes the
 * device differ from the mirror, as a customer who typed a setting otherwise would.
 *
 * <p>Which side gets new plans first depends on who starts: a tunnel the gateway starts must be on the
 * customer's device before the gateway's first attempt (else that attempt is refused and the gateway
 * tries again only on its agent's next pass, seconds later), and a tunnel the customer starts must be
 * on the gateway first, for the same reason the other way round. So the tunnels the customer waits for
 * are mirrored as plans arrive ({@link #plansArriving}), before the gateway's charon gets them, and the
 * ones it starts once the gateway holds them ({@link #plansApplied}).
 */
final class CustomerSide implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerSide.class);
    private static final Duration PERIOD = Duration.ofSeconds(5);
    /** How long the gateway's agent waits for the customer to take the tunnels the gateway starts. */
    private static final Duration EARLY_WAIT = Duration.ofSeconds(2);

    private final Reconciler reconciler;
    private final List<String> addresses;
    private final Consumer<String> say;
    private volatile UnaryOperator<TunnelPlan> edit = UnaryOperator.identity();
    private final LinkedBlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final Map<String, String> refusals = new HashMap<>();
    private final Thread thread;
    private boolean unreachable;

    /**
     * The customer device at {@code addresses} (its main address first, each the customer gateway of
     * other connections) with {@code charon}; {@code say} tells the person running the lab.
     */
    CustomerSide(Charon charon, List<String> addresses, Consumer<String> say) {
        this.reconciler = new Reconciler(Objects.requireNonNull(charon, "charon"));
        this.addresses = List.copyOf(addresses);
        this.say = say;
        this.thread = Thread.ofPlatform().daemon().name("vpnd-lab-customer").unstarted(this::loop);
    }

    /** The gateway's plans, before ({@code applied} false) or after its charon got them; counted down when mirrored. */
    private record Arrival(List<GatewayPlan> plans, boolean applied, CountDownLatch mirrored) {
    }

    void start() {
        thread.start();
    }

    /**
     * The gateway's plans, before its charon gets them: the tunnels the gateway starts are mirrored now,
     * and the gateway's agent waits for that (at most {@link #EARLY_WAIT}).
     */
    void plansArriving(List<GatewayPlan> plans) {
        var arrival = new Arrival(List.copyOf(plans), false, new CountDownLatch(1));
        arrivals.add(arrival);
        try {
            arrival.mirrored().await(EARLY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The gateway's plans, once its charon holds them: a customer that starts a tunnel the gateway does
     * not know yet is refused, and would only try again on its next pass.
     */
    void plansApplied(List<GatewayPlan> plans) {
        arrivals.add(new Arrival(List.copyOf(plans), true, new CountDownLatch(1)));
    }

    /** From the next plans on, each mirrored tunnel as {@code how} changes it. */
    void edit(UnaryOperator<TunnelPlan> how) {
        edit = Objects.requireNonNull(how, "how");
    }

    private void loop() {
        List<GatewayPlan> mirrored = null;
        try {
            while (true) {
                // Every arrival queued meanwhile is taken in order, then one convergence serves them all:
                // a burst of plans (a benchmark's hundreds of creates) costs one pass, not one each.
                var taken = new ArrayList<Arrival>();
                Arrival arrival = arrivals.poll(PERIOD.toMillis(), TimeUnit.MILLISECONDS);
                for (; arrival != null; arrival = arrivals.poll()) {
                    List<GatewayPlan> next = edited(Mirror.of(arrival.plans(), addresses));
                    mirrored = arrival.applied() ? next : early(next, mirrored);
                    taken.add(arrival);
                }
                if (mirrored != null) {
                    converge(mirrored);
                }
                taken.forEach(done -> done.mirrored().countDown());
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    /**
     * {@code next} for the tunnels the customer waits for; for those it starts, what {@code current}
     * holds of them (nothing, for a new one) until the gateway has them.
     */
    private static List<GatewayPlan> early(List<GatewayPlan> next, List<GatewayPlan> current) {
        Map<String, TunnelPlan> held = new HashMap<>();
        if (current != null) {
            current.forEach(plan -> plan.tunnels().forEach(tunnel -> held.put(tunnel.name(), tunnel)));
        }
        return next.stream().map(plan -> new GatewayPlan(plan.gatewayId(), plan.revision(), plan.publicAddress(),
                plan.tunnels().stream().map(tunnel -> tunnel.initiation() == Initiation.PASSIVE ? tunnel
                        : held.get(tunnel.name())).filter(Objects::nonNull).toList())).toList();
    }

    private List<GatewayPlan> edited(List<GatewayPlan> mirrored) {
        UnaryOperator<TunnelPlan> how = edit;
        return mirrored.stream().map(plan -> new GatewayPlan(plan.gatewayId(), plan.revision(), plan.publicAddress(),
                plan.tunnels().stream().map(how).toList())).toList();
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
