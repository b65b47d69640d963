package dev.vpnd.core.model;

/** BGP over the tunnel. Empty strings where the user set nothing; the peer side comes from the customer gateway. */
public record BgpConfig(boolean enabled, long localAsn, String tunnelCidr, String localBgpIp, String authKey) {
}
