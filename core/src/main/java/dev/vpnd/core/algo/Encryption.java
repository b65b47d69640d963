package dev.vpnd.core.algo;

/**
 * Cipher for IKE or ESP, independent of how any cloud spells it. The GCM ciphers carry a 128-bit
 * ICV; {@link #NULL} (ESP only) authenticates without encrypting.
 */
public enum Encryption {
    AES_128, AES_192, AES_256, AES_128_GCM, AES_192_GCM, AES_256_GCM, DES, TRIPLE_DES, SM4, NULL
}
