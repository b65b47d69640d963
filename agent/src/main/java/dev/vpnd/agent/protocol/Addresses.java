package dev.vpnd.agent.protocol;

/**
 * IP address and CIDR literals, checked by hand: {@link java.net.InetAddress} would resolve a name
 * it does not take for a literal, and nothing read off the wire may trigger a lookup.
 */
final class Addresses {
    private static final int IPV6_GROUPS = 8;

    private Addresses() {
    }

    /** An IPv4 dotted quad or an IPv6 address (no zone). */
    static boolean isAddress(String text) {
        return isIpv4(text) || isIpv6(text);
    }

    /** An address, a slash and a prefix length the address's family allows. */
    static boolean isCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String address = text.substring(0, slash);
        String prefix = text.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int length = Integer.parseInt(prefix);
        return isIpv4(address) ? length <= 32 : isIpv6(address) && length <= 128;
    }

    static boolean isIpv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Eight groups of one to four hex digits, one {@code ::} standing for one or more, a dotted quad last. */
    static boolean isIpv6(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return false;
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        if (gap < 0) {
            return groups(text, true) == IPV6_GROUPS;
        }
        String head = text.substring(0, gap);
        String tail = text.substring(gap + 2);
        int before = head.isEmpty() ? 0 : groups(head, false);
        int after = tail.isEmpty() ? 0 : groups(tail, true);
        return before >= 0 && after >= 0 && before + after < IPV6_GROUPS;
    }

    /** How many groups {@code part} holds (a trailing dotted quad counts two), or -1 when malformed. */
    private static int groups(String part, boolean mayEndInIpv4) {
        String[] groups = part.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (i == groups.length - 1 && mayEndInIpv4 && group.contains(".")) {
                if (!isIpv4(group)) {
                    return -1;
                }
                count += 2;
            } else if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(Addresses::hex)) {
                return -1;
            } else {
                count++;
            }
        }
        return count;
    }

    private static boolean hex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
