package dev.vpnd.core.model;

/**
 * Data-plane state of an IPsec connection. Until a data plane reports otherwise a connection's
 * tunnels are not up, so new connections start at {@link #IKE_SA_NOT_ESTABLISHED}.
 */
public enum NegotiationStatus {
    IKE_SA_NOT_ESTABLISHED, IKE_SA_ESTABLISHED, IPSEC_SA_NOT_ESTABLISHED, IPSEC_SA_ESTABLISHED
}
