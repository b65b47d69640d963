package dev.vpnd.agent.vici;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events from charon on a connection of their own, handed to a listener on a thread of their own.
 * A connection registered for events receives them at any moment, between a command's request and
 * its response too, so commands and subscriptions never share one.
 *
 * <p>The listener thread reads with a short deadline, so that it notices {@link #close} even when no
 * event comes; a connection that fails is reported once to {@link ViciEventListener#onFailure}.
 */
public final class ViciSubscription implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ViciSubscription.class);
    /** How long one read waits before the thread looks whether it was closed. */
    private static final Duration POLL = Duration.ofMillis(500);

    private final ViciTransport transport;
    private final ViciEventListener listener;
    private final Thread thread;
    private volatile boolean closing;

    private ViciSubscription(ViciTransport transport, ViciEventListener listener, String name) {
        this.transport = transport;
        this.listener = listener;
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::listen);
    }

    public static ViciSubscription open(URI uri, List<String> events, ViciEventListener listener) throws IOException {
        return open(ViciSocket.path(uri), events, listener, ViciSession.DEFAULT_TIMEOUT);
    }

    /**
     * Connects, registers for each of {@code events} (a {@link ViciUnknownEventException} when charon
     * has no such event) and starts delivering them.
     */
    public static ViciSubscription open(Path socket, List<String> events, ViciEventListener listener,
            Duration timeout) throws IOException {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one event");
        }
        ViciTransport transport = ViciTransport.connect(socket, timeout);
        try {
            for (String event : events) {
                register(transport, event, timeout);
            }
        } catch (IOException | RuntimeException e) {
            transport.close();
            throw e;
        }
        var subscription = new ViciSubscription(transport, listener, "vici-events " + socket.getFileName());
        subscription.thread.start();
        return subscription;
    }

    private static void register(ViciTransport transport, String event, Duration timeout) throws IOException {
        transport.send(ViciPacket.named(ViciPacketType.EVENT_REGISTER, event), timeout);
        while (true) {
            ViciPacket packet = transport.receive(timeout);
            switch (packet.type()) {
                case EVENT_CONFIRM -> {
                    return;
                }
                case EVENT_UNKNOWN -> throw new ViciUnknownEventException(event);
                case EVENT -> {
                    // an event registered a moment ago already fired: it came before this one's confirmation
                }
                default -> throw new ViciException("unexpected " + packet.type() + " registering '" + event + "'");
            }
        }
    }

    private void listen() {
        while (!closing) {
            ViciPacket packet;
            try {
                packet = transport.receive(POLL);
            } catch (ViciTimeoutException e) {
                continue;
            } catch (IOException e) {
                if (!closing) {
                    closeTransport();
                    listener.onFailure(e);
                }
                return;
            }
            if (packet.type() == ViciPacketType.EVENT) {
                try {
                    listener.onEvent(packet.name(), packet.message());
                } catch (RuntimeException e) {
                    LOG.warn("VICI event listener failed on '{}'", packet.name(), e);
                }
            }
        }
    }

    /** Whether events still come: false once closed or once the connection failed. */
    public boolean isOpen() {
        return transport.isOpen();
    }

    /** Stops the thread and closes the connection; no event is delivered after this returns. */
    @Override
    public void close() {
        closing = true;
        closeTransport();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(POLL.toMillis() * 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeTransport() {
        try {
            transport.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
