package dev.vpnd.core.model;

/**
 * What dead-peer detection does when the peer stops answering: drop the SAs, renegotiate them,
 * keep them and wait for traffic to renegotiate ({@link #HOLD}, OpenStack's default), or leave the
 * renegotiation to the peer ({@link #RESTART_BY_PEER}, strongSwan's {@code restart-by-peer}).
 */
public enum DpdAction {
    CLEAR, RESTART, HOLD, RESTART_BY_PEER
}
