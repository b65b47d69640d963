package dev.vpnd.core.model;

/**
 * Who starts IKE negotiation: vpnd at once, vpnd when the first packet needs the tunnel, or only
 * the peer. A dialect that offers fewer choices spells the ones it has in its table.
 */
public enum Initiation {
    IMMEDIATE, ON_TRAFFIC, PASSIVE
}
