package dev.vpnd.core.algo;

/** Integrity (authentication) algorithm for IKE or ESP, independent of how any cloud spells it. */
public enum Integrity {
    MD5, SHA1, SHA256, SHA384, SHA512, SM3
}
