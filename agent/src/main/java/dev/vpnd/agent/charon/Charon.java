package dev.vpnd.agent.charon;

import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.core.dataplane.TunnelReport;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * What the reconciler needs of charon, and no more: what it holds (connections, keys, SAs), loading
 * and unloading, starting and stopping tunnels. {@link ViciCharon} is charon over VICI; the
 * reconciler's tests use a fake. An {@link IOException} means charon could not be asked (it is down
 * or restarting); a {@link CharonRefusedException} that it said no.
 */
public interface Charon {
    /**
     * When charon started ({@code stats}: {@code uptime.since}). A different answer than last time means
     * it restarted, and everything loaded over VICI, which charon keeps in memory only, is gone.
     */
    String startedAt() throws IOException;

    /** The names of the loaded connections ({@code get-conns}). */
    Set<String> connections() throws IOException;

    /** The ids of the loaded shared keys ({@code get-shared}). */
    Set<String> sharedKeys() throws IOException;

    /** Every connection that has SAs, as a report ({@code list-sas}). */
    Map<String, TunnelReport> tunnels() throws IOException;

    /** Loads or replaces a connection ({@code load-conn}, a message from {@link CharonConfig#loadConn}). */
    void loadConn(ViciMessage conn) throws IOException, CharonRefusedException;

    /** Loads or replaces a shared key ({@code load-shared}, a message from {@link CharonConfig#loadShared}). */
    void loadShared(ViciMessage key) throws IOException, CharonRefusedException;

    /** Unloads a connection, if loaded; its SAs stay until terminated. */
    void unloadConn(String name) throws IOException;

    /** Unloads a shared key, if loaded. */
    void unloadShared(String id) throws IOException;

    /** Starts the tunnel's CHILD_SA (and its IKE SA), without waiting for it to come up. */
    void initiate(String tunnel) throws IOException;

    /** Deletes every IKE SA of the tunnel, with its CHILD_SAs, if there are any. */
    void terminate(String tunnel) throws IOException;
}
