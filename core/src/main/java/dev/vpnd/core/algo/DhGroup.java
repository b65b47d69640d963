package dev.vpnd.core.algo;

/**
 * Diffie-Hellman group keyed by its IANA transform number, so each dialect's spelling ("group2",
 * "modp1024", "DH-GROUP2") is a table over one neutral value. {@link #NONE} means no PFS.
 */
public enum DhGroup {
    NONE(0), MODP_768(1), MODP_1024(2), MODP_1536(5), MODP_2048(14), MODP_3072(15), MODP_4096(16),
    ECP_256(19), ECP_384(20), ECP_521(21), MODP_2048_S256(24), CURVE_25519(31);

    private final int ianaNumber;

    DhGroup(int ianaNumber) {
        this.ianaNumber = ianaNumber;
    }

    public int ianaNumber() {
        return ianaNumber;
    }
}
