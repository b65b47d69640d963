package dev.vpnd.agent.vici;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random messages survive encoding and decoding unchanged, and random or damaged bytes make the
 * decoder answer with a message or a {@link ViciFormatException}, never anything else. Seeds are
 * fixed, so a failure repeats.
 */
class ViciCodecRandomTest {
    private static final int ROUNDS = 2_000;

    @Test
    void randomMessagesRoundTrip() throws ViciFormatException {
        var random = new Random(15);
        for (int i = 0; i < ROUNDS; i++) {
            ViciMessage message = randomMessage(random, 0);
            byte[] wire = ViciCodec.encodeMessage(message);
            assertThat(ViciCodec.decodeMessage(wire)).as("round %d", i).isEqualTo(message);
            var packet = new ViciPacket(ViciPacketType.EVENT, randomName(random), message);
            assertThat(ViciCodec.decodePacket(ViciCodec.encodePacket(packet))).isEqualTo(packet);
        }
    }

    @Test
    void garbageIsAMessageOrAFormatException() throws ViciFormatException {
        var random = new Random(7);
        int decoded = 0;
        for (int i = 0; i < ROUNDS * 5; i++) {
            byte[] bytes;
            if (i % 2 == 0) {
                bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                // mostly element types, so that decoding gets somewhere before it fails
                for (int j = 0; j < bytes.length; j += 1 + random.nextInt(4)) {
                    bytes[j] = (byte) random.nextInt(8);
                }
            } else {
                bytes = ViciCodec.encodeMessage(randomMessage(random, 0));
                damage(random, bytes);
            }
            if (decodes(bytes)) {
                decoded++;
            }
            byte[] packet = new byte[bytes.length + 1];
            packet[0] = (byte) random.nextInt(9);
            System.arraycopy(bytes, 0, packet, 1, bytes.length);
            decodesPacket(packet);
        }
        assertThat(decoded).as("some damaged input is still a message").isPositive();
    }

    private static boolean decodes(byte[] bytes) {
        try {
            ViciCodec.decodeMessage(bytes);
            return true;
        } catch (ViciFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
            return false;
        }
    }

    private static void decodesPacket(byte[] bytes) {
        try {
            ViciCodec.decodePacket(bytes);
        } catch (ViciFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static void damage(Random random, byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(3)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes[at] = (byte) (bytes[at] + 1);
                default -> bytes[at] = (byte) random.nextInt(8);
            }
        }
    }

    private static ViciMessage randomMessage(Random random, int depth) {
        var entries = new ArrayList<ViciEntry>();
        for (int n = random.nextInt(6); n > 0; n--) {
            int kind = random.nextInt(depth < 4 ? 3 : 2);
            String name = randomName(random);
            entries.add(switch (kind) {
                case 0 -> new ViciEntry.KeyValue(name, randomValue(random));
                case 1 -> new ViciEntry.ValueList(name, randomValues(random));
                default -> new ViciEntry.Section(name, randomMessage(random, depth + 1));
            });
        }
        return ViciMessage.of(entries);
    }

    private static List<ViciValue> randomValues(Random random) {
        var values = new ArrayList<ViciValue>();
        for (int n = random.nextInt(4); n > 0; n--) {
            values.add(randomValue(random));
        }
        return values;
    }

    private static ViciValue randomValue(Random random) {
        byte[] bytes = new byte[random.nextInt(10) == 0 ? random.nextInt(2000) : random.nextInt(20)];
        random.nextBytes(bytes);
        return ViciValue.ofBytes(bytes);
    }

    private static String randomName(Random random) {
        int length = 1 + (random.nextInt(20) == 0 ? random.nextInt(255) : random.nextInt(12));
        var name = new StringBuilder();
        for (int i = 0; i < length; i++) {
            name.append((char) (random.nextInt(20) == 0 ? 'é' : 'a' + random.nextInt(26)));
        }
        // 'é' is two bytes: cut back to what the length field allows
        while (name.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > ViciEntry.MAX_NAME_BYTES) {
            name.setLength(name.length() - 1);
        }
        return name.toString();
    }
}
