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

    public Tunnel withIke(IkeConfig newIke) {
        return new Tunnel(id, index, role, customerGatewayId, enableDpd, enableNatTraversal, remoteCaCertificate,
                newIke, ipsec, bgp, internetIp, zone, status);
    }

    public Tunnel withStatus(NegotiationStatus newStatus) {
        return new Tunnel(id, index, role, customerGatewayId, enableDpd, enableNatTraversal, remoteCaCertificate, ike,
                ipsec, bgp, internetIp, zone, newStatus);
    }
}
