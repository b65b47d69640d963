package dev.vpnd.agent.vici;

import java.io.IOException;

/** Receives the events of a {@link ViciSubscription}, on its listener thread, one at a time. */
public interface ViciEventListener {
    /** One event ({@code ike-updown}, {@code child-updown}, ...) and its message. */
    void onEvent(String event, ViciMessage message);

    /**
     * The subscription's connection failed (charon stopped, say); no event follows. Not called when
     * the subscription was closed by its owner.
     */
    default void onFailure(IOException cause) {
    }
}
