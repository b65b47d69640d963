package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.problem.ResourceType;
import java.util.Optional;
import java.util.UUID;

/**
 * Alibaba's resource ids ({@code vco-…}, {@code vpn-…}, {@code cgw-…}, {@code vpc-…}) are the
 * canonical UUID written in 25 lowercase base-36 digits behind the type's prefix, so ids need no
 * lookup table and every dialect can name the same resource in its own form. Every listed resource
 * is encoded a few times per answer, so the 128-bit arithmetic works on two longs, not BigInteger.
 */
public final class AliyunIds {
    /** 36^25 > 2^128, so 25 digits hold every UUID. */
    private static final int DIGITS = 25;
    /** 36^6, the largest power of 36 below 2^32: dividing 32-bit limbs by it never overflows a long. */
    private static final long CHUNK = 2_176_782_336L;
    private static final int CHUNK_DIGITS = 6;
    private static final long LOW_32 = 0xFFFF_FFFFL;

    private AliyunIds() {
    }

    static String prefix(ResourceType type) {
        return switch (type) {
            case VPC -> "vpc-";
            case VPN_GATEWAY -> "vpn-";
            case CUSTOMER_GATEWAY -> "cgw-";
            case VPN_CONNECTION -> "vco-";
            case TAG, ACCOUNT, OPENSTACK -> throw new IllegalArgumentException("no Alibaba id for " + type);
        };
    }

    static String tunnelId(String canonical) {
        return "tun-" + digits(canonical);
    }

    public static String encode(ResourceType type, String canonical) {
        return prefix(type) + digits(canonical);
    }

    /** The canonical id, or empty when the text is not an id of this type (it then names nothing). */
    public static Optional<String> decode(ResourceType type, String wireId) {
        return decodeDigits(prefix(type), wireId);
    }

    static Optional<String> decodeTunnel(String wireId) {
        return decodeDigits("tun-", wireId);
    }

    /** The UUID's 128 bits as 25 base-36 digits, most significant first, zero-padded. */
    private static String digits(String canonical) {
        var uuid = UUID.fromString(canonical);
        long high = uuid.getMostSignificantBits();
        long low = uuid.getLeastSignificantBits();
        // Four unsigned 32-bit limbs, most significant first, divided by CHUNK in place.
        long[] limbs = {high >>> 32, high & LOW_32, low >>> 32, low & LOW_32};
        char[] out = new char[DIGITS];
        int pos = DIGITS;
        while (pos > 0) {
            long remainder = 0;
            for (int i = 0; i < limbs.length; i++) {
                long dividend = remainder << 32 | limbs[i];
                limbs[i] = Long.divideUnsigned(dividend, CHUNK);
                remainder = Long.remainderUnsigned(dividend, CHUNK);
            }
            for (int i = 0; i < CHUNK_DIGITS && pos > 0; i++) {
                out[--pos] = Character.forDigit((int) (remainder % 36), 36);
                remainder /= 36;
            }
        }
        return new String(out);
    }

    /** Exactly 25 digits 0-9 and a-z whose value fits 128 bits; anything else names nothing. */
    private static Optional<String> decodeDigits(String prefix, String wireId) {
        if (wireId == null || !wireId.startsWith(prefix) || wireId.length() != prefix.length() + DIGITS) {
            return Optional.empty();
        }
        long high = 0;
        long low = 0;
        for (int i = prefix.length(); i < wireId.length(); i++) {
            int digit = digit(wireId.charAt(i));
            if (digit < 0) {
                return Optional.empty();
            }
            // (high, low) = (high, low) * 36 + digit, refusing anything that reaches 2^128.
            long lowProduct = low * 36;
            long carry = Math.unsignedMultiplyHigh(low, 36);
            long newLow = lowProduct + digit;
            if (Long.compareUnsigned(newLow, lowProduct) < 0) {
                carry++;
            }
            long highProduct = high * 36;
            long newHigh = highProduct + carry;
            if (Math.unsignedMultiplyHigh(high, 36) != 0 || Long.compareUnsigned(newHigh, highProduct) < 0) {
                return Optional.empty();
            }
            high = newHigh;
            low = newLow;
        }
        return Optional.of(new UUID(high, low).toString());
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'z' ? c - 'a' + 10 : -1;
    }
}
