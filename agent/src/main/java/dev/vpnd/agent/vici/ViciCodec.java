package dev.vpnd.agent.vici;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * VICI's binary form (docs/vici.md, "Wire format"). A packet is a type byte, for named types an
 * 8-bit length and the name, then a message; a message is a sequence of elements, each a type byte
 * ({@code 1} section start, {@code 2} section end, {@code 3} key-value, {@code 4} list start,
 * {@code 5} list item, {@code 6} list end) with 8-bit-length names and 16-bit big-endian-length
 * values. On the stream every packet is preceded by its length as a 32-bit big-endian number.
 *
 * <p>Everything the decoder reads comes from a socket, so it trusts nothing: a packet is at most
 * {@link #MAX_PACKET_BYTES} (charon's own limit), sections nest at most {@link #MAX_DEPTH} deep, and
 * anything malformed is a {@link ViciFormatException}, never another exception.
 */
public final class ViciCodec {
    /** The largest packet, not counting its length prefix: charon refuses larger ones too. */
    public static final int MAX_PACKET_BYTES = 512 * 1024;
    /** How deep sections may nest; charon's deepest answers (list-sas) nest three. */
    public static final int MAX_DEPTH = 16;
    /** The length prefix of a packet on the stream. */
    public static final int FRAME_HEADER_BYTES = 4;

    private static final int SECTION_START = 1;
    private static final int SECTION_END = 2;
    private static final int KEY_VALUE = 3;
    private static final int LIST_START = 4;
    private static final int LIST_ITEM = 5;
    private static final int LIST_END = 6;

    private ViciCodec() {
    }

    /** The packet with its length prefix, as it goes on the stream. */
    public static byte[] frame(ViciPacket packet) throws ViciFormatException {
        byte[] body = encodePacket(packet);
        return ByteBuffer.allocate(FRAME_HEADER_BYTES + body.length).putInt(body.length).put(body).array();
    }

    public static byte[] encodePacket(ViciPacket packet) throws ViciFormatException {
        var out = new ByteArrayOutputStream();
        out.write(packet.type().code());
        if (packet.type().named()) {
            writeName(out, packet.name());
        }
        writeMessage(out, packet.message(), 0);
        if (out.size() > MAX_PACKET_BYTES) {
            throw new ViciFormatException("a VICI packet holds at most " + MAX_PACKET_BYTES + " bytes, this one "
                    + out.size());
        }
        return out.toByteArray();
    }

    public static byte[] encodeMessage(ViciMessage message) throws ViciFormatException {
        var out = new ByteArrayOutputStream();
        writeMessage(out, message, 0);
        if (out.size() > MAX_PACKET_BYTES) {
            throw new ViciFormatException("a VICI message holds at most " + MAX_PACKET_BYTES + " bytes, this one "
                    + out.size());
        }
        return out.toByteArray();
    }

    private static void writeMessage(ByteArrayOutputStream out, ViciMessage message, int depth)
            throws ViciFormatException {
        for (ViciEntry entry : message.entries()) {
            switch (entry) {
                case ViciEntry.KeyValue kv -> {
                    out.write(KEY_VALUE);
                    writeName(out, kv.name());
                    writeValue(out, kv.value());
                }
                case ViciEntry.ValueList list -> {
                    out.write(LIST_START);
                    writeName(out, list.name());
                    for (ViciValue item : list.items()) {
                        out.write(LIST_ITEM);
                        writeValue(out, item);
                    }
                    out.write(LIST_END);
                }
                case ViciEntry.Section section -> {
                    if (depth == MAX_DEPTH) {
                        throw new ViciFormatException("VICI sections nest at most " + MAX_DEPTH + " deep");
                    }
                    out.write(SECTION_START);
                    writeName(out, section.name());
                    writeMessage(out, section.body(), depth + 1);
                    out.write(SECTION_END);
                }
            }
            if (out.size() > MAX_PACKET_BYTES) {
                throw new ViciFormatException("a VICI message holds at most " + MAX_PACKET_BYTES + " bytes");
            }
        }
    }

    private static void writeName(ByteArrayOutputStream out, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeValue(ByteArrayOutputStream out, ViciValue value) {
        byte[] bytes = value.rawBytes();
        out.write(bytes.length >>> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    /** A packet without its length prefix. */
    public static ViciPacket decodePacket(byte[] packet) throws ViciFormatException {
        if (packet.length == 0) {
            throw new ViciFormatException("empty VICI packet: no type");
        }
        if (packet.length > MAX_PACKET_BYTES) {
            throw new ViciFormatException("a VICI packet holds at most " + MAX_PACKET_BYTES + " bytes, this one "
                    + packet.length);
        }
        ViciPacketType type = ViciPacketType.ofCode(packet[0] & 0xFF);
        if (type == null) {
            throw new ViciFormatException("unknown VICI packet type " + (packet[0] & 0xFF));
        }
        var reader = new Reader(packet, 1);
        String name = type.named() ? reader.name() : null;
        return new ViciPacket(type, name, reader.message());
    }

    public static ViciMessage decodeMessage(byte[] message) throws ViciFormatException {
        if (message.length > MAX_PACKET_BYTES) {
            throw new ViciFormatException("a VICI message holds at most " + MAX_PACKET_BYTES + " bytes, this one "
                    + message.length);
        }
        return new Reader(message, 0).message();
    }

    /** Reads elements from a byte array, checking every length against what is left. */
    private static final class Reader {
        private final byte[] data;
        private int position;

        Reader(byte[] data, int position) {
            this.data = data;
            this.position = position;
        }

        ViciMessage message() throws ViciFormatException {
            Deque<Open> sections = new ArrayDeque<>();
            var root = new Open(null);
            sections.push(root);
            String listName = null;
            List<ViciValue> listItems = null;
            while (position < data.length) {
                int at = position;
                int element = data[position++] & 0xFF;
                if (listItems != null && element != LIST_ITEM && element != LIST_END) {
                    throw new ViciFormatException("element type " + element + " inside list '" + listName
                            + "' at offset " + at);
                }
                switch (element) {
                    case SECTION_START -> {
                        String name = name();
                        if (sections.size() > MAX_DEPTH) {
                            throw new ViciFormatException("VICI sections nest at most " + MAX_DEPTH
                                    + " deep (offset " + at + ")");
                        }
                        sections.push(new Open(name));
                    }
                    case SECTION_END -> {
                        if (sections.size() == 1) {
                            throw new ViciFormatException("section end without a section at offset " + at);
                        }
                        Open closed = sections.pop();
                        sections.peek().entries.add(new ViciEntry.Section(closed.name,
                                ViciMessage.of(closed.entries)));
                    }
                    case KEY_VALUE -> {
                        String name = name();
                        sections.peek().entries.add(new ViciEntry.KeyValue(name, value()));
                    }
                    case LIST_START -> {
                        listName = name();
                        listItems = new ArrayList<>();
                    }
                    case LIST_ITEM -> {
                        if (listItems == null) {
                            throw new ViciFormatException("list item outside a list at offset " + at);
                        }
                        listItems.add(value());
                    }
                    case LIST_END -> {
                        if (listItems == null) {
                            throw new ViciFormatException("list end without a list at offset " + at);
                        }
                        sections.peek().entries.add(new ViciEntry.ValueList(listName, listItems));
                        listName = null;
                        listItems = null;
                    }
                    default -> throw new ViciFormatException("unknown VICI element type " + element + " at offset "
                            + at);
                }
            }
            if (listItems != null) {
                throw new ViciFormatException("list '" + listName + "' not ended");
            }
            if (sections.size() > 1) {
                throw new ViciFormatException("section '" + sections.peek().name + "' not ended");
            }
            return ViciMessage.of(root.entries);
        }

        String name() throws ViciFormatException {
            need(1, "a name's length");
            int length = data[position++] & 0xFF;
            if (length == 0) {
                throw new ViciFormatException("empty VICI name at offset " + (position - 1));
            }
            need(length, "a name");
            String name;
            try {
                name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(data, position, length)).toString();
            } catch (CharacterCodingException e) {
                throw new ViciFormatException("VICI name at offset " + position + " is not UTF-8");
            }
            if (name.indexOf('\0') >= 0) {
                throw new ViciFormatException("VICI name at offset " + position + " holds a NUL");
            }
            position += length;
            return name;
        }

        ViciValue value() throws ViciFormatException {
            need(2, "a value's length");
            int length = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
            position += 2;
            need(length, "a value");
            byte[] bytes = new byte[length];
            System.arraycopy(data, position, bytes, 0, length);
            position += length;
            return ViciValue.adopt(bytes);
        }

        private void need(int bytes, String what) throws ViciFormatException {
            if (data.length - position < bytes) {
                throw new ViciFormatException("VICI data ends inside " + what + " at offset " + position);
            }
        }
    }

    /** A section being read: its name (null for the message itself) and its entries so far. */
    private static final class Open {
        final String name;
        final List<ViciEntry> entries = new ArrayList<>();

        Open(String name) {
            this.name = name;
        }
    }
}
