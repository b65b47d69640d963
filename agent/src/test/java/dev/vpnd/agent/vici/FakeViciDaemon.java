package dev.vpnd.agent.vici;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process VICI daemon on a unix socket in a temporary directory, for the session tests: it
 * speaks the protocol as charon does (one command at a time per connection, streamed data only to a
 * registered connection, EVENT_UNKNOWN and CMD_UNKNOWN) with a few commands of its own:
 *
 * <ul>
 *   <li>{@code version}: {@code {daemon: fake}}</li>
 *   <li>{@code list-sas}: one {@code list-sa} event per message of {@link #listSas}, an unregistered
 *       {@code log} event among them, then an empty response, then one more {@code list-sa} event
 *       (a straggler the client must drop before its unregistration is confirmed)</li>
 *   <li>{@code fire}: sends {@code count} {@code ike-updown} events to every connection registered for
 *       them, then answers {@code {fired: count}}</li>
 *   <li>{@code sleep}: answers after {@code ms} milliseconds</li>
 *   <li>{@code garbage}: sends a length prefix larger than any packet may be</li>
 *   <li>{@code hangup}: closes the connection</li>
 * </ul>
 */
final class FakeViciDaemon implements AutoCloseable {
    static final Set<String> EVENTS = Set.of("list-sa", "log", "ike-updown", "child-updown");

    final Path socket;
    final List<ViciMessage> listSas = new CopyOnWriteArrayList<>();
    private final Path directory;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    FakeViciDaemon() throws IOException {
        directory = Files.createTempDirectory("fake-vici");
        socket = directory.resolve("charon.vici");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = Thread.ofPlatform().daemon().name("fake-vici-accept").start(this::accept);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                var connection = new Connection(server.accept());
                connections.add(connection);
                Thread.ofPlatform().daemon().name("fake-vici-conn").start(connection::serve);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** How many connections are registered for {@code event} right now. */
    int registered(String event) {
        return (int) connections.stream().filter(c -> c.events.contains(event)).count();
    }

    /**
     * Waits until {@code count} connections are registered for {@code event}, and says whether that
     * happened within {@code within}. A client that closes its connection has left once this daemon's
     * thread for it has read the end of the stream, which is a moment after the client's close returned.
     */
    boolean awaitRegistered(String event, int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (registered(event) != count) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Connection connection : connections) {
            connection.channel.close();
        }
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(socket);
        Files.deleteIfExists(directory);
    }

    private final class Connection {
        final SocketChannel channel;
        final Set<String> events = ConcurrentHashMap.newKeySet();

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void serve() {
            try (InputStream in = Channels.newInputStream(channel)) {
                var data = new DataInputStream(in);
                while (true) {
                    byte[] body = new byte[data.readInt()];
                    data.readFully(body);
                    ViciPacket packet = ViciCodec.decodePacket(body);
                    if (!handle(packet)) {
                        return;
                    }
                }
            } catch (EOFException e) {
                // the client went away
            } catch (IOException | InterruptedException e) {
                // the daemon is closing
            } finally {
                connections.remove(this);
            }
        }

        private boolean handle(ViciPacket packet) throws IOException, InterruptedException {
            switch (packet.type()) {
                case EVENT_REGISTER -> {
                    if (EVENTS.contains(packet.name())) {
                        events.add(packet.name());
                        send(ViciPacket.of(ViciPacketType.EVENT_CONFIRM));
                    } else {
                        send(ViciPacket.of(ViciPacketType.EVENT_UNKNOWN));
                    }
                }
                case EVENT_UNREGISTER -> {
                    events.remove(packet.name());
                    send(ViciPacket.of(ViciPacketType.EVENT_CONFIRM));
                }
                case CMD_REQUEST -> {
                    return command(packet.name(), packet.message());
                }
                default -> throw new IOException("a client sent " + packet.type());
            }
            return true;
        }

        private boolean command(String name, ViciMessage request) throws IOException, InterruptedException {
            switch (name) {
                case "version" -> respond(ViciMessage.builder().put("daemon", "fake").build());
                case "list-sas" -> {
                    boolean registered = events.contains("list-sa");
                    for (ViciMessage sa : listSas) {
                        if (registered) {
                            send(new ViciPacket(ViciPacketType.EVENT, "list-sa", sa));
                            send(new ViciPacket(ViciPacketType.EVENT, "log",
                                    ViciMessage.builder().put("msg", "unregistered").build()));
                        }
                    }
                    respond(ViciMessage.EMPTY);
                    if (registered) {
                        send(new ViciPacket(ViciPacketType.EVENT, "list-sa",
                                ViciMessage.builder().put("straggler", "yes").build()));
                    }
                }
                case "fire" -> {
                    int count = Integer.parseInt(request.string("count").orElse("1"));
                    for (int i = 0; i < count; i++) {
                        var event = new ViciPacket(ViciPacketType.EVENT, "ike-updown",
                                ViciMessage.builder().put("up", "yes").put("n", Integer.toString(i)).build());
                        for (Connection connection : connections) {
                            if (connection.events.contains("ike-updown")) {
                                connection.send(event);
                            }
                        }
                    }
                    respond(ViciMessage.builder().put("fired", Integer.toString(count)).build());
                }
                case "sleep" -> {
                    Thread.sleep(Long.parseLong(request.string("ms").orElse("0")));
                    respond(ViciMessage.builder().put("slept", "yes").build());
                }
                case "garbage" -> write(ByteBuffer.allocate(4).putInt(-1).flip());
                case "hangup" -> {
                    channel.close();
                    return false;
                }
                default -> send(ViciPacket.of(ViciPacketType.CMD_UNKNOWN));
            }
            return true;
        }

        private void respond(ViciMessage message) throws IOException {
            send(new ViciPacket(ViciPacketType.CMD_RESPONSE, null, message));
        }

        private void send(ViciPacket packet) throws IOException {
            write(ByteBuffer.wrap(ViciCodec.frame(packet)));
        }

        private synchronized void write(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }
}
