package dev.vpnd.core.model;

/** One of the two tunnels of a dual-tunnel connection, each with its own peer and negotiation settings. */
public record Tunnel(
        String id,
        int index,
        TunnelRole role,
        String customerGatewayId,
        boolean enableDpd,
        boolean enableNatTraversal,
        String remoteCaCertificate,
        IkeConfig ike,
        IpsecConfig ipsec,
        BgpConfig bgp,
        String internetIp,
        String zone,
        NegotiationStatus status) {
}
