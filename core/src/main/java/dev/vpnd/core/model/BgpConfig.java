package dev.vpnd.core.model;

/**
 * BGP over the tunnel. Empty strings where the user set nothing; the peer's ASN comes from the
 * customer gateway, its address is {@code remoteBgpIp} or, when that is empty, the other host of
 * the tunnel's /30.
 */
public record BgpConfig(boolean enabled, long localAsn, String tunnelCidr, String localBgpIp, String remoteBgpIp,
        String authKey) {
}
