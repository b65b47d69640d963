package dev.vpnd.agent.vici;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The codec's bounds and its refusals of malformed input, each with a message that says what is wrong. */
class ViciCodecTest {

    private static void refused(String dump, String why) {
        assertThatThrownBy(() -> ViciCodec.decodeMessage(Dump.bytes(dump))).isInstanceOf(ViciFormatException.class)
                .hasMessageContaining(why);
    }

    @Test
    void malformedMessagesAreRefused() {
        refused("09", "unknown VICI element type 9 at offset 0");
        refused("03 02 \"id\" 00", "ends inside a value's length");
        refused("03 02 \"id\" 00 05 \"abc\"", "ends inside a value");
        refused("03 05 \"id\"", "ends inside a name");
        refused("03", "ends inside a name's length");
        refused("03 00 00 00", "empty VICI name");
        refused("03 02 ff fe 00 00", "not UTF-8");
        refused("03 02 61 00 00 00", "holds a NUL");
        refused("02", "section end without a section");
        refused("01 01 \"a\" 03 01 \"b\" 00 00", "section 'a' not ended");
        refused("05 00 00", "list item outside a list");
        refused("06", "list end without a list");
        refused("04 01 \"l\" 05 00 00", "list 'l' not ended");
        refused("04 01 \"l\" 03 01 \"k\" 00 00 06", "element type 3 inside list 'l'");
        refused("04 01 \"l\" 04 01 \"m\" 06 06", "element type 4 inside list 'l'");
        refused("04 01 \"l\" 01 01 \"s\" 02 06", "element type 1 inside list 'l'");
    }

    @Test
    void malformedPacketsAreRefused() {
        assertThatThrownBy(() -> ViciCodec.decodePacket(new byte[0])).isInstanceOf(ViciFormatException.class)
                .hasMessageContaining("no type");
        assertThatThrownBy(() -> ViciCodec.decodePacket(new byte[] {8})).isInstanceOf(ViciFormatException.class)
                .hasMessageContaining("unknown VICI packet type 8");
        assertThatThrownBy(() -> ViciCodec.decodePacket(new byte[] {0})).isInstanceOf(ViciFormatException.class)
                .hasMessageContaining("name's length");
        assertThatThrownBy(() -> ViciCodec.decodePacket(Dump.bytes("07 05 \"ab\"")))
                .isInstanceOf(ViciFormatException.class).hasMessageContaining("inside a name");
    }

    @Test
    void emptyMessagesAndUnnamedPackets() throws ViciFormatException {
        assertThat(ViciCodec.decodeMessage(new byte[0])).isEqualTo(ViciMessage.EMPTY);
        assertThat(ViciCodec.decodePacket(new byte[] {5})).isEqualTo(ViciPacket.of(ViciPacketType.EVENT_CONFIRM));
        assertThatThrownBy(() -> new ViciPacket(ViciPacketType.CMD_RESPONSE, "x", ViciMessage.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ViciPacket(ViciPacketType.EVENT, null, ViciMessage.EMPTY))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void namesAndValuesKeepToTheirLengthFields() throws ViciFormatException {
        String longest = "n".repeat(255);
        var message = ViciMessage.builder().put(longest, "v".repeat(ViciValue.MAX_BYTES)).build();
        assertThat(ViciCodec.decodeMessage(ViciCodec.encodeMessage(message))).isEqualTo(message);
        assertThatThrownBy(() -> ViciMessage.builder().put("n".repeat(256), "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 255 bytes, not 256");
        assertThatThrownBy(() -> ViciMessage.builder().put("é".repeat(128), "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 256");
        assertThatThrownBy(() -> ViciMessage.builder().put("", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ViciMessage.builder().put("a\0b", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ViciValue.ofBytes(new byte[ViciValue.MAX_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 65535 bytes");
    }

    @Test
    void sectionsNestSixteenDeepAndNoDeeper() throws ViciFormatException {
        ViciMessage deepest = nested(ViciCodec.MAX_DEPTH);
        byte[] wire = ViciCodec.encodeMessage(deepest);
        assertThat(ViciCodec.decodeMessage(wire)).isEqualTo(deepest);
        assertThatThrownBy(() -> ViciCodec.encodeMessage(nested(ViciCodec.MAX_DEPTH + 1)))
                .isInstanceOf(ViciFormatException.class).hasMessageContaining("nest at most 16");
        // the same bytes with one more section around them
        byte[] deeper = new byte[wire.length + 4];
        deeper[0] = 1;
        deeper[1] = 1;
        deeper[2] = 's';
        System.arraycopy(wire, 0, deeper, 3, wire.length);
        deeper[deeper.length - 1] = 2;
        assertThatThrownBy(() -> ViciCodec.decodeMessage(deeper)).isInstanceOf(ViciFormatException.class)
                .hasMessageContaining("nest at most 16");
    }

    private static ViciMessage nested(int depth) {
        ViciMessage message = ViciMessage.builder().put("k", "v").build();
        for (int i = 0; i < depth; i++) {
            message = ViciMessage.builder().putSection("s", message).build();
        }
        return message;
    }

    @Test
    void aPacketHoldsAtMost512KiB() throws ViciFormatException {
        var builder = ViciMessage.builder();
        for (int i = 0; i < 7; i++) {
            builder.put("k" + i, "v".repeat(ViciValue.MAX_BYTES));
        }
        ViciMessage fits = builder.build();
        assertThat(ViciCodec.encodePacket(new ViciPacket(ViciPacketType.CMD_RESPONSE, null, fits)))
                .hasSizeLessThanOrEqualTo(ViciCodec.MAX_PACKET_BYTES);
        ViciMessage tooBig = ViciMessage.builder().putSection("a", fits).putSection("b", fits).build();
        assertThatThrownBy(() -> ViciCodec.encodePacket(ViciPacket.request("load-conn", tooBig)))
                .isInstanceOf(ViciFormatException.class).hasMessageContaining("at most 524288 bytes");
        assertThatThrownBy(() -> ViciCodec.decodePacket(new byte[ViciCodec.MAX_PACKET_BYTES + 1]))
                .isInstanceOf(ViciFormatException.class).hasMessageContaining("at most 524288 bytes");
    }

    @Test
    void lookupsTakeTheFirstEntryOfAName() {
        var message = ViciMessage.builder().put("a", "1").put("a", "2").putList("l", List.of("x", "y"))
                .section("s", s -> s.put("b", "3")).build();
        assertThat(message.string("a")).contains("1");
        assertThat(message.string("l")).isEmpty();
        assertThat(message.strings("l")).containsExactly("x", "y");
        assertThat(message.strings("none")).isEmpty();
        assertThat(message.section("s").orElseThrow().string("b")).contains("3");
        assertThat(message.sections()).extracting(ViciEntry::name).containsExactly("s");
        assertThat(message.toString()).isEqualTo("{a=1, a=2, l=[x, y], s={b=3}}");
    }
}
