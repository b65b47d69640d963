package dev.vpnd.agent;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.regex.Pattern;

/**
 * The gateway's public address, the one the agent tells vpnd: given by the operator, or by default
 * the host's address toward the internet.
 */
public final class PublicAddress {
    /**
     * Any address on the internet will do: a UDP socket "connected" to it sends nothing, the kernel only
     * picks the route there and with it the source address.
     */
    private static final byte[] INTERNET = {8, 8, 8, 8};
    private static final int DNS_PORT = 53;
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private PublicAddress() {
    }

    /**
     * The source address of the host's route toward the internet; an {@link IOException} when it has
     * none (then the operator names the address). Behind a NAT this is the private address, not the
     * NAT's: the operator then names the public one.
     */
    public static String detect() throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByAddress(INTERNET), DNS_PORT));
            InetAddress local = socket.getLocalAddress();
            if (local == null || local.isAnyLocalAddress()) {
                throw new IOException("this host has no route toward the internet");
            }
            return local.getHostAddress();
        } catch (IOException e) {
            throw new IOException("could not find this host's address toward the internet (" + e.getMessage()
                    + "): name the gateway's public address", e);
        }
    }

    /**
     * {@code text} when it is an IPv4 or IPv6 address literal, else an {@link IllegalArgumentException};
     * a name is refused, never resolved.
     */
    public static String literal(String text) {
        boolean ipv4 = IPV4.matcher(text).matches();
        boolean ipv6 = !ipv4 && text.indexOf(':') >= 0 && IPV6.matcher(text).matches() && parsesAsIpv6(text);
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("a public address is an IPv4 or IPv6 address, not " + text);
        }
        return text;
    }

    /** A text with a colon is never taken for a host name, so this parses without a lookup. */
    private static boolean parsesAsIpv6(String text) {
        try {
            InetAddress.getByName(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
