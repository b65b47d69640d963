package dev.vpnd.core.model;

/**
 * Which family of cryptography a gateway's tunnels use: the international algorithms (AES, SHA-2,
 * MODP groups) or China's commercial ShangMi suite (SM2 certificates, SM3, SM4), which needs the
 * peer's CA certificate on each connection. A property of the gateway, not of one cloud: the SM
 * algorithms are among {@link dev.vpnd.core.algo.Encryption} and {@link dev.vpnd.core.algo.Integrity}.
 */
public enum VpnType {
    INTERNATIONAL, SHANGMI
}
