package dev.vpnd.agent;

import dev.vpnd.agent.charon.Charon;
import dev.vpnd.agent.charon.CharonEvents;
import dev.vpnd.agent.charon.CharonRefusedException;
import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * charon as the reconciler sees it, in memory, with charon's rules for loading: a connection that is
 * added or replaced by a different one runs its start action ({@code start}: the tunnel comes up at
 * once, the fake's peer is always there), one given again unchanged does nothing, and unloading a
 * started connection closes its SAs. Every call that changes something is logged in {@link #calls}.
 * Its events are fired by hand ({@link #fire}); going {@link #goDown down} fails every watch. The
 * agent's tests call it from the agent's threads and their own, so every method holds its lock.
 */
final class FakeCharon implements Charon, CharonEvents {
    final List<String> calls = new ArrayList<>();
    final Map<String, ViciMessage> conns = new LinkedHashMap<>();
    final Map<String, ViciMessage> keys = new LinkedHashMap<>();
    final Map<String, TunnelReport> sas = new LinkedHashMap<>();
    final Set<String> refused = new HashSet<>();
    /** Tunnels whose peer does not answer (yet): starting them leaves no SA, as a failed negotiation. */
    final Set<String> peerless = new HashSet<>();
    private String startedAt = "Dec 04 10:00:00 2026";
    boolean down;
    private final List<Watcher> watchers = new ArrayList<>();

    private record Watcher(Runnable onChange, Consumer<IOException> onLost) {
    }

    /** charon restarts: everything loaded and every SA is gone. */
    synchronized void restart(String at) {
        conns.clear();
        keys.clear();
        sas.clear();
        startedAt = at;
    }

    /** The peer (or DPD) ended the tunnel. */
    synchronized void lose(String tunnel) {
        sas.remove(tunnel);
    }

    private void reachable() throws IOException {
        if (down) {
            throw new IOException("connection refused");
        }
    }

    private static TunnelReport up(String name) {
        return new TunnelReport(name, SaState.ESTABLISHED, SaState.ESTABLISHED, 100, 100, 1, 1, null);
    }

    @Override
    public synchronized String version() throws IOException {
        reachable();
        return "charon-fake 1.0";
    }

    @Override
    public synchronized Watch watch(Runnable onChange, Consumer<IOException> onLost) throws IOException {
        reachable();
        var watcher = new Watcher(onChange, onLost);
        watchers.add(watcher);
        return () -> {
            synchronized (this) {
                watchers.remove(watcher);
            }
        };
    }

    /** An SA came up or went down: every watch hears of it. */
    void fire() {
        List<Watcher> now;
        synchronized (this) {
            now = List.copyOf(watchers);
        }
        now.forEach(watcher -> watcher.onChange().run());
    }

    /** charon stops: every call fails and every watch is lost, until {@link #comeBack}. */
    void goDown() {
        List<Watcher> lost;
        synchronized (this) {
            down = true;
            lost = List.copyOf(watchers);
            watchers.clear();
        }
        lost.forEach(watcher -> watcher.onLost().accept(new IOException("charon stopped")));
    }

    /** charon is started again, empty, at {@code at}. */
    synchronized void comeBack(String at) {
        restart(at);
        down = false;
    }

    /** What the agent sees as loaded, read under the lock. */
    synchronized Set<String> connNames() {
        return new LinkedHashSet<>(conns.keySet());
    }

    synchronized List<String> callsSoFar() {
        return List.copyOf(calls);
    }

    synchronized Map<String, TunnelReport> sasNow() {
        return new LinkedHashMap<>(sas);
    }

    @Override
    public synchronized String startedAt() throws IOException {
        reachable();
        return startedAt;
    }

    @Override
    public synchronized Set<String> connections() throws IOException {
        reachable();
        return new LinkedHashSet<>(conns.keySet());
    }

    @Override
    public synchronized Set<String> sharedKeys() throws IOException {
        reachable();
        return new LinkedHashSet<>(keys.keySet());
    }

    @Override
    public synchronized Map<String, TunnelReport> tunnels() throws IOException {
        reachable();
        return new LinkedHashMap<>(sas);
    }

    @Override
    public synchronized void loadConn(ViciMessage conn) throws IOException, CharonRefusedException {
        reachable();
        String name = conn.entries().getFirst().name();
        calls.add("loadConn " + name);
        if (refused.contains(name)) {
            throw new CharonRefusedException("charon refused connection [" + name + "]: invalid value for: proposals");
        }
        ViciMessage before = conns.put(name, conn);
        if (!conn.equals(before) && startAction(conn).equals("start") && !peerless.contains(name)) {
            sas.put(name, up(name));
        }
    }

    private static String startAction(ViciMessage conn) {
        var body = conn.entries().getFirst();
        String name = body.name();
        return conn.section(name).flatMap(c -> c.section("children")).flatMap(c -> c.section(name))
                .flatMap(child -> child.string("start_action")).orElse("none");
    }

    @Override
    public synchronized void loadShared(ViciMessage key) throws IOException {
        reachable();
        String id = key.string("id").orElseThrow();
        calls.add("loadShared " + id);
        keys.put(id, key);
    }

    @Override
    public synchronized void unloadConn(String name) throws IOException {
        reachable();
        calls.add("unloadConn " + name);
        ViciMessage conn = conns.remove(name);
        if (conn != null && startAction(conn).equals("start")) {
            sas.remove(name);
        }
    }

    @Override
    public synchronized void unloadShared(String id) throws IOException {
        reachable();
        calls.add("unloadShared " + id);
        keys.remove(id);
    }

    @Override
    public synchronized void initiate(String tunnel) throws IOException {
        reachable();
        calls.add("initiate " + tunnel);
        if (conns.containsKey(tunnel) && !peerless.contains(tunnel)) {
            sas.put(tunnel, up(tunnel));
        }
    }

    @Override
    public synchronized void terminate(String tunnel) throws IOException {
        reachable();
        calls.add("terminate " + tunnel);
        sas.remove(tunnel);
    }
}
