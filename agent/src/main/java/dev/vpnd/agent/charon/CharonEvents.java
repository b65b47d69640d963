package dev.vpnd.agent.charon;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Tells the agent when charon's SAs come up or go down, so that it lists them again at once rather
 * than on its next timer. An event is a cue, not the tunnel's state: other SAs of the tunnel may still
 * be up (docs/vici.md, "Reading a tunnel's state").
 */
public interface CharonEvents {
    /**
     * Calls {@code onChange} after every IKE or CHILD SA that came up or went down, and {@code onLost}
     * once when the connection to charon fails (charon stopped, say), after which nothing more comes.
     * Both run on a thread of the watch's own. An {@link IOException} means charon could not be reached.
     */
    Watch watch(Runnable onChange, Consumer<IOException> onLost) throws IOException;

    /** A running watch; closing it stops the calls. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
