package dev.vpnd.server.dialect.neutron;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IPv4 and IPv6 addresses and CIDRs as netaddr reads them. Literals only: nothing here asks DNS
 * (an IPv6 literal is recognised by its colon before {@link InetAddress} sees it).
 */
final class Addresses {
    private Addresses() {
    }

    /** An address and prefix length; {@code bits} is 32 or 128. */
    record Network(BigInteger address, int prefix, int bits) {
        int version() {
            return bits == 32 ? 4 : 6;
        }

        BigInteger first() {
            return address.shiftRight(bits - prefix).shiftLeft(bits - prefix);
        }

        BigInteger last() {
            return first().add(BigInteger.ONE.shiftLeft(bits - prefix)).subtract(BigInteger.ONE);
        }

        boolean overlaps(Network other) {
            return bits == other.bits && first().compareTo(other.last()) <= 0 && other.first().compareTo(last()) <= 0;
        }

        boolean contains(BigInteger ip) {
            return first().compareTo(ip) <= 0 && ip.compareTo(last()) <= 0;
        }

        String cidr() {
            return format(first(), bits) + "/" + prefix;
        }
    }

    /** {@code a.b.c.d/n} or {@code v6/n}; empty when not a CIDR (a bare address is not one). */
    static Optional<Network> cidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        var address = ip(text.substring(0, slash));
        String prefix = text.substring(slash + 1);
        if (address.isEmpty() || prefix.isEmpty() || prefix.length() > 3
                || !prefix.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int length = Integer.parseInt(prefix);
        int bits = address.get().bits();
        return length > bits ? Optional.empty() : Optional.of(new Network(address.get().address(), length, bits));
    }

    /** A single address as a /32 or /128 network. */
    static Optional<Network> ip(String text) {
        if (text.contains(":")) {
            if (!text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return Optional.empty();
            }
            try {
                byte[] bytes = InetAddress.getByName(text).getAddress();
                return bytes.length == 16 ? Optional.of(new Network(new BigInteger(1, bytes), 128, 128))
                        : Optional.empty();
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(octet) > 255) {
                return Optional.empty();
            }
            value = value * 256 + Integer.parseInt(octet);
        }
        return Optional.of(new Network(BigInteger.valueOf(value), 32, 32));
    }

    static String format(BigInteger address, int bits) {
        if (bits == 32) {
            long v = address.longValue();
            return (v >>> 24 & 255) + "." + (v >>> 16 & 255) + "." + (v >>> 8 & 255) + "." + (v & 255);
        }
        byte[] raw = address.toByteArray();
        byte[] bytes = new byte[16];
        System.arraycopy(raw, Math.max(0, raw.length - 16), bytes, Math.max(0, 16 - raw.length),
                Math.min(16, raw.length));
        try {
            return compress(InetAddress.getByAddress(bytes).getHostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Java writes every IPv6 group; netaddr writes the RFC 5952 form. */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; i++) {
            groups[i] = groups[i].replaceFirst("^0+(?=.)", "");
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].replaceFirst("^0+(?=.)", "").equals("0")) {
                    j++;
                }
                if (j - i > bestLength && j - i > 1) {
                    bestStart = i;
                    bestLength = j - i;
                }
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
