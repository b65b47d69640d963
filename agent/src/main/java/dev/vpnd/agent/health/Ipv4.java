package dev.vpnd.agent.health;

import dev.vpnd.core.service.Cidrs;
import java.util.List;

/** Whether an IPv4 address lies in a traffic selector: what decides that a probe goes through the tunnel. */
final class Ipv4 {
    private Ipv4() {
    }

    /** Whether {@code address} (an IPv4 literal) is in one of {@code cidrs}; IPv6 blocks hold none. */
    static boolean inAny(String address, List<String> cidrs) {
        return Cidrs.isIpv4(address) && cidrs.stream().anyMatch(cidr -> in(address, cidr));
    }

    private static boolean in(String address, String cidr) {
        if (!Cidrs.isCidr(cidr)) {
            return false;
        }
        int slash = cidr.indexOf('/');
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
        return (bits(address) & mask) == (bits(cidr.substring(0, slash)) & mask);
    }

    private static long bits(String address) {
        long out = 0;
        for (String octet : address.split("\\.", -1)) {
            out = out << 8 | Integer.parseInt(octet);
        }
        return out;
    }
}
