package dev.vpnd.agent.charon;

import dev.vpnd.agent.vici.ViciEntry;
import dev.vpnd.agent.vici.ViciEventListener;
import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.agent.vici.ViciSession;
import dev.vpnd.agent.vici.ViciSubscription;
import dev.vpnd.core.dataplane.TunnelReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * charon over VICI, on one command session that is opened when first needed and opened again after
 * it failed: a restarted charon is simply reached again, and shows as such by its start time. Its
 * events come on a subscription of their own ({@link #watch}).
 */
public final class ViciCharon implements Charon, CharonEvents, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ViciCharon.class);
    /** The events that say an SA came up or went down. */
    private static final List<String> UP_DOWN = List.of("ike-updown", "child-updown");
    /** How long charon may take to delete an SA the agent terminates (it does not wait for the peer). */
    private static final String TERMINATE_MILLIS = "2000";

    private final Path socket;
    private final Duration timeout;
    private ViciSession session;

    public ViciCharon(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    private synchronized ViciSession session() throws IOException {
        if (session == null || !session.isOpen()) {
            session = ViciSession.open(socket, timeout);
        }
        return session;
    }

    private ViciMessage command(String command, ViciMessage request) throws IOException {
        return session().command(command, request);
    }

    @Override
    public String version() throws IOException {
        ViciMessage version = command("version", ViciMessage.EMPTY);
        return version.string("daemon").orElse("charon") + " " + version.string("version").orElse("(unknown version)");
    }

    @Override
    public Watch watch(Runnable onChange, Consumer<IOException> onLost) throws IOException {
        ViciSubscription subscription = ViciSubscription.open(socket, UP_DOWN, new ViciEventListener() {
            @Override
            public void onEvent(String event, ViciMessage message) {
                onChange.run();
            }

            @Override
            public void onFailure(IOException cause) {
                onLost.accept(cause);
            }
        }, timeout);
        return subscription::close;
    }

    @Override
    public String startedAt() throws IOException {
        return command("stats", ViciMessage.EMPTY).section("uptime").flatMap(uptime -> uptime.string("since"))
                .orElseThrow(() -> new IOException("charon's stats carry no uptime.since"));
    }

    @Override
    public Set<String> connections() throws IOException {
        return new LinkedHashSet<>(command("get-conns", ViciMessage.EMPTY).strings("conns"));
    }

    @Override
    public Set<String> sharedKeys() throws IOException {
        return new LinkedHashSet<>(command("get-shared", ViciMessage.EMPTY).strings("keys"));
    }

    @Override
    public Map<String, TunnelReport> tunnels() throws IOException {
        return TunnelReports.fromListSas(listSas(session()));
    }

    /**
     * Every IKE SA charon holds, one {@code list-sa} event each, on {@code session}. Never with
     * {@code noblock}: that leaves out any SA a charon thread is using at the moment (handling a
     * message, sending the next one), so an established tunnel would read as absent now and then, most
     * of all right after {@code initiate}, which charon answers before the thread that installed the
     * CHILD_SA has let go of the SA (docs/vici.md, "Reading a tunnel's state"). Without it charon waits
     * for such an SA; the session's timeout bounds the wait.
     */
    public static List<ViciMessage> listSas(ViciSession session) throws IOException {
        return session.streamed("list-sas", ViciMessage.EMPTY, "list-sa").events();
    }

    @Override
    public void loadConn(ViciMessage conn) throws IOException, CharonRefusedException {
        succeed("load-conn", conn, "connection " + conn.entries().stream().map(ViciEntry::name).toList());
    }

    @Override
    public void loadShared(ViciMessage key) throws IOException, CharonRefusedException {
        succeed("load-shared", key, "shared key " + key.string("id").orElse("?"));
    }

    private void succeed(String command, ViciMessage request, String what)
            throws IOException, CharonRefusedException {
        ViciMessage response = command(command, request);
        if (!response.string("success").map("yes"::equals).orElse(false)) {
            throw new CharonRefusedException("charon refused " + what + ": "
                    + response.string("errmsg").orElse("no reason given"));
        }
    }

    @Override
    public void unloadConn(String name) throws IOException {
        quietly("unload-conn", ViciMessage.builder().put("name", name).build());
    }

    @Override
    public void unloadShared(String id) throws IOException {
        quietly("unload-shared", ViciMessage.builder().put("id", id).build());
    }

    @Override
    public void initiate(String tunnel) throws IOException {
        // timeout -1: charon answers at once and negotiates on its own; the next listing shows how it went
        quietly("initiate", ViciMessage.builder().put("child", tunnel).put("timeout", "-1").build());
    }

    @Override
    public void terminate(String tunnel) throws IOException {
        quietly("terminate", ViciMessage.builder().put("ike", tunnel).put("force", "yes")
                .put("timeout", TERMINATE_MILLIS).build());
    }

    /** A command whose refusal only means there was nothing to do (no such connection, no SA). */
    private void quietly(String command, ViciMessage request) throws IOException {
        ViciMessage response = command(command, request);
        if (!response.string("success").map("yes"::equals).orElse(false)) {
            LOG.debug("charon: {} {}: {}", command, request, response.string("errmsg").orElse("refused"));
        }
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
        }
    }
}
