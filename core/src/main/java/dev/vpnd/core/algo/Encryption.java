package dev.vpnd.core.algo;

/** Cipher for IKE or ESP, independent of how any cloud spells it. */
public enum Encryption {
    AES_128, AES_192, AES_256, DES, TRIPLE_DES, SM4
}
