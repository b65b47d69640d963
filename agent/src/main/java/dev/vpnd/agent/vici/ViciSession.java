package dev.vpnd.agent.vici;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A command connection to charon: one command at a time, as VICI requires (it has no request ids).
 *
 * <p>A streamed command ({@code list-sas}, {@code list-conns}, {@code initiate} with its log) delivers
 * its data as events, and only to a client registered for them: {@link #streamed} registers, sends
 * the request, takes events until the command's response ends the stream, then unregisters.
 *
 * <p>Every read has a deadline. Any failure but an unknown command or event leaves the protocol's
 * state unknown (half a packet read, a response still to come), so the session then closes itself;
 * the caller opens a new one, which is also how it notices a restarted charon.
 */
public final class ViciSession implements AutoCloseable {
    /** How long a command may take when the caller gives no time of its own. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The most a collected stream may hold, so that no daemon answer can exhaust the heap. */
    public static final long MAX_STREAM_BYTES = 64L * 1024 * 1024;

    private final ViciTransport transport;
    private final Duration timeout;

    private ViciSession(ViciTransport transport, Duration timeout) {
        this.transport = transport;
        this.timeout = timeout;
    }

    public static ViciSession open(URI uri) throws IOException {
        return open(uri, DEFAULT_TIMEOUT);
    }

    /** A session on {@code unix:///path}; {@code timeout} bounds the connect and, by default, each command. */
    public static ViciSession open(URI uri, Duration timeout) throws IOException {
        return open(ViciSocket.path(uri), timeout);
    }

    public static ViciSession open(Path socket, Duration timeout) throws IOException {
        return new ViciSession(ViciTransport.connect(socket, timeout), timeout);
    }

    public ViciMessage command(String command, ViciMessage request) throws IOException {
        return command(command, request, timeout);
    }

    /** Runs {@code command} and returns its response; {@code timeout} bounds each read. */
    public synchronized ViciMessage command(String command, ViciMessage request, Duration timeout)
            throws IOException {
        try {
            transport.send(ViciPacket.request(command, request), timeout);
            return response(command, null, timeout, (message, bytes) -> { });
        } catch (ViciUnknownCommandException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** A streamed command's response and the events it streamed, in order. */
    public record Streamed(ViciMessage response, List<ViciMessage> events) {
        public Streamed {
            Objects.requireNonNull(response, "response");
            events = List.copyOf(events);
        }
    }

    public Streamed streamed(String command, ViciMessage request, String event) throws IOException {
        return streamed(command, request, event, timeout);
    }

    /**
     * Runs a streamed command and collects its events. More than {@link #MAX_STREAM_BYTES} of them is a
     * {@link ViciException} (and the session closes, the rest of the stream unread).
     */
    public Streamed streamed(String command, ViciMessage request, String event, Duration timeout)
            throws IOException {
        var events = new ArrayList<ViciMessage>();
        long[] total = {0};
        ViciMessage response = run(command, request, event, timeout, (message, bytes) -> {
            total[0] += bytes;
            if (total[0] > MAX_STREAM_BYTES) {
                throw new ViciException("'" + command + "' streamed more than " + MAX_STREAM_BYTES + " bytes of '"
                        + event + "' events");
            }
            events.add(message);
        });
        return new Streamed(response, events);
    }

    /**
     * Runs a streamed command, handing each {@code event} it streams to {@code onEvent} as it arrives,
     * and returns the command's response. {@code timeout} bounds each read, so a long stream is fine as
     * long as it keeps coming.
     */
    public ViciMessage streamed(String command, ViciMessage request, String event, Duration timeout,
            Consumer<ViciMessage> onEvent) throws IOException {
        return run(command, request, event, timeout, (message, bytes) -> onEvent.accept(message));
    }

    /** Takes a streamed event and the size of its packet. */
    @FunctionalInterface
    private interface StreamSink {
        void accept(ViciMessage message, int bytes) throws ViciException;
    }

    private synchronized ViciMessage run(String command, ViciMessage request, String event, Duration timeout,
            StreamSink sink) throws IOException {
        try {
            register(ViciPacketType.EVENT_REGISTER, event, timeout);
            ViciUnknownCommandException unknown = null;
            ViciMessage response = null;
            try {
                transport.send(ViciPacket.request(command, request), timeout);
                response = response(command, event, timeout, sink);
            } catch (ViciUnknownCommandException e) {
                unknown = e;
            }
            register(ViciPacketType.EVENT_UNREGISTER, event, timeout);
            if (unknown != null) {
                throw unknown;
            }
            return response;
        } catch (ViciUnknownCommandException | ViciUnknownEventException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** Reads until the command's response, handing events named {@code event} to {@code onEvent}. */
    private ViciMessage response(String command, String event, Duration timeout, StreamSink sink)
            throws IOException {
        while (true) {
            ViciPacket packet = transport.receive(timeout);
            switch (packet.type()) {
                case CMD_RESPONSE -> {
                    return packet.message();
                }
                case CMD_UNKNOWN -> throw new ViciUnknownCommandException(command);
                case EVENT -> {
                    // Only the stream's own event is registered on this connection; anything else is dropped.
                    if (packet.name().equals(event)) {
                        sink.accept(packet.message(), transport.lastPacketBytes());
                    }
                }
                default -> throw new ViciException("unexpected " + packet.type() + " while waiting for the answer to '"
                        + command + "'");
            }
        }
    }

    /** Registers or unregisters {@code event}: events already on their way before the confirmation are dropped. */
    private void register(ViciPacketType type, String event, Duration timeout) throws IOException {
        transport.send(ViciPacket.named(type, event), timeout);
        while (true) {
            ViciPacket packet = transport.receive(timeout);
            switch (packet.type()) {
                case EVENT_CONFIRM -> {
                    return;
                }
                case EVENT_UNKNOWN -> throw new ViciUnknownEventException(event);
                case EVENT -> {
                    // a straggler of the stream, sent before the daemon saw the unregistration
                }
                default -> throw new ViciException("unexpected " + packet.type() + " after " + type + " '" + event
                        + "'");
            }
        }
    }

    public boolean isOpen() {
        return transport.isOpen();
    }

    /** Closes the connection; a command blocked in another thread ends with a {@link ViciException}. */
    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            transport.close();
        } catch (IOException e) {
            // closing a unix socket fails only when it is already gone
        }
    }
}
