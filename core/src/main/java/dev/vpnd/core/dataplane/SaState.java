package dev.vpnd.core.dataplane;

/**
 * The state of an IKE SA or a CHILD_SA as the IPsec daemon reports it, reduced to what a user
 * cares about: not there, being negotiated (or rekeyed, or deleted), or up and carrying traffic.
 */
public enum SaState {
    ABSENT, CONNECTING, ESTABLISHED
}
