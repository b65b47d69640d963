package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.problem.ResourceType;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Alibaba's resource ids ({@code vco-…}, {@code vpn-…}, {@code cgw-…}, {@code vpc-…}) are the
 * canonical UUID written in 25 lowercase base-36 digits behind the type's prefix, so ids need no
 * lookup table and every dialect can name the same resource in its own form.
 */
public final class AliyunIds {
    private static final int DIGITS = 25;
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private AliyunIds() {
    }

    static String prefix(ResourceType type) {
        return switch (type) {
            case VPC -> "vpc-";
            case VPN_GATEWAY -> "vpn-";
            case CUSTOMER_GATEWAY -> "cgw-";
            case VPN_CONNECTION -> "vco-";
            case TAG, ACCOUNT -> throw new IllegalArgumentException("no Alibaba id for " + type);
        };
    }

    static String tunnelId(String canonical) {
        return "tun-" + digits(canonical);
    }

    public static String encode(ResourceType type, String canonical) {
        return prefix(type) + digits(canonical);
    }

    /** The canonical id, or empty when the text is not an id of this type (it then names nothing). */
    static Optional<String> decode(ResourceType type, String wireId) {
        return decodeDigits(prefix(type), wireId);
    }

    static Optional<String> decodeTunnel(String wireId) {
        return decodeDigits("tun-", wireId);
    }

    private static String digits(String canonical) {
        var uuid = UUID.fromString(canonical);
        var value = unsigned(uuid.getMostSignificantBits()).multiply(TWO_TO_64)
                .add(unsigned(uuid.getLeastSignificantBits()));
        String text = value.toString(36);
        return "0".repeat(DIGITS - text.length()) + text;
    }

    private static Optional<String> decodeDigits(String prefix, String wireId) {
        if (wireId == null || !wireId.startsWith(prefix) || wireId.length() != prefix.length() + DIGITS) {
            return Optional.empty();
        }
        String digits = wireId.substring(prefix.length());
        if (!digits.equals(digits.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        try {
            var value = new BigInteger(digits, 36);
            if (value.bitLength() > 128) {
                return Optional.empty();
            }
            return Optional.of(new UUID(value.shiftRight(64).longValue(), value.longValue()).toString());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static BigInteger unsigned(long bits) {
        return new BigInteger(Long.toUnsignedString(bits));
    }
}
