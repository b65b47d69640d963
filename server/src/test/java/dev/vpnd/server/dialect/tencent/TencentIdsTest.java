package dev.vpnd.server.dialect.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.problem.ResourceType;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The id permutation in long arithmetic against the same formula in BigInteger, and back. */
class TencentIdsTest {
    private static final BigInteger SPACE = BigInteger.valueOf(36).pow(8);

    private static String byTheFormula(String prefix, long serial) {
        long code = BigInteger.valueOf(serial).multiply(BigInteger.valueOf(1_743_541_808_669L))
                .add(BigInteger.valueOf(1_234_567_890_123L)).mod(SPACE).longValueExact();
        String digits = Long.toString(code, 36);
        return prefix + "0".repeat(8 - digits.length()) + digits;
    }

    @Test
    void everySerialIsEncodedAsTheFormulaSaysAndDecodedBack() {
        var random = new SplittableRandom(17);
        long[] edges = {0, 1, 2, 35, 36, SPACE.longValue() - 1, SPACE.longValue(), (1L << 42) - 1, Long.MAX_VALUE,
            -1, Long.MIN_VALUE};
        for (long serial : edges) {
            assertThat(TencentIds.encode(ResourceType.VPN_CONNECTION, serial))
                    .isEqualTo(byTheFormula("vpnx-", serial));
        }
        for (int i = 0; i < 100_000; i++) {
            long serial = i % 2 == 0 ? random.nextLong(SPACE.longValue()) : random.nextLong();
            String id = TencentIds.encode(ResourceType.VPN_GATEWAY, serial);
            assertThat(id).isEqualTo(byTheFormula("vpngw-", serial));
            assertThat(TencentIds.decode(ResourceType.VPN_GATEWAY, id).getAsLong())
                    .isEqualTo(Math.floorMod(serial, SPACE.longValue()));
        }
    }

    @Test
    void aCodeWithLeadingZerosKeepsItsEightDigits() {
        // The serial whose code is 0 and the one whose code is 35.
        long inverse = BigInteger.valueOf(1_743_541_808_669L).modInverse(SPACE).longValueExact();
        for (long code : new long[] {0, 35}) {
            long serial = BigInteger.valueOf(code - 1_234_567_890_123L).multiply(BigInteger.valueOf(inverse))
                    .mod(SPACE).longValueExact();
            assertThat(TencentIds.encode(ResourceType.VPC, serial)).isEqualTo(code == 0 ? "vpc-00000000"
                    : "vpc-0000000z");
        }
    }
}
