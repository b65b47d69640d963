package dev.vpnd.core.model;

/** What dead-peer detection does when the peer stops answering: drop the SAs, or renegotiate them. */
public enum DpdAction {
    CLEAR, RESTART
}
