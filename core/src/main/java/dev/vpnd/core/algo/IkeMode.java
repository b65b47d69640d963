package dev.vpnd.core.algo;

/** IKEv1 phase 1 exchange mode; IKEv2 ignores it. */
public enum IkeMode {
    MAIN, AGGRESSIVE
}
