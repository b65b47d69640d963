package dev.vpnd.agent.vici;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One stream connection to a VICI socket, packet by packet: each packet goes out with its 32-bit
 * length and comes in only whole. The channel is non-blocking under a selector, so that every connect,
 * write and read has a deadline (a blocking unix socket channel has none) and {@link #close} from
 * another thread ends a read at once.
 */
final class ViciTransport implements Closeable {
    private final Path socket;
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private volatile boolean closed;
    private int lastPacketBytes;

    private ViciTransport(Path socket, SocketChannel channel, Selector selector, SelectionKey key) {
        this.socket = socket;
        this.channel = channel;
        this.selector = selector;
        this.key = key;
    }

    static ViciTransport connect(Path socket, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            selector = Selector.open();
            SelectionKey key = channel.register(selector, 0);
            var transport = new ViciTransport(socket, channel, selector, key);
            if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                while (!channel.finishConnect()) {
                    transport.await(SelectionKey.OP_CONNECT, deadline, "connecting");
                }
            }
            return transport;
        } catch (IOException e) {
            channel.close();
            if (selector != null) {
                selector.close();
            }
            if (e instanceof ViciException) {
                throw e;
            }
            throw new ViciException("cannot connect to VICI socket " + socket + ": " + e.getMessage(), e);
        }
    }

    void send(ViciPacket packet, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteBuffer buffer = ByteBuffer.wrap(ViciCodec.frame(packet));
        while (buffer.hasRemaining()) {
            checkOpen();
            if (channel.write(buffer) == 0) {
                await(SelectionKey.OP_WRITE, deadline, "sending " + packet.type());
            }
        }
    }

    /** The next whole packet; a {@link ViciTimeoutException} when it does not arrive within {@code timeout}. */
    ViciPacket receive(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteBuffer header = ByteBuffer.allocate(ViciCodec.FRAME_HEADER_BYTES);
        readFully(header, deadline);
        int length = header.flip().getInt();
        if (length <= 0 || length > ViciCodec.MAX_PACKET_BYTES) {
            throw new ViciFormatException("VICI packet length " + Integer.toUnsignedString(length)
                    + " is not 1 to " + ViciCodec.MAX_PACKET_BYTES);
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        readFully(body, deadline);
        lastPacketBytes = length;
        return ViciCodec.decodePacket(body.array());
    }

    private void readFully(ByteBuffer buffer, long deadline) throws IOException {
        while (buffer.hasRemaining()) {
            checkOpen();
            int read = channel.read(buffer);
            if (read < 0) {
                throw new ViciException("the daemon closed the VICI connection " + socket);
            }
            if (read == 0) {
                await(SelectionKey.OP_READ, deadline, "waiting for a packet");
            }
        }
    }

    private void await(int operation, long deadline, String doing) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new ViciTimeoutException("VICI socket " + socket + ": timed out " + doing);
        }
        try {
            key.interestOps(operation);
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            selector.selectedKeys().clear();
        } catch (ClosedSelectorException | CancelledKeyException e) {
            throw new ViciException("VICI connection " + socket + " closed", e);
        }
        checkOpen();
    }

    private void checkOpen() throws ViciException {
        if (closed) {
            throw new ViciException("VICI connection " + socket + " closed");
        }
    }

    /** The size of the packet {@link #receive} returned last, without its length prefix. */
    int lastPacketBytes() {
        return lastPacketBytes;
    }

    boolean isOpen() {
        return !closed;
    }

    /** Closes the connection; a read or write blocked in another thread ends with a {@link ViciException}. */
    @Override
    public void close() throws IOException {
        closed = true;
        try {
            selector.wakeup();
            channel.close();
        } finally {
            selector.close();
        }
    }
}
