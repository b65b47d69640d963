package dev.vpnd.server.dialect.tencent;

import dev.vpnd.core.problem.ResourceType;
import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * Tencent's ids: a type prefix and eight base-36 digits ({@code vpnx-7q9z2k1m}). Eight digits
 * cannot hold a canonical UUID, so they encode the resource's serial instead, through a fixed
 * permutation of the 36^8 codes (multiply by a unit, add an offset), unique and reversible without
 * a lookup table. The permutation hides nothing: serials are drawn at random by the store, so an
 * id tells nothing of other tenants' resources.
 */
public final class TencentIds {
    static final int DIGITS = 8;
    private static final long SPACE = 2_821_109_907_456L; // 36^8
    private static final BigInteger MODULUS = BigInteger.valueOf(SPACE);
    /** Coprime with 36, so multiplication by it permutes the codes; near SPACE / golden ratio. */
    private static final BigInteger MULTIPLIER = BigInteger.valueOf(1_743_541_808_669L);
    private static final BigInteger INVERSE = MULTIPLIER.modInverse(MODULUS);
    private static final BigInteger OFFSET = BigInteger.valueOf(1_234_567_890_123L);
    private static final long MULTIPLIER_LONG = MULTIPLIER.longValueExact();
    private static final int HALF_BITS = 21;

    private TencentIds() {
    }

    /**
     * The serial a Tencent gateway id stands for, in either form the APIs take ({@code vpngw-…} or
     * the legacy API's number): for the operator's command line.
     */
    public static OptionalLong gatewaySerial(String id) {
        return LegacyIds.serial(ResourceType.VPN_GATEWAY, id);
    }

    /** The serial a Tencent connection id stands for, in either form ({@code vpnx-…} or the legacy number). */
    public static OptionalLong connectionSerial(String id) {
        return LegacyIds.serial(ResourceType.VPN_CONNECTION, id);
    }

    static String prefix(ResourceType type) {
        return switch (type) {
            case VPC -> "vpc-";
            case VPN_GATEWAY -> "vpngw-";
            case CUSTOMER_GATEWAY -> "cgw-";
            case VPN_CONNECTION -> "vpnx-";
            case ACCOUNT, TAG, OPENSTACK -> throw new IllegalArgumentException("no Tencent id for " + type);
        };
    }

    static String encode(ResourceType type, long serial) {
        long code = (timesMultiplier(Math.floorMod(serial, SPACE)) + OFFSET.longValue()) % SPACE;
        String prefix = prefix(type);
        char[] id = new char[prefix.length() + DIGITS];
        prefix.getChars(0, prefix.length(), id, 0);
        for (int i = id.length - 1; i >= prefix.length(); i--) {
            id[i] = Character.forDigit((int) (code % 36), 36);
            code /= 36;
        }
        return new String(id);
    }

    /**
     * {@code residue * MULTIPLIER mod SPACE} in long arithmetic, for a residue below SPACE (2^42):
     * the multiplier is split into 21-bit halves so that no product passes 2^63.
     */
    private static long timesMultiplier(long residue) {
        long high = MULTIPLIER_LONG >>> HALF_BITS;
        long low = MULTIPLIER_LONG & ((1L << HALF_BITS) - 1);
        long upper = ((residue * high) % SPACE << HALF_BITS) % SPACE;
        return (upper + residue * low % SPACE) % SPACE;
    }

    /** The serial a well-formed id of {@code type} stands for; empty when the id is not of that form. */
    static OptionalLong decode(ResourceType type, String id) {
        String prefix = prefix(type);
        if (id == null || id.length() != prefix.length() + DIGITS || !id.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        String digits = id.substring(prefix.length());
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) {
                return OptionalLong.empty();
            }
        }
        long code = Long.parseLong(digits, 36);
        long serial = BigInteger.valueOf(code).subtract(OFFSET).multiply(INVERSE).mod(MODULUS).longValueExact();
        return OptionalLong.of(serial);
    }
}
