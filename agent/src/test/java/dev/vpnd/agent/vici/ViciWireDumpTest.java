package dev.vpnd.agent.vici;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The codec against the bytes charon 5.9.8 exchanged with a client on the wire (docs/vici.md, "Wire
 * format"): each dump is encoded from our model byte for byte, and decodes back to the same model.
 */
class ViciWireDumpTest {

    private static void assertWire(String dump, ViciPacket packet) throws ViciFormatException {
        byte[] wire = Dump.bytes(dump);
        assertThat(ViciCodec.frame(packet)).as("encoded").isEqualTo(wire);
        byte[] body = Arrays.copyOfRange(wire, ViciCodec.FRAME_HEADER_BYTES, wire.length);
        assertThat(ViciCodec.decodePacket(body)).as("decoded").isEqualTo(packet);
    }

    @Test
    void versionRequest() throws ViciFormatException {
        assertWire("00 00 00 09 00 07 76 65 72 73 69 6f 6e", ViciPacket.request("version", ViciMessage.EMPTY));
    }

    @Test
    void theHeadOfTheVersionResponse() throws ViciFormatException {
        // The dump's first two key-values, as charon sent them.
        byte[] head = Dump.bytes("03 06 64 61 65 6d 6f 6e 00 0e 63 68 61 72 6f 6e 2d 73 79 73 74 65 6d 64 "
                + "03 07 76 65 72 73 69 6f 6e 00 05 35 2e 39 2e 38");
        ViciMessage message = ViciCodec.decodeMessage(head);
        assertThat(message).isEqualTo(ViciMessage.builder().put("daemon", "charon-systemd").put("version", "5.9.8")
                .build());
        assertThat(ViciCodec.encodeMessage(message)).isEqualTo(head);
    }

    @Test
    void loadSharedWithAList() throws ViciFormatException {
        assertWire("00 00 00 69 00 0b \"load-shared\" "
                + "03 02 \"id\" 00 0c \"psk-s2s-vici\" 03 04 \"type\" 00 03 \"IKE\" "
                + "03 04 \"data\" 00 10 \"vici-demo-secret\" "
                + "04 06 \"owners\" 05 00 0c \"198.51.100.1\" 05 00 0c \"198.51.100.2\" 06",
                ViciPacket.request("load-shared", ViciMessage.builder().put("id", "psk-s2s-vici").put("type", "IKE")
                        .putSecret("data", "vici-demo-secret")
                        .putList("owners", List.of("198.51.100.1", "198.51.100.2")).build()));
    }

    @Test
    void successResponse() throws ViciFormatException {
        assertWire("00 00 00 0f 01 03 07 \"success\" 00 03 \"yes\"", new ViciPacket(ViciPacketType.CMD_RESPONSE,
                null, ViciMessage.builder().put("success", "yes").build()));
    }

    @Test
    void loadConnWithNestedSections() throws ViciFormatException {
        String dump = "00 00 01 6d 00 09 \"load-conn\" 01 08 \"s2s-vici\" 03 07 \"version\" 00 01 \"2\" "
                + "04 0b \"local_addrs\" 05 00 0c \"198.51.100.1\" 06 "
                + "04 0c \"remote_addrs\" 05 00 0c \"198.51.100.2\" 06 "
                + "04 09 \"proposals\" 05 00 14 \"aes128-sha1-modp1024\" 06 03 0a \"rekey_time\" 00 02 \"8h\" "
                + "01 05 \"local\" 03 04 \"auth\" 00 03 \"psk\" 03 02 \"id\" 00 0c \"198.51.100.1\" 02 "
                + "01 06 \"remote\" 03 04 \"auth\" 00 03 \"psk\" 03 02 \"id\" 00 0c \"198.51.100.2\" 02 "
                + "01 08 \"children\" 01 08 \"s2s-vici\" "
                + "04 08 \"local_ts\" 05 00 0b \"10.1.0.0/24\" 06 04 09 \"remote_ts\" 05 00 0b \"10.2.0.0/24\" 06 "
                + "04 0d \"esp_proposals\" 05 00 14 \"aes128-sha1-modp1024\" 06 "
                + "03 04 \"mode\" 00 06 \"tunnel\" 03 0c \"start_action\" 00 04 \"none\" 02 02 02";
        assertThat(Dump.bytes(dump)).hasSize(369);
        ViciMessage conn = ViciMessage.builder().section("s2s-vici", c -> c
                .put("version", "2")
                .putList("local_addrs", List.of("198.51.100.1"))
                .putList("remote_addrs", List.of("198.51.100.2"))
                .putList("proposals", List.of("aes128-sha1-modp1024"))
                .put("rekey_time", "8h")
                .section("local", l -> l.put("auth", "psk").put("id", "198.51.100.1"))
                .section("remote", r -> r.put("auth", "psk").put("id", "198.51.100.2"))
                .section("children", children -> children.section("s2s-vici", child -> child
                        .putList("local_ts", List.of("10.1.0.0/24"))
                        .putList("remote_ts", List.of("10.2.0.0/24"))
                        .putList("esp_proposals", List.of("aes128-sha1-modp1024"))
                        .put("mode", "tunnel")
                        .put("start_action", "none"))))
                .build();
        assertWire(dump, ViciPacket.request("load-conn", conn));
    }

    @Test
    void streamedListSas() throws ViciFormatException {
        assertWire("00 00 00 09 03 07 \"list-sa\"", ViciPacket.named(ViciPacketType.EVENT_REGISTER, "list-sa"));
        assertWire("00 00 00 01 05", ViciPacket.of(ViciPacketType.EVENT_CONFIRM));
        assertWire("00 00 00 19 00 08 \"list-sas\" 03 03 \"ike\" 00 08 \"s2s-vici\"",
                ViciPacket.request("list-sas", ViciMessage.builder().put("ike", "s2s-vici").build()));
        assertWire("00 00 00 01 01", ViciPacket.of(ViciPacketType.CMD_RESPONSE));
        assertWire("00 00 00 09 04 07 \"list-sa\"", ViciPacket.named(ViciPacketType.EVENT_UNREGISTER, "list-sa"));
    }

    @Test
    void initiateWithItsLogStream() throws ViciFormatException {
        assertWire("00 00 00 0d 03 0b \"control-log\"", ViciPacket.named(ViciPacketType.EVENT_REGISTER,
                "control-log"));
        assertWire("00 00 00 38 00 08 \"initiate\" 03 05 \"child\" 00 08 \"s2s-vici\" "
                + "03 07 \"timeout\" 00 05 \"10000\" 03 08 \"loglevel\" 00 01 \"1\"",
                ViciPacket.request("initiate", ViciMessage.builder().put("child", "s2s-vici").put("timeout", "10000")
                        .put("loglevel", "1").build()));
    }

    @Test
    void unknownCommand() throws ViciFormatException {
        assertWire("00 00 00 11 00 0f \"no-such-command\"", ViciPacket.request("no-such-command",
                ViciMessage.EMPTY));
        assertWire("00 00 00 01 02", ViciPacket.of(ViciPacketType.CMD_UNKNOWN));
    }

    @Test
    void aSecretIsEncodedButNeverShown() throws ViciFormatException {
        ViciMessage message = ViciMessage.builder().put("id", "psk-1").putSecret("data", "hunter2").build();
        assertThat(message.toString()).isEqualTo("{id=psk-1, data=****}");
        assertThat(new String(ViciCodec.encodeMessage(message), java.nio.charset.StandardCharsets.US_ASCII))
                .contains("hunter2");
    }
}
