package dev.vpnd.core.model;

/**
 * Who starts IKE negotiation: vpnd at once, vpnd when the first packet needs the tunnel, or only
 * the peer (Alibaba's EffectImmediately true/false; Tencent's active, flowTrigger, passive).
 */
public enum Initiation {
    IMMEDIATE, ON_TRAFFIC, PASSIVE
}
