package dev.vpnd.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vpnd.agent.protocol.AgentJson;
import dev.vpnd.agent.protocol.Hello;
import dev.vpnd.agent.protocol.HelloAnswer;
import dev.vpnd.agent.protocol.PlanAnswer;
import dev.vpnd.agent.protocol.Report;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * vpnd's side of docs/agent-protocol.md for the agent's tests: one token, the plans a test serves
 * (each serve a new revision), plan waits held until a newer revision or their {@code wait}, and
 * every hello and report kept with the time it came. It can be stopped and started again on the
 * same port, as a vpnd that went away and came back.
 */
public final class FakeVpnd implements AutoCloseable {
    public static final String TOKEN = "agent-test-token-6f1d2c";
    private static final int WAIT_SECONDS = 5;
    private static final int SILENT_SECONDS = 30;

    private final int reportSeconds;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;
    private int port;
    private boolean up;
    private long revision;
    private List<GatewayPlan> plans = List.of();
    private final List<Hello> hellos = new ArrayList<>();
    private final List<Received> reports = new ArrayList<>();
    private int refused;

    /** A report and when it came ({@link System#nanoTime}). */
    public record Received(long at, Report report) {
        /** The tunnel's report, if the report holds it. */
        public Optional<TunnelReport> tunnel(String name) {
            return report.gateways().stream().flatMap(g -> g.tunnels().stream()).filter(t -> t.name().equals(name))
                    .findFirst();
        }

        public Optional<GatewayReport> gateway(String id) {
            return report.gateways().stream().filter(g -> g.gatewayId().equals(id)).findFirst();
        }
    }

    private FakeVpnd(int reportSeconds) {
        this.reportSeconds = reportSeconds;
    }

    /** A fake vpnd on a free loopback port, telling agents to report every {@code reportSeconds}. */
    public static FakeVpnd start(int reportSeconds) {
        var vpnd = new FakeVpnd(reportSeconds);
        vpnd.bind(0);
        return vpnd;
    }

    private synchronized void bind(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/v1/agent/hello", exchange -> handle(exchange, "POST", this::hello));
        server.createContext("/v1/agent/plan", exchange -> handle(exchange, "GET", this::plan));
        server.createContext("/v1/agent/report", exchange -> handle(exchange, "POST", this::report));
        server.start();
        port = server.getAddress().getPort();
        up = true;
    }

    public synchronized URI url() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port + "/");
    }

    /** Serves {@code gateways} from now on as a new revision, waking the agents that wait. */
    public synchronized long serve(List<GatewayPlan> gateways) {
        revision++;
        var next = new ArrayList<GatewayPlan>();
        for (GatewayPlan plan : gateways) {
            next.add(new GatewayPlan(plan.gatewayId(), revision, plan.publicAddress(), plan.tunnels()));
        }
        plans = List.copyOf(next);
        notifyAll();
        return revision;
    }

    /** Serves one gateway with {@code tunnels}; the revision. */
    public long serve(String gatewayId, String publicAddress, TunnelPlan... tunnels) {
        return serve(List.of(new GatewayPlan(gatewayId, 0, publicAddress, List.of(tunnels))));
    }

    public synchronized List<Hello> hellos() {
        return List.copyOf(hellos);
    }

    public synchronized List<Received> reports() {
        return List.copyOf(reports);
    }

    /** Calls refused for a wrong token. */
    public synchronized int refused() {
        return refused;
    }

    /**
     * The first report that came after {@code since} ({@link System#nanoTime}) and satisfies
     * {@code what}, waiting for it at most {@code within}; an {@link AssertionError} listing what came
     * instead.
     */
    public synchronized Received awaitReport(long since, Predicate<Received> what, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            for (Received received : reports) {
                if (received.at() - since >= 0 && what.test(received)) {
                    return received;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no such report within " + within + "; reports since: "
                        + reports.stream().filter(r -> r.at() - since >= 0).map(Received::report).toList());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Stops answering: the port is closed, waiting plans end. */
    public void stop() {
        HttpServer stopping;
        synchronized (this) {
            up = false;
            notifyAll();
            stopping = server;
        }
        stopping.stop(0);
    }

    /** Answers again, on the same port. */
    public void restart() {
        bind(port);
    }

    @Override
    public void close() {
        stop();
        executor.shutdownNow();
    }

    // ---- the calls

    private interface Call {
        /** The answer: status and body (null: none). */
        Answer answer(HttpExchange exchange, byte[] body) throws InterruptedException;
    }

    // The body is handed on once, never compared.
    @SuppressWarnings("ArrayRecordComponent")
    private record Answer(int status, byte[] body) {
    }

    private void handle(HttpExchange exchange, String method, Call call) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Answer answer;
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                synchronized (this) {
                    refused++;
                }
                answer = new Answer(401, "{\"error\":\"unauthorized\"}".getBytes(StandardCharsets.UTF_8));
            } else if (!method.equals(exchange.getRequestMethod())) {
                answer = new Answer(405, null);
            } else {
                try {
                    answer = call.answer(exchange, body);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answer = new Answer(503, null);
                }
            }
            if (answer.body() == null) {
                exchange.sendResponseHeaders(answer.status(), -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), answer.body().length);
                exchange.getResponseBody().write(answer.body());
            }
        }
    }

    private synchronized Answer hello(HttpExchange exchange, byte[] body) {
        hellos.add(AgentJson.decodeHello(body));
        notifyAll();
        List<String> gateways = plans.stream().map(GatewayPlan::gatewayId).toList();
        return new Answer(200, AgentJson.encode(new HelloAnswer(gateways, WAIT_SECONDS, reportSeconds,
                SILENT_SECONDS)));
    }

    private synchronized Answer plan(HttpExchange exchange, byte[] body) throws InterruptedException {
        Map<String, String> query = query(exchange.getRequestURI());
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        long wait = Math.min(WAIT_SECONDS, Long.parseLong(query.getOrDefault("wait", "0")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(wait);
        while (up && revision <= after && after != 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        if (!up || (revision <= after && after != 0)) {
            return new Answer(204, null);
        }
        return new Answer(200, AgentJson.encode(new PlanAnswer(revision, plans)));
    }

    private synchronized Answer report(HttpExchange exchange, byte[] body) {
        reports.add(new Received(System.nanoTime(), AgentJson.decodeReport(body)));
        notifyAll();
        return new Answer(204, null);
    }

    private static Map<String, String> query(URI uri) {
        var query = new HashMap<String, String>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return query;
    }
}
